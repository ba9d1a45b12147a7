/**
 * Text that never overlaps, without a browser: the shared width estimate, tick thinning and label
 * collisions as pure functions, and on charts drawn on the server (linkedom, no layout) the way the
 * build draws them. tests/browser/no-overlapping-text.test.ts measures the same charts in Chromium.
 */
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { dodge, LABEL_GAP, placeLabels } from "../../../src/engine/chart/render/label-collisions.ts";
import { renderChartSvg } from "../../../src/engine/chart/render/render-chart-svg.ts";
import type { DrawnAdditions } from "../../../src/engine/chart/render/render-chart-element.ts";
import type { ChartData } from "../../../src/engine/chart/render/spec-to-plot.ts";
import { type Box, collide, parseTransform, textBox } from "../../../src/engine/chart/render/text-boxes.ts";
import { evenlySpacedValues, labelsToKeep } from "../../../src/engine/chart/render/tick-thinning.ts";
import type { ChartSpec, JsonObject, MarkSpec } from "../../../src/engine/chart/spec/chart-spec.ts";
import { labelWidth } from "../../../src/engine/chart/defaults/label-margins.ts";
import { chartTextWidth } from "../../../src/engine/image/text-width.ts";
import { compile } from "./helpers.ts";

const mark = (name: string, options: JsonObject, transforms: MarkSpec["transforms"] = []): MarkSpec => ({ mark: name, options, transforms });
const chart = (options: JsonObject, marks: MarkSpec[]): ChartSpec => ({ version: 1, id: "t", data: "d", figure: { alt: "A chart." }, options, marks });

/** The chart's SVG as the build draws it at `width`, parsed again (as the page and the browser get it). */
function draw(spec: ChartSpec, rows: ChartData[string], width: number, additions?: DrawnAdditions): Element {
  const markup = renderChartSvg(spec, { d: rows }, { idPrefix: "t", width, ...(additions ? { additions } : {}) });
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.querySelector("svg[role='img']")!;
}

