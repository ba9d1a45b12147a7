import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { type ChartPayload, payloadData } from "../../../src/engine/chart/publish/chart-payload.ts";
import { renderChartSvg } from "../../../src/engine/chart/render/render-chart-svg.ts";
import type { CompiledStory } from "../../../src/engine/compile-story.ts";
import { clean, compile, markGroup, plotBlock, positionOf, where } from "./helpers.ts";

const PRICES = [
  "```data id=aapl",
  "Date,Open,Close,Volume",
  "2013-05-13,64.5,64.9,79237200",
  "2013-05-14,64.8,63.4,111779500",
  "2013-05-15,62.7,61.2,185403400",
  "2013-05-16,60.4,62.0,150801000",
  "2013-06-03,64.0,64.2,",
  "```",
  "",
  "",
].join("\n");

/** A chart over the missing volume: it must say that row is not drawn, and nothing else. */
function cleanButMissingVolume(story: CompiledStory): CompiledStory {
  const dropped = story.diagnostics.filter((d) => d.code === "plot/rows-not-drawn").map((d) => d.message);
  expect(dropped).toEqual(['1 of 5 rows has no value for y (column "Volume (millions)"), so this mark does not draw it.']);
  return clean({ ...story, diagnostics: story.diagnostics.filter((d) => d.code !== "plot/rows-not-drawn") });
}

const chart = (yaml: string) => PRICES + plotBlock("data=aapl id=prices", `title: Prices\nalt: A chart of prices.\n${yaml}`);
const compiled = (yaml: string) => compile(chart(yaml));

function payloadOf(story: CompiledStory): ChartPayload {
  const html = story.charts[0]!.html;
  return JSON.parse(/<script class="plotline-spec" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!) as ChartPayload;
}

function variantsOf(story: CompiledStory): Map<number, string> {
  const { document } = parseHTML(`<!doctype html><body>${story.charts[0]!.html}</body>`);
  return new Map([...document.querySelectorAll(".plotline-variant")].map((v) => [Number(v.getAttribute("data-width")), v.innerHTML]));
}

describe("computed channels", () => {
  it("reach the browser as values under the expression's text, never as code", () => {
    const story = clean(compiled("marks:\n  - dot: {x: Date, y: Close, stroke: {expr: \"Close > Open\"}}"));
    const payload = payloadOf(story);
    expect(JSON.stringify(payload)).not.toContain('"expr"');
    expect(payload.spec.marks[0]!.options["stroke"]).toBe("Close > Open");
    expect((payload.data["aapl"] as { columns: Record<string, unknown[]> }).columns["Close > Open"]).toEqual([true, false, false, true, true]);
  });

  it("the chart drawn again from the payload, as the browser does, is the build's, at every width", () => {
    const story = cleanButMissingVolume(compiled('y: {label: Millions}\nmarks:\n  - dot: {x: Date, y: {expr: "Volume / 1e6", label: Volume (millions)}, fill: {expr: "Close > Open ? \'up\' : \'down\'"}, tip: true}'));
    const payload = payloadOf(story);
    for (const [width, markup] of variantsOf(story)) {
      expect(renderChartSvg(payload.spec, payloadData(payload), { idPrefix: `chart-prices-${width}`, width, lang: "en" })).toBe(markup);
    }
  });

  it("a label names the column (axis, tip, CSV); without one the expression's text does", () => {
    const story = cleanButMissingVolume(compiled('marks:\n  - dot: {x: Date, y: {expr: "Volume / 1e6", label: Volume (millions)}, stroke: {expr: "Close > Open"}}'));
    const csv = String(story.charts[0]!.csv!.content).replace(/^\uFEFF/, "").split("\n");
    // The columns the expressions read are in the reader's CSV too, so the computed ones can be checked.
    expect(csv[0]).toBe("Date,Open,Close,Volume,Volume (millions),Close > Open");
    expect(csv[1]).toBe("2013-05-13,64.5,64.9,79237200,79.2372,true");
    // A missing volume stays missing: an empty cell, not NaN or "null".
    expect(csv[5]).toBe("2013-06-03,64,64.2,,,true");
    expect(story.charts[0]!.chartMarkup).toContain("Volume (millions)");
  });

  it("the axis and the tips label a computed channel by its expression: the name of its column", () => {
    const story = clean(compiled('marks:\n  - dot: {x: Date, y: {expr: "Close - Open"}, tip: true}'));
    const payload = payloadOf(story);
    // Plot labels a channel given as a field by the field's name, in axes and tips alike.
    expect(payload.spec.marks[0]!.options["y"]).toBe("Close - Open");
    expect(payload.spec.marks[0]!.options["tip"]).toBe(true);
    expect(story.charts[0]!.chartMarkup).toMatch(/<text[^>]*>↑ Close - Open<\/text>/);
  });

  it("are grouped by the pre-aggregation like any column: the browser gets the groups", () => {
    const story = clean(compiled('marks:\n  - barY: {x: {expr: "month(Date)"}, y: Volume, groupX: {y: sum}}'));
    const payload = payloadOf(story);
    expect(payload.data["aapl"]).toBeUndefined();
    const groups = payloadData(payload)["=0"] as Record<string, unknown>[];
    expect(groups.map((row) => row["month(Date)"])).toEqual([5, 6]);
    for (const [width, markup] of variantsOf(story)) {
      expect(renderChartSvg(payload.spec, payloadData(payload), { idPrefix: `chart-prices-${width}`, width, lang: "en" })).toBe(markup);
    }
  });

  it("count as using the columns they read (no unused-column warning for Open)", () => {
    const story = compiled('marks:\n  - dot: {x: Date, y: Volume, stroke: {expr: "Close > Open"}}');
    expect(story.diagnostics.filter((d) => d.code !== "plot/rows-not-drawn")).toEqual([]);
  });
});

