import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { type ChartPayload, payloadData } from "../../../src/engine/chart/publish/chart-payload.ts";
import { variantWidths } from "../../../src/engine/chart/chart-widths.ts";
import { renderChartSvg } from "../../../src/engine/chart/render/render-chart-svg.ts";
import { compileStory, type CompiledStory } from "../../../src/engine/compile-story.ts";
import { memoryFiles, story, STORY_PATH } from "../data/helpers.ts";

const REGIONS = ["North", "South", "East", "West", "Central"];
/** Many rows: a region, a date, an amount and a kind, cycling so every group has rows. */
const rides = (rows: number) =>
  ["region,day,amount,kind", ...Array.from({ length: rows }, (_, i) => `${REGIONS[i % 5]},2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")},${(i * 7919) % 1000},${i % 3 ? "bike" : "scooter"}`)].join("\n");

const compileChart = (marks: string, options = ""): CompiledStory => {
  const markdown = `\`\`\`data id=rides src="rides.csv"\n\`\`\`\n\n\`\`\`plot data=rides id=chart\ntitle: Rides\nalt: A chart of rides.\n${options}marks:\n${marks}\n\`\`\`\n`;
  return compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: memoryFiles({ "rides.csv": rides(20_000) }) });
};

/** The payload the browser gets: inline in the page, or the file beside it. */
function payloadOf(compiled: CompiledStory): { payload: ChartPayload; bytes: number } {
  const chart = compiled.charts[0]!;
  const json = chart.asset ? String(chart.asset.content) : /<script class="plotline-spec" type="application\/json">([\s\S]*?)<\/script>/.exec(chart.html)![1]!;
  return { payload: JSON.parse(json) as ChartPayload, bytes: json.length };
}

/** Each variant of the page's figure, by width, as the build drew it. */
function variantsOf(compiled: CompiledStory): Map<number, string> {
  const { document } = parseHTML(`<!doctype html><body>${compiled.charts[0]!.html}</body>`);
  return new Map([...document.querySelectorAll(".plotline-variant")].map((v) => [Number(v.getAttribute("data-width")), v.innerHTML]));
}

const reducing: Record<string, string> = {
  "a sum per category": "  - barY: {x: region, y: amount, groupX: {y: sum}, tip: true}\n  - ruleY: [0]",
  "counts per category, sorted by size": "  - barX: {y: region, groupY: {x: count}, sort: {y: -x}}",
  "sums stacked by a second category": "  - barY: {x: region, y: amount, fill: kind, groupX: {y: sum}}",
  "a histogram of dates": "  - rectY: {x: day, binX: {y: count}}",
  "a mean per month as a line": "  - lineY: {x: day, y: amount, binX: {y: mean, interval: month}}",
  "counts per cell of two categories": "  - cell: {x: region, y: kind, group: {fill: count}}",
};

describe("charts that group or bin their data", () => {
  it("a sum per category over 20,000 rows ships the categories' five sums, not the rows, inside the page", () => {
    const compiled = compileChart(reducing["a sum per category"]!);
    const { payload, bytes } = payloadOf(compiled);
    expect(compiled.charts[0]!.asset).toBeUndefined();
    expect(payloadData(payload)["=0"]).toHaveLength(5);
    expect(payload.data["rides"]).toBeUndefined();
    expect(bytes).toBeLessThan(1000);
  });

  it.each(Object.entries(reducing))("%s: the chart drawn again from the payload is the build's, at every width", (_, marks) => {
    const compiled = compileChart(marks);
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { payload } = payloadOf(compiled);
    expect(Object.keys(payload.data).some((id) => id.startsWith("="))).toBe(true);
    const variants = variantsOf(compiled);
    expect([...variants.keys()]).toEqual(variantWidths(payload.spec));
    for (const [width, markup] of variants) {
      expect(renderChartSvg(payload.spec, payloadData(payload), { idPrefix: `chart-chart-${width}`, width, lang: "en" })).toBe(markup);
    }
  });

  it("a faceted chart keeps its source rows (only the columns it uses), and still draws the same", () => {
    const compiled = compileChart("  - barY: {x: region, y: amount, fx: kind, groupX: {y: sum}}");
    const { payload } = payloadOf(compiled);
    expect(Object.keys(payload.data)).toEqual(["rides"]);
    expect(Object.keys((payload.data["rides"] as { columns: object }).columns).sort()).toEqual(["amount", "kind", "region"]);
    for (const [width, markup] of variantsOf(compiled)) {
      expect(renderChartSvg(payload.spec, payloadData(payload), { idPrefix: `chart-chart-${width}`, width, lang: "en" })).toBe(markup);
    }
  });

  it("the chart's data for readers (table and CSV) still holds the source rows", () => {
    const compiled = compileChart(reducing["a sum per category"]!);
    expect(String(compiled.charts[0]!.csv!.content).trim().split("\n")).toHaveLength(20_001);
  });
});