const labelOf = (text: Element) => text.parentElement?.getAttribute("data-label") ?? "";
const tickLabels = (svg: Element, axis: string) => [...svg.querySelectorAll(`g[data-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? "");

/** Pairs of texts whose estimated boxes overlap (what the build and the browser decide from), by more than rounding. */
function overlaps(svg: Element): string[] {
  const boxes = [...svg.querySelectorAll("text")].flatMap((text) => {
    const box = textBox(text, svg);
    return box ? [{ text: `${labelOf(text)}: ${text.textContent}`, box }] : [];
  });
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (collide(boxes[i]!.box, boxes[j]!.box, -0.02, -0.02)) pairs.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
  return pairs;
}

const YEARS = Array.from({ length: 137 }, (_, i) => 1880 + i);
const heatmapRows = YEARS.flatMap((year) => [1, 2, 3].map((month) => ({ year, month, anomaly: Math.sin(year + month) })));
const heatmap = (x: JsonObject = {}) => chart({ x, padding: 0 }, [mark("cell", { x: "year", y: "month", fill: "anomaly" })]);
const DISTRICTS = Array.from({ length: 60 }, (_, i) => ({ district: `District ${String(i + 1).padStart(2, "0")}`, households: 800 + ((i * 7919) % 9200) }));

describe("the shared estimate of chart text", () => {
  it("is never narrower than Chromium draws it in DejaVu Sans, the widest common system font", () => {
    // Widths measured in Chromium at 10 px (tests/browser draws with DejaVu Sans on Linux).
    const dejaVu: Record<string, number> = { "1880": 25.5, "Jan 1, 1880": 57.8, WWWWW: 49.6, "Share of postings (%) →": 119.2, "−0.5": 24.3, Lowerstead: 57.7, "Anomaly (°C)": 66.9 };
    for (const [text, width] of Object.entries(dejaVu)) expect(chartTextWidth(text, 10), text).toBeGreaterThanOrEqual(width);
  });
  it("sets Chinese characters at a full em, and is the one label margins use", () => {
    expect(chartTextWidth("人工智能", 10)).toBe(40);
    expect(chartTextWidth("人工智能", 12)).toBe(48);
    expect(labelWidth("AIGC产品经理")).toBe(chartTextWidth("AIGC产品经理", 10));
  });
  it("reads SVG transforms, including rotation", () => {
    const [a, b, c, d, e, f] = parseTransform("translate(40,145) rotate(-90)");
    expect([a, b, c, d, e, f].map((n) => Math.round(n * 1000) / 1000 || 0)).toEqual([0, -1, 1, 0, 40, 145]);
  });
});

describe("tick thinning, as a pure function", () => {
  const row = (centres: number[], width: number): Box[] => centres.map((x) => ({ left: x - width / 2, right: x + width / 2, top: 0, bottom: 12 }));

  it("keeps every label when they fit", () => {
    expect(labelsToKeep(row([10, 50, 90], 20))).toEqual([0, 1, 2]);
  });
  it("keeps every k-th label from the first, for the smallest k that fits", () => {
    const kept = labelsToKeep(row(Array.from({ length: 10 }, (_, i) => i * 10), 22));
    expect(kept).toEqual([0, 3, 6, 9]);
  });
  it("keeps round years and decades: 1880, 1900, 1920 rather than 1880, 1883, 1886", () => {
    const labels = YEARS.map(String);
    const values = evenlySpacedValues(labels)!;
    const kept = labelsToKeep(row(YEARS.map((_, i) => i * 2), 26), values).map((i) => YEARS[i]);
    expect(kept.slice(0, 3)).toEqual([1880, 1900, 1920]);
    const offset = labelsToKeep(row(YEARS.slice(3).map((_, i) => i * 2), 26), evenlySpacedValues(YEARS.slice(3).map(String))).map((i) => YEARS[i + 3]);
    expect(offset[0]).toBe(1900);
  });
  it("reads years in numbers, dates and Chinese dates, and nothing from categories", () => {
    expect(evenlySpacedValues(["1,880", "1,890", "1,900"])).toEqual([1880, 1890, 1900]);
    expect(evenlySpacedValues(["Jan 1, 1880", "Jan 1, 1881", "Jan 1, 1882"])).toEqual([1880, 1881, 1882]);
    expect(evenlySpacedValues(["1880年1月1日", "1881年1月1日", "1882年1月1日"])).toEqual([1880, 1881, 1882]);
    expect(evenlySpacedValues(["Oldham", "Newham", "Eastham"])).toBeUndefined();
    expect(evenlySpacedValues(["1", "2", "4"])).toBeUndefined();
  });
});

describe("tick thinning, on charts drawn by the build", () => {
  it("writes 137 years of a heatmap as round years that stand apart, at 300 and 640 px", () => {
    for (const width of [300, 640]) {
      const svg = draw(heatmap(), heatmapRows, width);
      const labels = tickLabels(svg, "x");
      expect(labels.length).toBeGreaterThanOrEqual(3);
      expect(labels.every((label) => /^\d{4}$/.test(label) && Number(label) % 10 === 0), labels.join(" ")).toBe(true);
      expect(overlaps(svg)).toEqual([]);
      // A tick mark for each label left, none for those left out.
      expect(svg.querySelectorAll('g[data-label="x-axis tick"] path').length).toBe(labels.length);
    }
  });
  it("thins 60 categories across (x) and down (y) to every k-th, from the first", () => {
    const columns = draw(chart({}, [mark("barY", { x: "district", y: "households" })]), DISTRICTS, 300);
    const across = tickLabels(columns, "x");
    expect(across[0]).toBe("District 01");
    expect(across.length).toBeGreaterThan(1);
    expect(across.length).toBeLessThan(60);
    expect(overlaps(columns)).toEqual([]);
    const rows = draw(chart({ height: 320 }, [mark("barX", { y: "district", x: "households" })]), DISTRICTS, 300);
    const down = tickLabels(rows, "y");
    expect(down.length).toBeGreaterThan(10);
    expect(down.length).toBeLessThan(60);
    expect(overlaps(rows)).toEqual([]);
  });
  it("thins long Chinese labels by their full-width characters", () => {
    const roles = ["人工智能算法研究员（自然语言处理方向）", "深度学习平台开发工程师", "计算机视觉与图像识别工程师", "大模型训练与推理优化工程师"].map((role, i) => ({ role, pay: i + 1 }));
    const svg = draw(chart({}, [mark("barY", { x: "role", y: "pay" })]), roles, 300);
    expect(tickLabels(svg, "x").length).toBeLessThan(4);
    expect(overlaps(svg)).toEqual([]);
  });
  it("leaves ticks the editor chose, and every label when switched off", () => {
    const chosen = draw(heatmap({ ticks: [1880, 1881, 1882, 1883] }), heatmapRows, 300);
    expect(tickLabels(chosen, "x")).toEqual(["1880", "1881", "1882", "1883"]);
    expect(tickLabels(draw(heatmap(), heatmapRows, 300, { tickThinning: false }), "x")).toHaveLength(137);
  });
  it("writes years on a band axis without a thousands separator, but keeps the editor's format", () => {
    const decades = [1880, 1890, 1900].map((decade) => ({ decade, anomaly: 0.1 }));
    const bars = chart({}, [mark("barY", { x: "decade", y: "anomaly" })]);
    expect(tickLabels(draw(bars, decades, 640), "x")).toEqual(["1880", "1890", "1900"]);
    const formatted = chart({ x: { tickFormat: ",d" } }, [mark("barY", { x: "decade", y: "anomaly" })]);
    expect(tickLabels(draw(formatted, decades, 640), "x")).toEqual(["1,880", "1,890", "1,900"]);
    // Numbers that are not years keep Plot's separator.
    expect(tickLabels(draw(bars, [{ decade: 12000, anomaly: 1 }, { decade: 13000, anomaly: 1 }], 640), "x")).toEqual(["12,000", "13,000"]);
  });
  it("labels a compiled story's band of years the same way (the build's own defaults included)", () => {
    const years = YEARS.map((year) => `${year},${(year % 7) / 10}`).join("\n");
    const story = compile(`\`\`\`data id=t\nyear,anomaly\n${years}\n\`\`\`\n\n\`\`\`plot data=t\nalt: Bars.\nmarks:\n  - barY: {x: year, y: anomaly}\n\`\`\`\n`);
    const html = story.charts[0]!.html;
    expect(html).not.toMatch(/>1,8\d\d</);
    expect(html).toMatch(/>1900</);
  });
});

