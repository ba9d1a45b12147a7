/**
 * What maps weigh in their page (the aims; bench/maps.ts measures the same maps with times):
 * a world choropleth adds at most 60 KB gzipped, and a county map's shapes travel in a file fetched on
 * interaction, not inside the page. Sizes do not depend on the machine, so they are fair to test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";
import { INLINE_PAYLOAD_LIMIT } from "../../../src/engine/chart/publish-chart.ts";
import { figureVariants, mapStories } from "../../../bench/map-stories.ts";

const dataDir = mkdtempSync(join(tmpdir(), "plotline-map-weight-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function compiledMap(name: "world" | "counties") {
  const story = mapStories.find((s) => s.name === name)!;
  const compiled = compileStory({ path: `content/stories/${name}.md`, text: story.text }, { dataFiles: nodeDataFiles(dataDir) });
  expect(compiled.diagnostics).toEqual([]);
  return compiled.charts[0]!;
}

describe("what a map adds to its page", () => {
  it("a world choropleth (countries-110m, both drawings, data table) stays well under 60 KB gzipped", () => {
    const chart = compiledMap("world");
    const variants = figureVariants(chart.html);
    expect(variants.map((v) => v.width)).toEqual([640, 300]);
    expect(variants.every((v) => (v.markup.match(/<path /g) ?? []).length >= 177)).toBe(true);
    // Well under the aim, so a change that brings back absolute paths or finer shapes is caught.
    expect(gzipSync(chart.html).length).toBeLessThan(45 * 1024);
  }, 30_000);

  it("a county map's shapes go to a payload file, not into the page", () => {
    const chart = compiledMap("counties");
    expect(chart.asset?.path).toMatch(/\.json$/);
    expect(String(chart.asset!.content).length).toBeGreaterThan(INLINE_PAYLOAD_LIMIT);
    expect(JSON.parse(String(chart.asset!.content)).shapes.counties).toHaveLength(3231);
    expect(chart.html).not.toContain('type="application/json"');
    expect(chart.html).toContain(`data-plotline-payload="/${chart.asset!.path}"`);
  }, 30_000);
});
