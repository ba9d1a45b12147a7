import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCommand, slugFromTitle } from "../../src/cli/new-command.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { figureKeys } from "../../src/engine/chart/spec/plot-vocabulary.ts";
import { createTempProject, runPlotline } from "../support/temp-project.ts";

const today = new Date(2025, 2, 21, 10, 30); // 21 March 2025, local time

/** An empty project: this repository's code, no stories, no data. */
let project: { root: string; cleanup: () => void };
let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), "plotline-new-site-"));
  mkdirSync(join(site, "content", "stories"), { recursive: true });
  mkdirSync(join(site, "data"), { recursive: true });
  writeFileSync(join(site, "data", ".keep"), "");
  project = createTempProject(site);
});
afterAll(() => {
  project.cleanup();
  rmSync(site, { recursive: true, force: true });
});

function run(...args: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = newCommand(project.root, args, { today, out: (t) => void (out += t), err: (t) => void (err += t), env: {} });
  return { status, out, err };
}

const storyFiles = () => readdirSync(join(project.root, "content", "stories")).sort();
const read = (name: string) => readFileSync(join(project.root, "content", "stories", name), "utf8");
const frontmatterOf = (text: string) => parseYaml(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, unknown>;

/** The project's stories compile with no problem at all, as `plotline check` would report them. */
function expectCleanProject(): void {
  const compiled = compileProject(project.root);
  expect(compiled.diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`)).toEqual([]);
}

describe("plotline new", () => {
  it("writes an English story named after the title, with every part, that checks cleanly", () => {
    const result = run("China's AI hiring boom: who gets the jobs?");
    expect(result.status).toBe(0);
    expect(result.err).toBe("");
    const name = "chinas-ai-hiring-boom-who-gets-the-jobs.md";
    expect(storyFiles()).toContain(name);
    expect(result.out).toContain(`Created content/stories/${name}`);
    expect(result.out).toMatch(/npm run dev/);
    expect(result.out).toMatch(/npm run check/);

    const text = read(name);
    const frontmatter = frontmatterOf(text);
    expect(frontmatter["title"]).toBe("China's AI hiring boom: who gets the jobs?");
    expect(frontmatter).toMatchObject({ date: "2025-03-21", lang: "en", draft: true });
    for (const key of ["dek", "authors", "tags", "sources"]) expect(frontmatter[key], key).toBeDefined();
    expect(text).toMatch(/^```data id=\S+ show\b/m);
    expect(text).toMatch(/^```data id=facts format=yaml\b/m);
    const plot = /^```plot [^\n]*\n([^]*?)^```$/m.exec(text)![1]!;
    for (const key of figureKeys) expect(plot, key).toMatch(new RegExp(`^${key}: \\S`, "m"));
    expect(text).toMatch(/:value\[facts\.\w+\]/);

    expectCleanProject();
    const story = compileProject(project.root).stories.find((s) => s.path.endsWith(name))!;
    expect(story.charts).toHaveLength(1);
    // The sentence's numbers come from the data.
    expect(story.html).toContain(">31.3%<");
    expect(story.html).not.toContain(":value[");
  });

  it("writes a Chinese story; a title without English words is named by the date, with advice to rename", () => {
    const result = run("脉脉报告：AIGC人才供需错位", "--lang", "zh-CN");
    expect(result.status).toBe(0);
    expect(storyFiles()).toContain("story-2025-03-21.md");
    expect(result.out).toContain("content/stories/story-2025-03-21.md");
    expect(result.out).toMatch(/rename/);
    const text = read("story-2025-03-21.md");
    expect(frontmatterOf(text)).toMatchObject({ title: "脉脉报告：AIGC人才供需错位", lang: "zh-CN", date: "2025-03-21" });
    expect(text).toMatch(/^城市,占比$/m);
    expect(text).toContain("marginLeft:");
    expectCleanProject();
    const story = compileProject(project.root).stories.find((s) => s.path.endsWith("story-2025-03-21.md"))!;
    expect(story.html).toContain("来源");
  });

  it("gives a second Chinese story of the same day the next free name", () => {
    expect(run("另一篇报道", "--lang=zh-CN").status).toBe(0);
    expect(storyFiles()).toContain("story-2025-03-21-2.md");
  });

  it("takes a file name of the editor's choosing", () => {
    expect(run("AIGC人才趋势", "--lang", "zh-CN", "--slug", "aigc-talent-trends").status).toBe(0);
    expect(storyFiles()).toContain("aigc-talent-trends.md");
    const bad = run("AIGC人才趋势", "--slug", "AIGC Talent");
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/"AIGC Talent" cannot be a file name.*--slug aigc-talent/);
  });

  it("refuses a file name longer than check and build allow, and suggests one that fits", () => {
    const long = `${"ai-talent-trends-".repeat(6)}in-china`;
    const result = run("AIGC人才趋势", "--slug", long);
    expect(result.status).toBe(1);
    expect(result.err).toContain(`"${long}" is longer than a story's file name may be (100 characters), e.g. --slug ${"ai-talent-trends-".repeat(5)}ai-talent.`);
    expect(storyFiles()).not.toContain(`${long}.md`);
  });

  it("refuses to overwrite a story that exists", () => {
    const name = "chinas-ai-hiring-boom-who-gets-the-jobs.md";
    writeFileSync(join(project.root, "content", "stories", name), read(name) + "\nMy own work.\n");
    const before = read(name);
    const result = run("China's AI hiring boom: who gets the jobs?");
    expect(result.status).toBe(1);
    expect(result.err).toContain(`content/stories/${name}: that file already exists`);
    expect(result.err).toContain("never overwrites");
    expect(read(name)).toBe(before);
  });

  it("accepts only the languages stories can have", () => {
    const files = storyFiles();
    const result = run("Who gets the AI jobs", "--lang", "zh");
    expect(result.status).toBe(1);
    expect(result.err).toContain('"zh" is not a story language; use --lang en or --lang zh-CN');
    expect(storyFiles()).toEqual(files);
    expect(run("Who gets the AI jobs", "--lang").err).toContain("--lang needs a value");
  });

  it("asks for a title", () => {
    const result = run("--lang", "en");
    expect(result.status).toBe(1);
    expect(result.err).toContain("give its title");
    expect(result.err).toContain('npm run new -- "Title of the story"');
  });

  it("reads --lang that npm took for itself when the editor left out --", () => {
    let out = "";
    const status = newCommand(project.root, ["人工智能招聘"], { today, out: (t) => void (out += t), err: () => {}, env: { npm_config_lang: "zh-CN" } });
    expect(status).toBe(0);
    expect(out).toContain("(Chinese, a draft)");
  });

  it("runs as a command of the CLI, with exit codes", () => {
    const first = runPlotline(project.root, "new", "Jobs for AI graduates", "--lang", "en");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Created content/stories/jobs-for-ai-graduates.md");
    const again = runPlotline(project.root, "new", "Jobs for AI graduates");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
    expectCleanProject();
  });
});

describe("slugFromTitle", () => {
  it("makes file names from the English words of a title", () => {
    expect(slugFromTitle("Chinese tech firms want AI experts")).toBe("chinese-tech-firms-want-ai-experts");
    expect(slugFromTitle("  Über-rich: 2025's top 1%  ")).toBe("uber-rich-2025s-top-1");
    expect(slugFromTitle("AI jobs in 北京")).toBe("ai-jobs-in");
  });
  it("gives none for titles mostly in Chinese or without letters", () => {
    expect(slugFromTitle("脉脉报告：AIGC人才供需错位")).toBeUndefined();
    expect(slugFromTitle("2025年")).toBeUndefined();
    expect(slugFromTitle("!!!")).toBeUndefined();
  });
  it("keeps long titles to about 60 characters, cut between words", () => {
    const slug = slugFromTitle("Job ads for AI technical roles rose by more than a fifth in early 2025 and pay is up")!;
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^job-ads-for-ai-technical-roles[a-z0-9-]*[a-z0-9]$/);
  });
});
