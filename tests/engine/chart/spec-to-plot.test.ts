/**
 * specToPlotOptions is the one translation from a chart spec to Plot, shared by the build and the
 * browser. These tests look at the Plot mark instances it produces, and at what Plot then computes.
 */
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import type { ChartSpec, MarkSpec } from "../../../src/engine/chart/spec/chart-spec.ts";
import { parseChartSpec } from "../../../src/engine/chart/spec/parse-chart-spec.ts";
import { renderChartSvg } from "../../../src/engine/chart/render/render-chart-svg.ts";
import { specToPlotOptions, type ChartData } from "../../../src/engine/chart/render/spec-to-plot.ts";
import { count, markGroup, onlyPlot, PAY, plotBlock } from "./helpers.ts";

/** What Plot exposes of a mark instance, as far as these tests read it. */
interface PlotMark {
  ariaLabel?: string;
  data?: unknown;
  initialize(): { facets: number[][]; channels: Record<string, { value: ArrayLike<unknown> }> };
}

const mark = (name: string, options: MarkSpec["options"] = {}, more: Partial<MarkSpec> = {}): MarkSpec => ({ mark: name, options, transforms: [], ...more });
const chart = (marks: MarkSpec[], more: Partial<ChartSpec> = {}): ChartSpec => ({ version: 1, id: "c", data: "rows", figure: {}, options: {}, marks, ...more });

const rows = [
  { year: 2021, city: "Beijing", jobs: 1 },
  { year: 2022, city: "Beijing", jobs: 2 },
  { year: 2023, city: "Shanghai", jobs: 3 },
  { year: 2024, city: "Shanghai", jobs: 4 },
];
const data: ChartData = { rows };

const plotMarks = (spec: ChartSpec, d: ChartData = data) => (specToPlotOptions(spec, d).marks ?? []) as unknown[];
const only = (spec: ChartSpec, d: ChartData = data) => plotMarks(spec, d)[0] as PlotMark;
const className = (m: unknown) => (m as object).constructor.name;
const render = (spec: ChartSpec, d: ChartData = data) => renderChartSvg(spec, d, { idPrefix: "t" });

describe("marks", () => {
  it("become Plot marks of the written kind, in the written order", () => {
    const marks = plotMarks(chart([mark("barX", { x: "jobs", y: "city" }), mark("ruleX", {}, { data: [0] }), mark("dot", { x: "jobs", y: "city" }), mark("frame"), mark("text", { x: "jobs", y: "city", text: "city" })]));
    expect(marks.map(className)).toEqual(["BarX", "RuleX", "Dot", "Frame", "Text"]);
    expect(marks.map((m) => (m as PlotMark).ariaLabel)).toEqual(["bar", "rule", "dot", "frame", "text"]);
  });
  it("lineY, areaY, cell, tickX and waffleY become those marks", () => {
    const marks = plotMarks(chart([mark("lineY", { x: "year", y: "jobs" }), mark("areaY", { x: "year", y: "jobs" }), mark("cell", { x: "year", y: "city" }), mark("tickX", { x: "jobs" }), mark("waffleY", { x: "city", y: "jobs" })]));
    expect(marks.map((m) => (m as PlotMark).ariaLabel)).toEqual(["line", "area", "cell", "tick", "waffle"]);
  });
  it("draw the chart's data", () => {
    expect(only(chart([mark("dot", { x: "year", y: "jobs" })])).data).toBe(rows);
  });
  it("draw another block's data when they name it", () => {
    const other = [{ year: 2020, jobs: 9 }];
    expect(only(chart([mark("dot", { x: "year", y: "jobs" }, { data: "other" })]), { rows, other }).data).toBe(other);
  });
  it("draw an inline list as their data (ruleY: [0])", () => {
    expect(only(chart([mark("ruleY", {}, { data: [0] })])).data).toEqual([0]);
  });
  it("without data of their own and no chart data, get no data (a frame)", () => {
    expect(only(chart([mark("frame")], { data: undefined as unknown as string })).data).toEqual([null]);
  });
  it("axis and grid marks are not given the chart's data, which would become their ticks", () => {
    const [axis, grid] = plotMarks(chart([mark("axisX"), mark("gridY")]));
    expect(Array.isArray(axis)).toBe(true);
    for (const part of axis as PlotMark[]) expect(part.data === null || (Array.isArray(part.data) && part.data.length === 0)).toBe(true);
    expect((grid as PlotMark).data).not.toBe(rows);
  });
  it("an axis given tick values by data: draws ticks at those values", () => {
    const [axis] = plotMarks(chart([mark("axisX", {}, { data: [2021, 2023] })]));
    expect((axis as PlotMark[])[0]!.data).toEqual([2021, 2023]);
    const svg = render(chart([mark("dot", { x: "year", y: "jobs" }), mark("axisX", {}, { data: [2021, 2023] })], { options: { x: { axis: null } } }));
    expect(count(markGroup(svg, "x-axis tick label"), "text")).toBe(2);
  });
  it("the spec's options are copied, not handed to Plot (which changes what it is given)", () => {
    const spec = chart([mark("barY", { x: "city", y: "jobs", fill: "city" })], { options: { x: { label: "City" }, color: { legend: true } } });
    const before = structuredClone(spec);
    render(spec);
    render(spec);
    expect(spec).toEqual(before);
  });
});

