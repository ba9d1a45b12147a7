import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { NO_DATA_FILL } from "../../../src/engine/chart/defaults/map-no-data.ts";
import { compile, plotBlock, where } from "./helpers.ts";

const RATES = "```data id=rates\ncode,rate\nESP,11.4\nFRA,7.3\n```\n\n```data id=countries basemap=world/countries join=rates on=\"iso3 = code\"\n```\n\n";

/** The fills of the geo mark's paths in the wide drawing. */
function fills(markup: string): (string | null)[] {
  const { document } = parseHTML(`<html><body>${markup}</body></html>`);
  return [...document.querySelectorAll("g[data-label='geo'] path")].map((path) => path.getAttribute("fill"));
}

describe("mapNoData: shapes with no value", () => {
  it("are drawn grey when a map fills by a column a join left gaps in", () => {
    const story = compile(RATES + plotBlock("id=rate-map data=countries", "alt: Rates.\nprojection: equal-earth\nmarks:\n  - geo: {fill: rate}"));
    expect(where(story.diagnostics)).toEqual([]);
    const drawn = fills(story.charts[0]!.chartMarkup);
    expect(drawn).toHaveLength(177);
    expect(drawn.filter((fill) => fill === NO_DATA_FILL)).toHaveLength(175);
  });

  it("are left to Plot when switched off, and the editor's unknown colour wins", () => {
    const off = compile(RATES + plotBlock("id=rate-map data=countries", "alt: Rates.\nprojection: equal-earth\nplotline: {mapNoData: false}\nmarks:\n  - geo: {fill: rate}"));
    expect(fills(off.charts[0]!.chartMarkup)).toHaveLength(2);
    const own = compile(RATES + plotBlock("id=rate-map data=countries", "alt: Rates.\nprojection: equal-earth\ncolor: {unknown: '#eeeeee'}\nmarks:\n  - geo: {fill: rate}"));
    expect(fills(own.charts[0]!.chartMarkup).filter((fill) => fill === "#eeeeee")).toHaveLength(175);
  });
});