describe("filters and sort keys", () => {
  it("a filter that every mark shares keeps only its rows, in the payload and the CSV", () => {
    const story = clean(compiled('marks:\n  - dot: {x: Date, y: Close, filter: "Close < Open and month(Date) == 5"}'));
    const payload = payloadOf(story);
    expect(payload.spec.marks[0]!.options["filter"]).toBeUndefined();
    expect((payload.data["aapl"] as { columns: Record<string, unknown[]> }).columns["Close"]).toEqual([63.4, 61.2]);
    expect(String(story.charts[0]!.csv!.content).trim().split("\n")).toHaveLength(3);
  });

  it("a frame, an axis or a grid does not keep the rows from being filtered", () => {
    const story = clean(compiled('marks:\n  - frame\n  - axisX: {ticks: 3}\n  - dot: {x: Date, y: Close, filter: "Close > 64"}'));
    expect((payloadOf(story).data["aapl"] as { columns: Record<string, unknown[]> }).columns["Close"]).toEqual([64.9, 64.2]);
  });

  it("marks with different filters filter by a column of true and false", () => {
    const story = clean(compiled('marks:\n  - dot: {x: Date, y: Close, filter: "Close > Open", fill: green}\n  - dot: {x: Date, y: Open, filter: "Close <= Open", fill: red}'));
    const payload = payloadOf(story);
    expect(payload.spec.marks.map((m) => m.options["filter"])).toEqual(["Close > Open", "Close <= Open"]);
    expect(story.charts[0]!.chartMarkup.match(/<circle/g)).toHaveLength(5);
  });

  it("a filter that is a column name keeps Plot's meaning (rows where it is true)", () => {
    const story = clean(compile('```data id=t\nname,shown\na,true\nb,false\n```\n\n' + plotBlock("data=t id=t-chart", "title: T\nalt: A.\nmarks:\n  - dot: {x: name, filter: shown}")));
    expect(story.charts[0]!.chartMarkup.match(/<circle/g)).toHaveLength(1);
  });

  it("a sort key orders the rows drawn", () => {
    const story = clean(compiled('marks:\n  - text: {x: Date, y: Close, text: Close, sort: {expr: "Close - Open", order: descending}}'));
    const payload = payloadOf(story);
    expect(payload.spec.marks[0]!.options["sort"]).toEqual({ value: "Close - Open", order: "descending" });
    const texts = [...markGroup(story.charts[0]!.chartMarkup, "text").matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(texts.slice(0, 2)).toEqual(["62", "64.9"]);
  });
});

describe("problems in chart expressions, at the offending token", () => {
  it.each([
    ['  - dot: {x: Date, y: Close, stroke: {expr: "Close > Opne"}}', "plot/unknown-column", "Opne"],
    ["  - dot: {x: Date, y: Close, filter: 'Close > Opne'}", "plot/unknown-column", "Opne"],
    ["  - dot: {x: Date, y: Close, filter: Close > Opne}", "plot/unknown-column", "Opne"],
    ['  - dot: {x: Date, y: {expr: "monht(Date)"}}', "expr/unknown-function", "monht"],
    ['  - dot: {x: Date, y: {expr: "month(Close)"}}', "expr/type", "Close)"],
    ['  - dot: {x: Date, y: Close, filter: "Close = Open"}', "expr/syntax", "= Open"],
    ['  - dot: {x: Date, y: Close, filter: "Volume / 2"}', "expr/type", "Volume / 2"],
    ['  - dot: {x: Date, y: {expr: "Close.constructor"}}', "expr/not-allowed", "Close.constructor"],
    ['  - dot: {x: Date, y: Close, sort: {expr: "round()"}}', "expr/wrong-arguments", "round()"],
  ])("%s: %s", (mark, code, token) => {
    const markdown = chart(`marks:\n${mark}`);
    const story = compile(markdown);
    expect(where(story.diagnostics)).toEqual([`${code} ${positionOf(markdown, token)}`]);
  });

  it("warns, at the filter, when it keeps no row", () => {
    const markdown = chart('marks:\n  - dot: {x: Date, y: Close, filter: "Close > 1000"}');
    expect(where(compile(markdown).diagnostics)).toEqual([`expr/filter-keeps-nothing ${positionOf(markdown, "Close > 1000")}`]);
  });

  it("refuses options beside expr that it does not know, and an expr that is not a text", () => {
    const story = compiled('marks:\n  - dot: {x: Date, y: {expr: "Close", lable: Close}, stroke: {expr: 3}}');
    expect(story.diagnostics.map((d) => d.code).sort()).toEqual(["plot/invalid-value", "plot/unknown-option"]);
  });
});

describe("computed channels in other places", () => {
  it("extra tip lines (channels:), text with a format, facets and inline data", () => {
    const story = clean(
      compiled(
        'marks:\n  - dot: {x: Date, y: Close, tip: true, channels: {Change: {expr: "Close - Open"}}}\n  - text: {x: Date, y: Close, text: {expr: "Close / Open - 1"}, format: ".1%"}\n  - dot: {data: [{a: 1, b: 2}, {a: 3, b: 1}], x: a, y: {expr: "a * b"}, fill: {expr: "b > 1"}}',
      ),
    );
    const marks = payloadOf(story).spec.marks;
    expect(marks.map((m) => m.options["channels"] ?? m.options["text"] ?? m.options["y"])).toEqual([{ Change: "Close - Open" }, "Close / Open - 1", "a * b"]);
    expect(markGroup(story.charts[0]!.chartMarkup, "text")).toContain("−2.2%");
  });

  it("a label Plot would read as a colour names the column apart, and still labels it", () => {
    const story = clean(compiled('color: {legend: true}\nmarks:\n  - dot: {x: Date, y: Close, fill: {expr: "Close > Open", label: red}}'));
    const fill = payloadOf(story).spec.marks[0]!.options["fill"];
    expect(fill).toEqual({ value: "red (2)", label: "red" });
    expect(story.charts[0]!.chartMarkup).not.toContain('fill="red"');
  });
});
