import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectOptions, readSiteConfig } from "../../src/cli/site-config.ts";
import { publishProject } from "../../src/engine/project/compile-project.ts";
import { pngCacheDir } from "../../src/engine/project/image-options.ts";
import { createTempProject, repoRoot, runPlotline } from "../support/temp-project.ts";

describe("plotline check", () => {
  let project: ReturnType<typeof createTempProject>;
  beforeAll(() => {
    project = createTempProject(join(repoRoot, "tests", "sites", "basic"));
  });
  afterAll(() => project?.cleanup());
  const story = (name: string) => join(project.root, "content", "stories", name);

  it("prints nothing and exits 0 for a site without problems", () => {
    const result = runPlotline(project.root, "check");
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("reports every problem in every story, not only the first, and exits 1", () => {
    const a = readFileSync(story("city-talent.md"), "utf8");
    const b = readFileSync(story("zh-story.md"), "utf8");
    try {
      writeFileSync(story("city-talent.md"), a.replace("barX: {y: city, x: share", "barX: {y: citty, x: share").replace("lineY: {x: year", "lineY: {x: yaer"));
      writeFileSync(story("zh-story.md"), b.replace("title: 北京人才占三分之一", "titel: 北京人才占三分之一"));
      const result = runPlotline(project.root, "check");
      expect(result.status).toBe(1);
      const lines = result.stdout.split("\n").filter((line) => /^content\//.test(line));
      expect(lines).toEqual([
        'content/stories/city-talent.md:27:15 error plot/unknown-column Column "citty" is not in data "cities". Did you mean "city"?',
        'content/stories/city-talent.md:35:16 error plot/unknown-column Column "yaer" is not in data "years". Did you mean "year"?',
        'content/stories/zh-story.md:2:1 error story/unknown-key "titel" is not a frontmatter key Plotline knows. Did you mean "title"?',
      ]);
      expect(result.stdout).toMatch(/> 27 \|   - barX: \{y: citty/);
      expect(result.stdout).toMatch(/\n3 errors, 0 warnings\.\n$/);
    } finally {
      writeFileSync(story("city-talent.md"), a);
      writeFileSync(story("zh-story.md"), b);
    }
  }, 60_000);

  it("writes one JSON report with --format json, positions included, for editors' tools", () => {
    const a = readFileSync(story("city-talent.md"), "utf8");
    try {
      writeFileSync(story("city-talent.md"), a.replace("barX: {y: city, x: share", "barX: {y: citty, x: share"));
      const result = runPlotline(project.root, "check", "--format", "json");
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { errors: number; warnings: number; diagnostics: Record<string, unknown>[] };
      expect(report.errors).toBe(1);
      expect(report.diagnostics).toEqual([
        {
          file: "content/stories/city-talent.md",
          line: 27,
          column: 15,
          endLine: 27,
          endColumn: 20,
          severity: "error",
          code: "plot/unknown-column",
          title: "Chart names a column that the data lacks",
          message: 'Column "citty" is not in data "cities". Did you mean "city"?',
          hint: 'The columns of "cities" are "city", "share". Names are case-sensitive.',
          docs: "docs/diagnostics.md#plot-unknown-column",
        },
      ]);
    } finally {
      writeFileSync(story("city-talent.md"), a);
    }
  }, 60_000);

  it("compiles as the build does, social cards included: after a check the build finds every story compiled", async () => {
    rmSync(join(project.root, ".plotline"), { recursive: true, force: true });
    expect(runPlotline(project.root, "check").status).toBe(0);
    // What plotline build compiles, in-process: every story comes from the entries check left.
    const built = await publishProject(project.root, projectOptions(await readSiteConfig(project.root)));
    expect(built.stories.length).toBeGreaterThan(0);
    expect(built.stories.filter((story) => !story.fromCache).map((story) => story.path)).toEqual([]);
    const charts = built.stories.flatMap((story) => story.charts);
    expect(charts.length).toBeGreaterThan(0);
    // Chart PNGs are drawn by readers' browsers unless plotline.config.mjs asks for them (images.chartPng).
    for (const chart of charts) expect(chart.png, chart.id).toBeUndefined();
    for (const story of built.stories) expect(story.socialCard, story.slug).toBeDefined();
    // Drawn by check into the PNG cache (not into the site): each story's card.
    const pngs = readdirSync(join(project.root, pngCacheDir)).filter((name) => name.endsWith(".png"));
    expect(pngs.length).toBe(built.stories.filter((story) => story.socialCard).length);
    expect(existsSync(join(project.root, "dist"))).toBe(false);
  }, 120_000);

  it("stops at a house style it cannot read, saying what to write, without a stack trace", () => {
    const configPath = join(project.root, "plotline.config.mjs");
    const config = readFileSync(configPath, "utf8");
    try {
      writeFileSync(configPath, config.replace("export const additions = {};", "export const additions = { endLables: false };"));
      const result = runPlotline(project.root, "check");
      expect(result.stderr).toContain('plotline.config.mjs: `additions` names "endLables", which is not one of Plotline\'s additions. Did you mean "endLabels"?');
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.status).toBe(2);
    } finally {
      writeFileSync(configPath, config);
    }
  });

  it("stops at a config file that is not valid JavaScript, naming the file and the mistake, without a stack trace", () => {
    const configPath = join(project.root, "plotline.config.mjs");
    const config = readFileSync(configPath, "utf8");
    try {
      // Declared twice: the module cannot even be loaded (the build command must not load it before reading it).
      writeFileSync(configPath, config.replace("export const additions = {};", "export const additions = {};\nexport const additions = {};"));
      const result = runPlotline(project.root, "check");
      expect(result.stderr).toContain("plotline.config.mjs could not be read: Identifier 'additions' has already been declared.");
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.status).toBe(2);
    } finally {
      writeFileSync(configPath, config);
    }
  });

  it("refuses an unknown --format", () => {
    const result = runPlotline(project.root, "check", "--format", "xml");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown format "xml"');
  });
});
