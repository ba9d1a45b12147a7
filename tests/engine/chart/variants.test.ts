/**
 * Variants of a chart (extends=): a chart block laid over another's YAML, a state of a story that moves,
 * and a chart of its own (id, data table, CSV, embed page).
 */
import { describe, expect, it } from "vitest";
import { clean, compile, markGroup, plotBlock, positionOf, where } from "./helpers.ts";

const CITIES = "```data id=cities\nyear,city,pop\n2020,Beijing,10\n2021,Beijing,12\n2020,Shanghai,11\n2021,Shanghai,13\n```\n\n";
const BASE = plotBlock(
  "data=cities id=cities",
  "title: Two cities\nalt: Population of two cities.\nx: {label: Year, grid: true}\ny: {label: Millions}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}",
);
const variant = (info: string, yaml: string) => plotBlock(`extends=cities ${info}`.trim(), yaml);
/** Where the value of `attribute=value` starts, as "line:column". */
const valueOf = (markdown: string, attribute: string) => {
  const [line, column] = positionOf(markdown, attribute).split(":").map(Number);
  return `${line}:${column! + attribute.indexOf("=") + 1}`;
};
const chartOf = (result: ReturnType<typeof compile>, id: string) => {
  const chart = result.charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id}: ${result.charts.map((c) => c.id).join(", ")}`);
  return chart;
};

describe("a variant's spec", () => {
  it("merges a scale's options key by key: a new domain zooms and keeps the base's label and format", () => {
    const result = clean(compile(CITIES + BASE + variant("id=zoom", "x: {domain: [2020-01-01, 2020-07-01]}")));
    expect(chartOf(result, "zoom").spec.options["x"]).toEqual({ label: "Year", grid: true, domain: ["2020-01-01", "2020-07-01"] });
    expect(chartOf(result, "zoom").spec.options["y"]).toEqual({ label: "Millions" });
  });

  it("zooms a chart of years with a domain written as years or ISO dates, in the build and in the browser's redraw", async () => {
    const { parseHTML } = await import("linkedom");
    const { renderChartElement } = await import("../../../src/engine/chart/render/render-chart-element.ts");
    const { payloadData } = await import("../../../src/engine/chart/publish/chart-payload.ts");
    const years = "```data id=pop\nyear,pop\n2015,10\n2018,11\n2021,12\n2024,13\n```\n\n";
    const base = plotBlock("data=pop id=pop", "alt: Population.\nmarks:\n  - lineY: {x: year, y: pop}");
    const result = clean(compile(years + base + plotBlock("extends=pop id=recent", "x: {domain: [2021, 2024]}\nclip: true") + plotBlock("extends=pop id=months", "x: {domain: [2021-07, 2024-01-01]}\nclip: true")));
    /** The years the x axis names (a short span is labelled by months, with the year under January). */
    const ticks = (markup: string) => [...new Set([...markGroup(markup, "x-axis tick label").matchAll(/>(\d{4})</g)].map((m) => m[1]))];
    expect(ticks(chartOf(result, "recent").chartMarkup)).toEqual(["2021", "2022", "2023", "2024"]);
    expect(ticks(chartOf(result, "pop").chartMarkup)).toContain("2015");
    expect(chartOf(result, "months").chartMarkup).not.toContain(">2021-07<");
    // The spec stays as written (plain JSON for the page); the browser turns it into the same dates.
    const { document } = parseHTML(`<!doctype html><html><body>${chartOf(result, "recent").html}</body></html>`);
    const payload = JSON.parse(document.querySelector("script.plotline-spec")!.textContent ?? "");
    expect(payload.spec.options.x).toEqual({ domain: [2021, 2024] });
    const redrawn = renderChartElement(payload.spec, payloadData(payload), { document: document as unknown as Document, width: 640, lang: "en", interactive: true });
    expect(ticks(redrawn.outerHTML)).toEqual(["2021", "2022", "2023", "2024"]);
  });

  it("replaces other top-level keys and the marks, keeping what it does not write", () => {
    const result = clean(compile(CITIES + BASE + variant("id=dots", "title: Dots instead\nmarks:\n  - dot: {x: year, y: pop, fill: city}")));
    const spec = chartOf(result, "dots").spec;
    expect(spec.figure.title).toBe("Dots instead");
    expect(spec.figure.alt).toBe("Population of two cities.");
    expect(spec.marks.map((m) => m.mark)).toContain("dot");
    expect(spec.marks.map((m) => m.mark)).not.toContain("lineY");
    expect(spec.data).toBe("cities");
  });

  it("appends addMarks to the base's marks, and draws them (an annotation rule and a note)", () => {
    const yaml = 'addMarks:\n  - ruleY: [12]\n  - text: [{year: 2021, pop: 12.5, note: "A record"}]';
    const result = clean(compile(CITIES + BASE + variant("id=noted", `${yaml.replace("text: [", "text: {x: year, y: pop, text: note, data: [").replace("}]", "}]}")}`)));
    const chart = chartOf(result, "noted");
    expect(chart.spec.marks[0]!.mark).toBe("lineY");
    expect(chart.spec.marks.slice(-2).map((m) => m.mark)).toEqual(["ruleY", "text"]);
    expect(markGroup(chart.chartMarkup, "rule")).toContain("<line");
    expect(chart.chartMarkup).toContain("A record");
    // The base is drawn as it was: no rule, no note.
    expect(markGroup(chartOf(result, "cities").chartMarkup, "rule")).toBe("");
  });

  it("keeps only the rows its filter is true for: in the drawing, the data table and the CSV", () => {
    const result = clean(compile(CITIES + BASE + variant("id=shanghai", 'filter: city == "Shanghai"')));
    const chart = chartOf(result, "shanghai");
    expect(chart.csv?.content).toBe("\uFEFFyear,city,pop\n2020,Shanghai,11\n2021,Shanghai,13\n");
    expect(markGroup(chart.chartMarkup, "line").match(/<path/g)).toHaveLength(1);
    expect(chart.html).not.toContain("Beijing");
    // The base keeps every row.
    expect(chartOf(result, "cities").csv?.content).toContain("Beijing");
  });

  it("inherits a base defined after it, and a variant may extend a variant", () => {
    const result = clean(
      compile(CITIES + plotBlock("extends=zoom id=zoom-dots", "addMarks:\n  - dot: {x: year, y: pop}") + variant("id=zoom", "x: {domain: [2020-01-01, 2020-07-01]}") + BASE),
    );
    expect(result.charts.map((c) => c.id)).toEqual(["zoom-dots", "zoom", "cities"]);
    const spec = chartOf(result, "zoom-dots").spec;
    expect(spec.options["x"]).toMatchObject({ label: "Year", domain: ["2020-01-01", "2020-07-01"] });
    expect(spec.marks.map((m) => m.mark).filter((m) => m === "lineY" || m === "dot")).toEqual(["lineY", "dot"]);
  });
});

describe("a variant is a chart of its own", () => {
  const result = clean(compile(CITIES + BASE + variant("id=shanghai", 'filter: city == "Shanghai"'), undefined));
  it("has its own id, figure id, CSV and downloads", () => {
    const chart = chartOf(result, "shanghai");
    expect(chart.domId).toBe("chart-shanghai");
    expect(chart.html).toContain('id="chart-shanghai"');
    expect(chart.csv?.path).toMatch(/shanghai\.csv$/);
    expect(chart.svg?.path).toMatch(/shanghai\.svg$/);
    expect(result.assets.map((a) => a.path)).toEqual(expect.arrayContaining([chart.csv!.path, chart.svg!.path]));
  });
  it("gets an id of its own from the title it inherits, numbered after its base's", () => {
    const untitledBase = BASE.replace(" id=cities", "");
    const derived = clean(compile(CITIES + plotBlock("extends=two-cities", 'filter: city == "Beijing"') + untitledBase));
    expect(derived.charts.map((c) => c.id)).toEqual(["two-cities-2", "two-cities"]);
  });
  it("offers embed code of its own page when the site is known", async () => {
    const { compileStory } = await import("../../../src/engine/compile-story.ts");
    const { memoryFiles, story, STORY_PATH } = await import("./helpers.ts");
    const compiled = compileStory({ path: STORY_PATH, text: story(CITIES + BASE + variant("id=shanghai", 'filter: city == "Shanghai"')) }, { dataFiles: memoryFiles(), site: "https://news.example.com" });
    expect(chartOf(compiled, "shanghai").html).toContain("/embed/test-story/shanghai/");
  });
});

describe("a variant's problems", () => {
  it("an unknown base is reported at extends=, with the story's chart ids to choose from", () => {
    const markdown = CITIES + BASE + plotBlock("extends=citie id=zoom", "x: {domain: [2020, 2021]}");
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-base ${positionOf(markdown, "citie ")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "cities"?');
  });

  it("variants that extend each other in a circle are reported once, at the first one's extends=", () => {
    const markdown = CITIES + BASE + plotBlock("id=a extends=b", "title: A") + plotBlock("id=b extends=a", "title: B");
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/extends-cycle ${valueOf(markdown, "extends=b")}`]);
    expect(result.diagnostics[0]!.message).toContain("a → b → a");
    expect(result.charts.map((c) => c.id)).toEqual(["cities"]);
  });

  it("a chart that extends itself is a circle", () => {
    const result = compile(CITIES + BASE + plotBlock("id=a extends=a", "title: A"));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/extends-cycle"]);
  });

  it("a problem in a key the variant writes points into the variant's block", () => {
    const markdown = CITIES + BASE + variant("id=zoom", "x: {domian: [2020, 2021]}");
    expect(where(compile(markdown).diagnostics)).toEqual([`plot/unknown-option ${positionOf(markdown, "domian")}`]);
    const filtered = CITIES + BASE + variant("id=one", 'filter: cty == "Shanghai"');
    expect(where(compile(filtered).diagnostics)).toEqual([`plot/unknown-column ${positionOf(filtered, "cty")}`]);
  });

  it("a problem in a key it inherits points into the base's block, where it was written", () => {
    // The base's highlight is fine for its lines; the variant's bars draw no city, so the inherited key is wrong here.
    const markdown = CITIES + plotBlock("data=cities id=cities", "alt: A.\nhighlight: city\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}") + variant("id=bars", "marks:\n  - barY: {x: year, y: pop}");
    expect(where(compile(markdown).diagnostics)).toEqual([`plot/highlight-not-drawn ${positionOf(markdown, "city\nmarks")}`]);
  });

  it("a problem in the base itself is reported once, at the base, and its variants are left out", () => {
    const markdown = CITIES + plotBlock("data=cities id=cities", "alt: A.\nmarks:\n  - lineY: {x: year, y: pop, strok: city}") + variant("id=v", "title: V") + variant("id=w", "title: W");
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-option ${positionOf(markdown, "strok")}`]);
    expect(result.charts).toEqual([]);
  });

  it("a filter on a chart without data=, and addMarks that is not a list, are reported where written", () => {
    const noData = CITIES + plotBlock("id=inline", 'alt: A.\nfilter: city == "Beijing"\nmarks:\n  - ruleY: [1, 2]');
    expect(where(compile(noData).diagnostics)).toEqual([`plot/invalid-value ${positionOf(noData, "filter")}`]);
    const notList = CITIES + BASE + variant("id=v", "addMarks: {ruleY: [12]}");
    expect(where(compile(notList).diagnostics)).toEqual([`plot/invalid-value ${positionOf(notList, "{ruleY")}`]);
  });

  it("a variant with no body draws its base again, under its own id", () => {
    const result = clean(compile(CITIES + BASE + plotBlock("extends=cities id=again", "")));
    expect(chartOf(result, "again").chartMarkup).toBe(chartOf(result, "cities").chartMarkup.replaceAll("chart-cities", "chart-again"));
  });
});
