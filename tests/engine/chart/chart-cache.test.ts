/**
 * Charts kept by what decides them (src/engine/chart/chart-cache.ts): a story compiled again draws only
 * the charts whose spec or data changed, and gives the same story as a compile without a cache.
 */
import { describe, expect, it } from "vitest";
import type { CachedChart, ChartCache } from "../../../src/engine/chart/chart-cache.ts";
import { compileStory, type CompiledStory, type CompileStoryOptions } from "../../../src/engine/compile-story.ts";
import { memoryFiles, plotBlock, story, STORY_PATH } from "./helpers.ts";
import { REGIONS_BLOCK, regionFiles } from "./map-helpers.ts";

/** A cache in memory that counts what it was asked and told, keeping copies (as a cache on disk would). */
function countingCache() {
  const kept = new Map<string, CachedChart>();
  const counts = { hits: 0, misses: 0, sets: 0 };
  const cache: ChartCache = {
    get(key) {
      const chart = kept.get(key);
      counts[chart ? "hits" : "misses"]++;
      return chart && structuredClone(chart);
    },
    set(key, chart) {
      counts.sets++;
      kept.set(key, structuredClone(chart));
    },
  };
  return { cache, counts, reset: () => Object.assign(counts, { hits: 0, misses: 0, sets: 0 }) };
}

const JOBS = "```data id=jobs\ncity,jobs\nBeijing,120\nShanghai,90\n```\n\n";
const PRICES = "```data id=prices\nyear,price\n2020,3.5\n2021,4.25\n2022,4\n```\n\n";
const jobsChart = (title = "Jobs") => plotBlock("data=jobs id=jobs", `title: ${title}\nalt: Bars.\nmarks:\n  - barX: {y: city, x: jobs}`);
const pricesChart = plotBlock("data=prices id=prices", "title: Prices\nalt: A line.\nmarks:\n  - lineY: {x: year, y: price}");
const twoCharts = (jobs = JOBS, title = "Jobs") => `${jobs}${PRICES}Text.\n\n${jobsChart(title)}\n${pricesChart}`;

const compile = (markdown: string, options: Partial<CompileStoryOptions> = {}, files = memoryFiles()): CompiledStory =>
  compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: files, ...options });
/** What a page is made of, without what says how it was made. */
const output = ({ timings, ...rest }: CompiledStory) => rest;

describe("the chart cache", () => {
  it("gives every chart of an unchanged story back without drawing it, and the same story as a compile without it", () => {
    const { cache, counts, reset } = countingCache();
    compile(twoCharts(), { chartCache: cache });
    expect(counts).toEqual({ hits: 0, misses: 2, sets: 2 });
    reset();
    const again = compile(twoCharts(), { chartCache: cache });
    expect(counts).toEqual({ hits: 2, misses: 0, sets: 0 });
    expect(again.timings.render).toBe(0);
    expect(output(again)).toEqual(output(compile(twoCharts())));
  });

  it("draws again only the chart whose spec changed when one chart of a story is edited", () => {
    const { cache, counts, reset } = countingCache();
    compile(twoCharts(), { chartCache: cache });
    reset();
    const edited = compile(twoCharts(JOBS, "Jobs by city"), { chartCache: cache });
    expect(counts).toEqual({ hits: 1, misses: 1, sets: 1 });
    expect(edited.charts.find((c) => c.id === "jobs")!.html).toContain("Jobs by city");
    expect(output(edited)).toEqual(output(compile(twoCharts(JOBS, "Jobs by city"))));
  });

  it("draws again only the charts on a data block that changed, and none for a changed sentence", () => {
    const { cache, counts, reset } = countingCache();
    compile(twoCharts(), { chartCache: cache });
    reset();
    const moreJobs = JOBS.replace("Shanghai,90\n", "Shanghai,90\nShenzhen,70\n");
    const edited = compile(twoCharts(moreJobs), { chartCache: cache });
    expect(counts).toEqual({ hits: 1, misses: 1, sets: 1 });
    expect(edited.charts.find((c) => c.id === "jobs")!.html).toContain("Shenzhen");
    reset();
    compile(twoCharts(moreJobs).replace("Text.", "Other text."), { chartCache: cache });
    expect(counts).toEqual({ hits: 2, misses: 0, sets: 0 });
  });

  it("draws again for another story slug, language, base path or site, which the chart's files and words depend on", () => {
    const { cache, counts, reset } = countingCache();
    compile(twoCharts(), { chartCache: cache });
    for (const options of [{ assetBase: "/newsroom/" }, { site: "https://news.example.com" }]) {
      reset();
      const other = compile(twoCharts(), { chartCache: cache, ...options });
      expect(counts.hits).toBe(0);
      expect(output(other)).toEqual(output(compile(twoCharts(), options)));
    }
    reset();
    compileStory({ path: "content/stories/other.md", text: story(twoCharts()) }, { dataFiles: memoryFiles(), chartCache: cache });
    expect(counts.hits).toBe(0);
    reset();
    compileStory({ path: STORY_PATH, text: story(twoCharts()).replace("title:", "lang: zh-CN\ntitle:") }, { dataFiles: memoryFiles(), chartCache: cache });
    expect(counts.hits).toBe(0);
  });

  it("tells the editor Plot's warnings again when a chart comes from the cache", () => {
    const { cache, counts } = countingCache();
    // Numbers typed as text: Plot warns.
    const textual = '```data id=sales types="sales:string"\nmonth,sales\n2024-01,10\n2024-02,12\n```\n\n';
    const warned = `${textual}${plotBlock("data=sales id=sales", "title: Sales\nalt: A line.\nmarks:\n  - lineY: {x: month, y: sales}")}`;
    const first = compile(warned, { chartCache: cache }).diagnostics.filter((d) => d.code === "plot/plot-warning");
    const second = compile(warned, { chartCache: cache }).diagnostics.filter((d) => d.code === "plot/plot-warning");
    expect(counts.hits).toBe(1);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it("never keeps a map (its shapes are not in the key) or a chart with a PNG download (drawn later by a build)", () => {
    const { cache, counts } = countingCache();
    const map = `${REGIONS_BLOCK}${plotBlock("data=regions id=map", "title: Rates\nalt: A map.\nmarks:\n  - geo: {fill: rate}")}`;
    compile(map, { chartCache: cache }, regionFiles());
    compile(map, { chartCache: cache }, regionFiles());
    expect(counts).toEqual({ hits: 0, misses: 0, sets: 0 });
    const rasterize = () => new Uint8Array([1, 2, 3]);
    compile(twoCharts(), { chartCache: cache, rasterize, chartPngs: true });
    expect(counts).toEqual({ hits: 0, misses: 0, sets: 0 });
  });
});
