/**
 * Property-based test of the whole compile: stories generated with arbitrary text (any Unicode, control
 * characters, XML and HTML metacharacters, YAML and Markdown syntax, huge and tiny numbers) in every
 * field — frontmatter, prose with :value[…], data blocks (CSV, TSV, JSON, YAML, and files under data/),
 * chart specs (titles, labels, channel names, fonts, links, aria labels) — are compiled as a build
 * compiles them. Whatever the text: compileStory never throws, every problem is a diagnostic of the
 * catalogue with a hint and a position in the story, no message leaks a stack trace, `undefined` or
 * `[object …]`, and every SVG it makes (in the page, the download, the social card) is well-formed XML.
 *
 * Bounded: a fixed seed and a modest number of runs. For a longer hunt:
 *   PLOTLINE_FC_SEED=123 PLOTLINE_FC_RUNS=2000 npx vitest run tests/engine/property-based.test.ts
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatedStory, REAL_RASTER_EVERY } from "../support/generated-story.ts";
import { compileAndCheck } from "../support/story-invariants.ts";

const SEED = Number(process.env["PLOTLINE_FC_SEED"] ?? 20261203);
const RUNS = Number(process.env["PLOTLINE_FC_RUNS"] ?? 100);

describe("any story, whatever its text", () => {
  it(`compiles without throwing into catalogue diagnostics with hints and positions, and well-formed SVG (seed ${SEED}, ${RUNS} runs)`, () => {
    let compiled = 0;
    let withCharts = 0;
    let realRasters = 0;
    let svgsChecked = 0;
    fc.assert(
      fc.property(generatedStory, (generated) => {
        const { story, problems, rasterized, svgs } = compileAndCheck(generated);
        compiled++;
        svgsChecked += svgs;
        if (story && story.charts.length > 0) withCharts++;
        if (generated.realRaster && rasterized > 0) realRasters++;
        if (problems.length > 0) throw new Error(problems.join("\n"));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The generator must reach the drawing, not only the parsers: otherwise the SVG checks prove little.
    console.log(
      `property-based: ${compiled} stories compiled, ${withCharts} with charts drawn, ${svgsChecked} SVGs checked, ${realRasters} with PNGs drawn by resvg (1 run in ${REAL_RASTER_EVERY}; seed ${SEED})`,
    );
    expect(withCharts).toBeGreaterThan(RUNS / 4);
    expect(svgsChecked).toBeGreaterThan(withCharts * 3);
  }, 300_000);
});