describe("transforms", () => {
  it("groupX reduces the mark's data: one bar per group, with the count as its height", () => {
    const spec = chart([mark("barY", { x: "city" }, { transforms: [{ name: "groupX", value: { y: "count" } }] })], { data: "more" });
    const more = [...rows, { year: 2025, city: "Shanghai", jobs: 5 }];
    const { channels } = only(spec, { more }).initialize();
    expect(Array.from(channels["x"]!.value)).toEqual(["Beijing", "Shanghai"]);
    expect(Array.from(channels["y2"]!.value)).toEqual([2, 3]);
    expect(count(markGroup(render(spec, { more }), "bar"), "rect")).toBe(2);
  });
  it("groupX: {y: sum} sums the y channel of each group", () => {
    const spec = chart([mark("barY", { x: "city", y: "jobs" }, { transforms: [{ name: "groupX", value: { y: "sum" } }] })]);
    expect(Array.from(only(spec).initialize().channels["y2"]!.value)).toEqual([3, 7]);
  });
  it("apply in the written order: mapY then selectLast keeps the running total", () => {
    const spec = chart([mark("dot", { x: "year", y: "jobs" }, { transforms: [{ name: "mapY", value: "cumsum" }, { name: "selectLast", value: true }] })]);
    const { facets, channels } = only(spec).initialize();
    expect(facets[0]).toEqual([3]);
    expect(channels["y"]!.value[3]).toBe(10);
  });
  it("apply in the written order: selectLast then mapY keeps the last value alone", () => {
    const spec = chart([mark("dot", { x: "year", y: "jobs" }, { transforms: [{ name: "selectLast", value: true }, { name: "mapY", value: "cumsum" }] })]);
    const { facets, channels } = only(spec).initialize();
    expect(facets[0]).toEqual([3]);
    expect(channels["y"]!.value[3]).toBe(4);
  });
  it("a transform given true gets Plot's default argument (stackY: true, normalizeY: true)", () => {
    const stacked = only(chart([mark("areaY", { x: "year", y: "jobs", z: "city" }, { transforms: [{ name: "stackY", value: true }] })])).initialize();
    expect(Array.from(stacked.channels["y2"]!.value)).toEqual([1, 2, 3, 4]);
    const normalized = only(chart([mark("lineY", { x: "year", y: "jobs" }, { transforms: [{ name: "normalizeY", value: true }] })])).initialize();
    expect(Array.from(normalized.channels["y"]!.value)).toEqual([1, 2, 3, 4]);
  });
  it("the options a merge-style transform is given are merged into the mark's", () => {
    const spec = chart([mark("text", { x: "year", y: "jobs", text: "city" }, { transforms: [{ name: "selectMaxY", value: { z: "city" } }] })]);
    expect(only(spec).initialize().facets[0]).toEqual([1, 3]);
  });
  it("binX bins a continuous channel and reduces each bin", () => {
    const spec = chart([mark("rectY", { x: "jobs", thresholds: [0, 2.5, 5] }, { transforms: [{ name: "binX", value: { y: "count" } }] })]);
    expect(count(markGroup(render(spec), "rect"), "rect")).toBe(2);
  });
});