describe("label collisions, as pure functions", () => {
  const at = (left: number, top: number, width = 40, height = 12): Box => ({ left, top, right: left + width, bottom: top + height });

  it("leaves a label that meets nothing where it is", () => {
    expect(placeLabels([at(0, 0)], [{ box: at(100, 0), maxShift: 20 }], { top: -100, bottom: 100 })).toEqual([0]);
  });
  it("moves a label to the nearest free place up or down, and leaves it out when there is none within reach", () => {
    const [down] = placeLabels([at(0, 0)], [{ box: at(10, 4), maxShift: 20 }], { top: -100, bottom: 100 });
    expect(down).toBeCloseTo(8 + LABEL_GAP.y);
    const [up] = placeLabels([at(0, 0)], [{ box: at(10, -4), maxShift: 20 }], { top: -100, bottom: 100 });
    expect(up).toBeCloseTo(-8 - LABEL_GAP.y);
    expect(placeLabels([at(0, -30, 40, 72)], [{ box: at(10, 0), maxShift: 20 }], { top: -100, bottom: 100 })).toEqual([null]);
  });
  it("places labels in the order given: the first keeps its place, the second moves", () => {
    const shifts = placeLabels([], [{ box: at(0, 0), maxShift: 20 }, { box: at(5, 2), maxShift: 20 }], { top: -100, bottom: 100 });
    expect(shifts[0]).toBe(0);
    expect(Math.abs(shifts[1]!)).toBeGreaterThan(0);
  });
  it("never places a label on an obstacle or another label", () => {
    const box = fc.record({ left: fc.integer({ min: 0, max: 200 }), top: fc.integer({ min: 0, max: 200 }), width: fc.integer({ min: 1, max: 80 }), height: fc.integer({ min: 8, max: 16 }) }).map((b) => at(b.left, b.top, b.width, b.height));
    fc.assert(
      fc.property(fc.array(box, { maxLength: 8 }), fc.array(box, { maxLength: 20 }), fc.integer({ min: 0, max: 40 }), (obstacles, labels, reach) => {
        const shifts = placeLabels(obstacles, labels.map((b) => ({ box: b, maxShift: reach })), { top: 0, bottom: 240 });
        const placed = [...obstacles];
        labels.forEach((label, i) => {
          const shift = shifts[i];
          if (shift === null || shift === undefined) return;
          const moved = { ...label, top: label.top + shift, bottom: label.bottom + shift };
          expect(Math.abs(shift)).toBeLessThanOrEqual(reach + 1e-9);
          for (const other of placed) expect(collide(moved, other, LABEL_GAP.x - 1e-6, LABEL_GAP.y - 1e-6)).toBe(false);
          placed.push(moved);
        });
      }),
      { numRuns: 300 },
    );
  });
  it("dodges a stack of labels into a column, in their order, centred where they want to be", () => {
    const boxes = [at(0, 100), at(0, 96), at(0, 104), at(0, 98)];
    const tops = dodge(boxes, { top: 0, bottom: 400 }, 0);
    const order = [1, 3, 0, 2];
    for (let k = 1; k < order.length; k++) expect(tops[order[k]!]! - tops[order[k - 1]!]!).toBeCloseTo(12);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(tops)).toBeCloseTo(mean(boxes.map((b) => b.top)));
    // Held inside its bounds.
    expect(Math.min(...dodge([at(0, 2), at(0, 3)], { top: 0, bottom: 400 }, 0))).toBe(0);
  });
});

