/**
 * A map's data for readers (publish/chart-data.ts): the data table and CSV hold the columns the map
 * uses, never its shapes, whether the chart names its data with data= or its geo mark does.
 */
import { describe, expect, it } from "vitest";
import { plotBlock } from "./helpers.ts";
import { compileIn, REGIONS_BLOCK } from "./map-helpers.ts";

const chartOf = (info: string, yaml: string) => compileIn("en", REGIONS_BLOCK + plotBlock(info, `alt: A.\n${yaml}`)).charts[0]!;
const CSV = "\uFEFFname,rate\nNordland,4.5\nSudland,13.25\nOstmark,2.6\nWestmark,7\n";

describe("a map's data table and CSV", () => {
  it("with data= on the chart: the columns the map uses, and no shapes", () => {
    const chart = chartOf("id=m data=regions", "marks:\n  - geo: {fill: rate}\n  - text: {centroid: true, text: name}");
    expect(chart.csv?.content).toBe(CSV);
    expect(chart.html).toContain('class="plotline-string">Sudland</td>');
    expect(chart.csv?.content).not.toMatch(/coordinates|Polygon|geometry/);
  });

  it("without data=: from the shapes the geo mark draws", () => {
    const chart = chartOf("id=m", "marks:\n  - geo: {data: regions, fill: rate, tip: true}");
    expect(chart.csv?.content).toBe(CSV);
    expect(chart.csv?.path).toMatch(/m\.csv$/);
  });

  it("a chart with no data= that is not a map still has none", () => {
    const chart = compileIn("en", "```data id=t\na,b\n1,2\n```\n\n" + plotBlock("id=m", "alt: A.\nmarks:\n  - dot: {data: t, x: a, y: b}")).charts[0]!;
    expect(chart.csv).toBeUndefined();
  });
});