describe("chart options", () => {
  it("top-level options are passed to Plot.plot as written", () => {
    const options = specToPlotOptions(chart([mark("frame")], { options: { height: 240, marginLeft: 70, x: { percent: true, label: "Share" }, grid: true } }), data);
    expect(options.height).toBe(240);
    expect(options.marginLeft).toBe(70);
    expect(options.x).toEqual({ percent: true, label: "Share" });
    expect(options.grid).toBe(true);
  });
  it("alt becomes the chart's ariaLabel; without alt there is none", () => {
    expect(specToPlotOptions(chart([mark("frame")], { figure: { alt: "Bars of jobs" } }), data).ariaLabel).toBe("Bars of jobs");
    expect(specToPlotOptions(chart([mark("frame")], { figure: { title: "Jobs" } }), data)).not.toHaveProperty("ariaLabel");
  });
  it("title, subtitle, note and source are not Plot's: Plotline draws them around the chart", () => {
    const options = specToPlotOptions(chart([mark("frame")], { figure: { title: "T", subtitle: "S", note: "N", source: "Src" } }), data);
    for (const key of ["title", "subtitle", "caption", "note", "source", "ariaLabel"]) expect(options).not.toHaveProperty(key);
  });
  it("the environment's width and document are passed on", () => {
    const document = {} as Document;
    const options = specToPlotOptions(chart([mark("frame")]), data, { width: 320, document });
    expect(options.width).toBe(320);
    expect(options.document).toBe(document);
    expect(render(chart([mark("frame")]))).toContain('width="640"');
    expect(renderChartSvg(chart([mark("frame")]), data, { idPrefix: "t", width: 320 })).toContain('width="320"');
  });
  it("x: {percent: true} labels the axis in percent", () => {
    const svg = render(chart([mark("barX", { x: "share", y: "city" })], { data: "shares", options: { x: { percent: true } } }), { shares: [{ city: "A", share: 0.25 }, { city: "B", share: 0.5 }] });
    const labels = markGroup(svg, "x-axis tick label");
    expect(labels).toContain(">50</text>");
    expect(markGroup(svg, "x-axis label")).toContain("(%)");
  });
});

describe("from a chart block to Plot", () => {
  it("parseChartSpec and specToPlotOptions give Plot.barX(data, Plot.groupY(…)) for a block", () => {
    const block = onlyPlot(PAY + plotBlock("data=pay", "alt: Count by department\nheight: 120\nmarks:\n  - barX: {y: dept, groupY: {x: count}}\n  - ruleX: [0]"));
    const { spec, diagnostics } = parseChartSpec(block);
    expect(diagnostics).toEqual([]);
    expect(spec!.marks[0]!.transforms).toEqual([{ name: "groupY", value: { x: "count" } }]);
    const pay = [{ dept: "news" }, { dept: "graphics" }, { dept: "news" }];
    const options = specToPlotOptions(spec!, { pay });
    expect(options.ariaLabel).toBe("Count by department");
    expect(options.height).toBe(120);
    const [bars] = options.marks as unknown as PlotMark[];
    expect(Array.from(bars!.initialize().channels["x2"]!.value)).toEqual([2, 1]);
    // The same through Plot's own API, as a journalist would write it in JavaScript.
    const direct = Plot.barX(pay, Plot.groupY({ x: "count" }, { y: "dept" })) as unknown as PlotMark;
    expect(Array.from(direct.initialize().channels["x2"]!.value)).toEqual([2, 1]);
  });
});

describe("normalize transforms given a set of options", () => {
  it("take them merged, as Plot's one-argument form (normalizeY: {basis: sum})", () => {
    const spec = chart([mark("lineY", { x: "year", y: "jobs" }, { transforms: [{ name: "normalizeY", value: { basis: "sum" } }] })]);
    expect(() => render(spec)).not.toThrow();
  });
});