describe("label collisions, on charts drawn by the build", () => {
  const series = ["Northfield", "Southbrook", "Eastham", "Westwick", "Upperford", "Lowerstead"];
  const ends = [25, 25.5, 26, 26.5, 24.8, 25.2];
  const lines = series.flatMap((name, i) => [
    { year: 2015, name, value: 10 + i * 5 },
    { year: 2018, name, value: ends[i]! },
  ]);
  const endLabels = (labels: MarkSpec[] = []) =>
    chart({ marginRight: 70 }, [
      mark("line", { x: "year", y: "value", stroke: "name" }),
      ...labels,
      // Plotline's end labels, as defaults/color-cues.ts adds them.
      mark("text", { x: "year", y: "value", z: "name", text: "name", textAnchor: "start", dx: 4, ariaHidden: true }, [{ name: "selectLast", value: true }]),
    ]);

  it("spreads the names at the ends of lines that end level, in the order of their values", () => {
    for (const width of [300, 640]) {
      const svg = draw(endLabels(), lines, width);
      expect(overlaps(svg)).toEqual([]);
      const names = [...svg.querySelectorAll('g[data-label="text"] text')];
      expect(names).toHaveLength(6);
      const top = (text: Element) => textBox(text, svg)!.top;
      const byPosition = names.sort((a, b) => top(a) - top(b)).map((t) => t.textContent);
      expect(byPosition).toEqual(["Westwick", "Eastham", "Southbrook", "Lowerstead", "Northfield", "Upperford"]);
    }
  });
  it("keeps an editor's label where it is, and moves or leaves out Plotline's instead", () => {
    const note = mark("text", { x: "year", y: "value", text: "note", textAnchor: "start", dx: 4 });
    const spec = endLabels([{ ...note, data: "notes" }]);
    const markup = renderChartSvg(spec, { d: lines, notes: [{ year: 2018, value: 25.5, note: "All six end level" }] }, { idPrefix: "t", width: 640 });
    const { document } = parseHTML(`<html><body>${markup}</body></html>`);
    const svg = document.querySelector("svg[role='img']")!;
    const editor = [...svg.querySelectorAll("text")].find((t) => t.textContent === "All six end level")!;
    expect(editor.getAttribute("transform")).toMatch(/^translate\([\d.]+,[\d.]+\)$/);
    expect(overlaps(svg)).toEqual([]);
  });
  it("keeps a note off the axis's tick labels, and the tick labels as they were", () => {
    const rows = YEARS.map((year) => ({ year, anomaly: Math.sin(year) }));
    const spec = chart({}, [
      mark("line", { x: "year", y: "anomaly" }),
      { ...mark("text", { x: "year", y: "anomaly", text: "note", dy: 14, textAnchor: "start" }), data: "notes" },
    ]);
    const data = { d: rows, notes: [{ year: 1893, anomaly: -1, note: "Coldest year on record, 1893" }] };
    const svg = (additions?: DrawnAdditions) => {
      const markup = renderChartSvg(spec, data, { idPrefix: "t", width: 300, ...(additions ? { additions } : {}) });
      return parseHTML(`<html><body>${markup}</body></html>`).document.querySelector("svg[role='img']")!;
    };
    const kept = svg();
    expect(overlaps(kept)).toEqual([]);
    expect(tickLabels(kept, "x")).toEqual(tickLabels(svg({ labelCollisions: false }), "x"));
    expect(kept.textContent).toContain("Coldest year on record");
  });
  it("keeps the text of a tip mark shown on the page where Plot draws it, never left out", () => {
    const months = YEARS.slice(0, 12).map((year, i) => ({ year, value: i }));
    const spec = chart({}, [mark("line", { x: "year", y: "value" }), mark("tip", { x: "year", y: "value" })]);
    const tips = (additions?: DrawnAdditions) => [...draw(spec, months, 300, additions).querySelectorAll('g[data-label="tip"] text')].map((t) => `${t.getAttribute("transform")} ${t.textContent}`);
    expect(tips().length).toBe(12);
    expect(tips()).toEqual(tips({ labelCollisions: false }));
  });
  it("draws labels where Plot put them when switched off", () => {
    expect(overlaps(draw(endLabels(), lines, 300, { labelCollisions: false })).length).toBeGreaterThan(0);
  });
});
