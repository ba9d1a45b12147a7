/**
 * The project's chart cache (src/engine/project/chart-cache-store.ts): a story compiled again because
 * one chart, a sentence or a shared data file changed draws only the charts that changed, and an entry
 * or stored file changed on disk is never published. Charts are kept from a story's second compile on
 * (an archive's first build keeps none).
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CompiledStory } from "../../src/engine/compile-story.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { chartCacheDir, chartCacheStore } from "../../src/engine/project/chart-cache-store.ts";
import { fileStoreDir } from "../../src/engine/project/file-store.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const frontmatter = (title: string) => `---\ntitle: ${title}\ndek: Numbers.\ndate: 2025-03-21\n---\n\n`;
const jobsChart = (title = "Jobs") => `\`\`\`plot data=jobs id=jobs\ntitle: ${title}\nalt: Bars.\nmarks:\n  - barX: {y: city, x: jobs}\n\`\`\`\n`;
const pricesChart = "```plot data=prices id=prices\ntitle: Prices\nalt: A line.\nmarks:\n  - lineY: {x: year, y: price}\n```\n";
const blocks = "```data id=jobs src=jobs.csv\n```\n\n```data id=prices src=prices.csv\n```\n\n";
const jobsStory = (sentence = "Text.", title = "Jobs") => `${frontmatter("Jobs")}${blocks}${sentence}\n\n${jobsChart(title)}\n${pricesChart}`;
const pricesStory = `${frontmatter("Prices")}\`\`\`data id=prices src=prices.csv\n\`\`\`\n\nPrices rose.\n\n${pricesChart}`;

function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-chart-cache-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  mkdirSync(join(root, "data"));
  const all = {
    "data/jobs.csv": "city,jobs\nBeijing,120\nShanghai,90\n",
    "data/prices.csv": "year,price\n2020,3.5\n2021,4.25\n",
    "content/stories/jobs.md": jobsStory(),
    "content/stories/prices.md": pricesStory,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) writeFileSync(join(root, path), text);
  return root;
}

/** A project whose jobs story has been compiled twice, the second time with its charts kept. */
function compiledTwice(): string {
  const root = project();
  compileProject(root);
  writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Second text."));
  compileProject(root);
  return root;
}

/** The chart entries the project keeps. */
const entries = (root: string): string[] =>
  !existsSync(join(root, chartCacheDir)) ? [] : readdirSync(join(root, chartCacheDir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
const story = (stories: CompiledStory[], slug: string): CompiledStory => stories.find((s) => s.slug === slug)!;
/** What a page is made of, without what says how it was made or where the project is (PNGs are named by their file). */
const output = ({ timings, fromCache, ...rest }: CompiledStory, root: string) => JSON.parse(JSON.stringify(rest).replaceAll(root, "<project>")) as unknown;
/** The same project compiled in a fresh folder, with no cache at all. */
const fresh = (root: string, slug: string) => {
  const copy = project(Object.fromEntries(["data/jobs.csv", "data/prices.csv", "content/stories/jobs.md", "content/stories/prices.md"].map((p) => [p, readFileSync(join(root, p), "utf8")])));
  return output(story(compileProject(copy).stories, slug), copy);
};

describe("the project's chart cache", () => {
  it("keeps no chart on a story's first compile, and from its second on draws only an edited chart, none for an edited sentence", () => {
    const root = project();
    compileProject(root);
    expect(entries(root)).toEqual([]);

    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Second text."));
    const second = story(compileProject(root).stories, "jobs");
    expect(second.fromCache).toBeUndefined();
    expect(second.timings.render).toBeGreaterThan(0);
    expect(entries(root)).toHaveLength(2);

    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Second text.", "Jobs by city"));
    const edited = story(compileProject(root).stories, "jobs");
    expect(entries(root)).toHaveLength(3);
    expect(output(edited, root)).toEqual(fresh(root, "jobs"));

    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Third text.", "Jobs by city"));
    const reworded = story(compileProject(root).stories, "jobs");
    expect(reworded.fromCache).toBeUndefined();
    expect(reworded.timings.render).toBe(0);
    expect(entries(root)).toHaveLength(3);
    expect(output(reworded, root)).toEqual(fresh(root, "jobs"));
  });

  it("keeps no chart while a story is compiled for the first time by a changed engine (an upgrade of Plotline or its dependencies)", () => {
    const root = compiledTwice();
    expect(entries(root)).toHaveLength(2);
    // The locked dependencies are part of the engine (story-cache.ts).
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion": 3}');
    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Third text."));
    const upgraded = story(compileProject(root).stories, "jobs");
    expect(upgraded.timings.render).toBeGreaterThan(0);
    expect(entries(root)).toHaveLength(2);
    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Fourth text."));
    compileProject(root);
    expect(entries(root)).toHaveLength(4);
  });

  it("draws only the charts on a shared data file that changed", () => {
    const root = compiledTwice();
    appendFileSync(join(root, "data/jobs.csv"), "Shenzhen,70\n");
    const stories = compileProject(root).stories;
    expect(story(stories, "prices").fromCache).toBe(true);
    const jobs = story(stories, "jobs");
    expect(jobs.fromCache).toBeUndefined();
    expect(entries(root)).toHaveLength(3);
    expect(jobs.charts.find((c) => c.id === "jobs")!.html).toContain("Shenzhen");
    expect(output(jobs, root)).toEqual(fresh(root, "jobs"));
  });

  it("draws again when a chart's entry or a file it stored was changed on disk, publishing only what it drew", () => {
    const root = compiledTwice();
    expect(entries(root)).toHaveLength(2);
    for (const entry of entries(root)) appendFileSync(entry, "x");
    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Other text."));
    const redrawn = story(compileProject(root).stories, "jobs");
    expect(redrawn.timings.render).toBeGreaterThan(0);
    expect(output(redrawn, root)).toEqual(fresh(root, "jobs"));

    // Every stored file changed: the figures read from the store no longer match their names.
    const stored = readdirSync(join(root, fileStoreDir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of stored) appendFileSync(join(file.parentPath, file.name), " ");
    writeFileSync(join(root, "content/stories/jobs.md"), jobsStory("Third text."));
    const again = story(compileProject(root).stories, "jobs");
    expect(again.timings.render).toBeGreaterThan(0);
    expect(output(again, root)).toEqual(fresh(root, "jobs"));
  });

  it("only costs time when charts cannot be kept: keeping one where the store cannot be written neither throws nor keeps it", () => {
    const root = project();
    mkdirSync(join(root, ".plotline", "cache"), { recursive: true });
    // A file where the file store's folder should be.
    writeFileSync(join(root, fileStoreDir), "not a folder");
    const cache = chartCacheStore(root, "salt");
    const chart = { id: "jobs", domId: "chart-jobs", spec: {} as never, html: "<figure></figure>", chartMarkup: "<svg></svg>" };
    expect(() => cache.set("key", { chart, warnings: [] })).not.toThrow();
    expect(cache.get("key")).toBeUndefined();
  });
});
