/**
 * `:mark[words]{chart=<id>}`: words in the prose that light a series or bar of a chart.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { clean, compile, plotBlock, positionOf, where } from "../chart/helpers.ts";

const CITIES = "```data id=cities\nyear,city,pop\n2020,Beijing,10\n2021,Beijing,12\n2020,Shanghai,11\n2021,Shanghai,13\n```\n\n";
const LIT = plotBlock("data=cities id=cities", "alt: Two cities.\nhighlight: city\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");
const PLAIN = plotBlock("data=cities id=plain", "alt: Two cities.\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");

/** The paragraph holding `needle` in the story's HTML. */
const paragraph = (html: string, needle: string) => html.split(/<\/?p>/).find((part) => part.includes(needle)) ?? "";

describe(":mark in the page", () => {
  it("becomes a focusable mark naming the chart's figure and the key it lights", () => {
    const result = clean(compile(`${CITIES}${LIT}\nThe capital, :mark[Beijing]{chart=cities}, grew.\n`));
    expect(paragraph(result.html, "capital")).toBe(
      'The capital, <mark class="plotline-mark" data-chart="chart-cities" data-key="Beijing" tabindex="0">Beijing</mark>, grew.',
    );
  });

  it("lights key= when the words differ from the value", () => {
    const result = clean(compile(`${CITIES}${LIT}\nLook at :mark[the capital]{chart=cities key=Beijing}.\n`));
    expect(paragraph(result.html, "Look")).toContain('data-key="Beijing" tabindex="0">the capital</mark>');
  });

  it("may come before the chart it names, and name a variant", () => {
    const variant = plotBlock("extends=cities id=shanghai", 'filter: city == "Shanghai"');
    const result = clean(compile(`${CITIES}Before: :mark[Shanghai]{chart=shanghai}.\n\n${LIT}${variant}`));
    expect(paragraph(result.html, "Before")).toContain('data-chart="chart-shanghai" data-key="Shanghai"');
  });

  it("escapes the words and the key", () => {
    const result = clean(compile(`${CITIES.replace("Beijing,10", "<b>Beijing</b>,10").replace("Beijing,12", "<b>Beijing</b>,12")}${LIT}\nSee :mark[the "capital"]{chart=cities key="<b>Beijing</b>"}.\n`));
    const { document } = parseHTML(`<!doctype html><html><body>${result.html}</body></html>`);
    const mark = document.querySelector("mark.plotline-mark")!;
    expect(mark.getAttribute("data-key")).toBe("<b>Beijing</b>");
    expect(mark.textContent).toBe('the "capital"');
    expect(document.querySelectorAll("b")).toHaveLength(0);
  });
});

describe(":mark's checks", () => {
  it("an unknown chart is reported at chart=, with the chart it probably is", () => {
    const md = `${CITIES}${LIT}\nSee :mark[Beijing]{chart=citie}.\n`;
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`mark/unknown-chart ${positionOf(md, "citie}")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "cities"?');
    // The words stay, as highlighted text.
    expect(paragraph(result.html, "See")).toBe('See <mark class="plotline-mark">Beijing</mark>.');
  });

  it("a chart without highlight is reported, with the hint to add one", () => {
    const md = `${CITIES}${PLAIN}\nSee :mark[Beijing]{chart=plain}.\n`;
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`mark/no-highlight ${positionOf(md, "plain}")}`]);
    expect(result.diagnostics[0]!.hint).toContain("highlight: <column>");
  });

  it("a key the chart does not draw is reported, with the value it probably is", () => {
    const md = `${CITIES}${LIT}\nSee :mark[Bejing]{chart=cities}, :mark[the city]{chart=cities key=Shanghia}.\n`;
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`mark/unknown-key ${positionOf(md, ":mark[Bejing]")}`, `mark/unknown-key ${positionOf(md, "Shanghia")}`]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('Did you mean "Beijing"?'), expect.stringContaining('Did you mean "Shanghai"?')]);
  });

  it("a :mark without chart= is reported", () => {
    const md = `${CITIES}${LIT}\nSee :mark[Beijing].\n`;
    expect(where(compile(md).diagnostics)).toEqual([`mark/missing-chart ${positionOf(md, ":mark")}`]);
  });

  it("words naming a chart that has errors of its own add nothing to its errors", () => {
    const broken = plotBlock("data=cities id=broken", "highlight: city\nmarks:\n  - lineY: {x: year, y: pop, strok: city}");
    expect(compile(`${CITIES}${broken}\nSee :mark[Beijing]{chart=broken}.\n`).diagnostics.map((d) => d.code)).toEqual(["plot/unknown-option"]);
  });
});
