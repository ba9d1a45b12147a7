import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../support/decode-png.ts";
import { checkSiteXml } from "../support/well-formed-site.ts";
import { createTempProject, repoRoot, runPlotline } from "../support/temp-project.ts";

const site = join(repoRoot, "tests", "sites", "basic");

describe("building a site", () => {
  let project: ReturnType<typeof createTempProject>;
  let result: ReturnType<typeof runPlotline>;

  beforeAll(() => {
    project = createTempProject(site);
    result = runPlotline(project.root, "build");
  }, 300_000);
  afterAll(() => project?.cleanup());

  const page = (path: string) => readFileSync(join(project.root, "dist", path), "utf8");

  it("exits 0 and writes a page per story and a home page", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(project.root, "dist", "index.html"))).toBe(true);
    expect(existsSync(join(project.root, "dist", "stories", "city-talent", "index.html"))).toBe(true);
    expect(existsSync(join(project.root, "dist", "stories", "zh-story", "index.html"))).toBe(true);
  });

  it("writes only well-formed XML: every .svg and .xml file, and every chart SVG inside a page", () => {
    const xml = checkSiteXml(join(project.root, "dist"));
    console.log(`build-site: ${xml.svgFiles} .svg files, ${xml.xmlFiles} .xml files and ${xml.inlineSvgs} inline SVGs are well-formed XML`);
    expect(xml.problems).toEqual([]);
    expect(xml.svgFiles).toBeGreaterThan(0);
    expect(xml.xmlFiles).toBeGreaterThan(0);
    expect(xml.inlineSvgs).toBeGreaterThan(xml.svgFiles);
  });

  it("puts every chart into the HTML as a server-rendered SVG inside its figure", () => {
    const html = page("stories/city-talent/index.html");
    const figures = html.match(/<figure class="plotline-figure"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      expect(figure).toMatch(/<svg[^>]*role="img"/);
      expect(figure).toMatch(/<(rect|path|circle|line)\b/);
      expect(figure).toContain('<script class="plotline-spec" type="application/json">');
    }
    expect(figures[0]).toContain('aria-label="Bar chart. Beijing 33 per cent, elsewhere 67 per cent."');
    expect(figures[0]).toContain("Beijing holds a third");
  });

  it("puts each figure into its story page in place of the marker Astro's page was written with, leaving no marker or NUL", () => {
    for (const slug of readdirSync(join(project.root, "dist", "stories"))) {
      const html = page(`stories/${slug}/index.html`);
      expect(html, slug).not.toContain("\u0000");
      expect(html, slug).not.toContain("plotline-figure:");
    }
    expect(page("stories/zh-story/index.html")).toMatch(/<figure class="plotline-figure"/);
  });

  it("reads src= data from data/ and shows a data block as a table only with show", () => {
    const html = page("stories/city-talent/index.html");
    expect(html).toContain("plotline-table");
    // One table for the data block with show; the rest are the charts' own data tables, in disclosures.
    const outsideCharts = html.replace(/<details class="plotline-chart-data">[\s\S]*?<\/details>/g, "");
    expect(html.match(/<table/g)!.length).toBeGreaterThan(1);
    expect(outsideCharts.match(/<table/g)).toHaveLength(1);
    expect(html).toContain('data-label="line"');
  });

  it("writes the data of charts too large to inline as files beside the pages, where the figure points", () => {
    const html = page("stories/daily-index/index.html");
    const url = /data-plotline-payload="\/(_plotline\/payloads\/[0-9a-f]+\.json)"/.exec(html)?.[1];
    expect(url).toBeDefined();
    const payload = JSON.parse(readFileSync(join(project.root, "dist", url!), "utf8")) as { spec: { id: string }; data: Record<string, unknown> };
    expect(payload.spec.id).toBe("daily-index");
    expect(Object.keys(payload.data)).toEqual(["daily"]);
  });

  it("writes each chart as an SVG where the figure's download links point, the PNG button drawing from it, and a 1200×630 social card per story", () => {
    const html = page("stories/city-talent/index.html");
    const links = [...html.matchAll(/<a class="plotline-download plotline-download-(png|svg)" href="\/(_plotline\/charts\/city-talent\/[a-z0-9-]+\.(?:png|svg))"/g)];
    // No PNG drawn at build time unless plotline.config.mjs says images.chartPng: the reader's browser draws it from the SVG.
    expect(links.map((m) => m[1])).toEqual(["svg", "svg"]);
    const buttons = [...html.matchAll(/<button class="plotline-download plotline-download-png" type="button" data-svg="\/([^"]+)"/g)].map((m) => m[1]);
    expect(buttons).toEqual(links.map((m) => m[2]));
    for (const [, kind, path] of links) {
      const file = readFileSync(join(project.root, "dist", path!));
      if (kind === "svg") {
        expect(file.toString("utf8")).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        continue;
      }
      const svg = readFileSync(join(project.root, "dist", path!.replace(/\.png$/, ".svg")), "utf8");
      const width = Number(/<svg [^>]*? width="(\d+)"/.exec(svg)![1]);
      const height = Number(/<svg [^>]*? height="(\d+)"/.exec(svg)![1]);
      expect(pngSize(file)).toEqual({ width: 2 * width, height: 2 * height });
    }
    for (const slug of ["city-talent", "zh-story", "daily-index"]) {
      expect(pngSize(readFileSync(join(project.root, "dist", "_plotline", "cards", `${slug}.png`)))).toEqual({ width: 1200, height: 630 });
    }
  });

  it("keeps the PNGs it drew (social cards) in .plotline/cache/png, and draws none again for an unchanged site", () => {
    const cache = join(project.root, ".plotline", "cache", "png");
    const before = readdirSync(cache).sort();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const times = new Map(before.map((name) => [name, statSync(join(cache, name)).mtimeMs]));
    const again = runPlotline(project.root, "build");
    expect(again.status).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(before);
    for (const name of before) expect(statSync(join(cache, name)).mtimeMs).toBe(times.get(name));
  }, 300_000);

  it("sets the page language from the story's lang and localises its date", () => {
    const html = page("stories/zh-story/index.html");
    expect(html).toMatch(/<html[^>]*lang="zh-CN"/);
    expect(html).toContain("2023年3月31日");
    expect(page("stories/city-talent/index.html")).toContain("March 21, 2025");
  });

  it("lists stories on the home page, newest first", () => {
    const html = page("index.html");
    expect(html.indexOf("Where the talent lives")).toBeGreaterThan(-1);
    expect(html.indexOf("Where the talent lives")).toBeLessThan(html.indexOf("北京人才占三分之一"));
  });

  it("fails a story with a misspelled column with its position and a suggestion, no stack trace, and leaves dist/ as it was", () => {
    const before = page("stories/city-talent/index.html");
    const story = join(project.root, "content", "stories", "city-talent.md");
    const original = readFileSync(story, "utf8");
    writeFileSync(story, original.replace("barX: {y: city, x: share", "barX: {y: citty, x: share"));
    try {
      const failed = runPlotline(project.root, "build");
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(
          'content/stories/city-talent.md:27:15 error plot/unknown-column Column "citty" is not in data "cities". Did you mean "city"?',
      );
      expect(failed.stderr).toContain("> 27 |   - barX: {y: citty, x: share");
      expect(failed.stderr).toMatch(/hint: /);
      expect(failed.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(page("stories/city-talent/index.html")).toBe(before);
    } finally {
      writeFileSync(story, original);
    }
  }, 300_000);
});
