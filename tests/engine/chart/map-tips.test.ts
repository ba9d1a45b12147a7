/**
 * Tips over a map's shapes say which shape they are over (defaults/shape-name-tip.ts): the name column
 * becomes a channel of the mark, which Plot's tip shows, in the build's spec and so in the browser's.
 */
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { specToPlotOptions } from "../../../src/engine/chart/render/spec-to-plot.ts";
import { plotBlock, storyBlocks } from "./helpers.ts";
import { compileIn, REGIONS_BLOCK, regionFiles } from "./map-helpers.ts";

const compiled = (yaml: string, lang = "en") => {
  const markdown = REGIONS_BLOCK + plotBlock("id=m", `alt: A.\n${yaml}`);
  const chart = compileIn(lang, markdown).charts[0]!;
  const rows = Object.fromEntries([...storyBlocks(markdown, regionFiles()).data].map(([id, d]) => [id, d.table.rows]));
  return { chart, rows };
};
/** The channels of the chart's first mark as Plot gets it in the browser (interactive, tips on). */
const channelsInBrowser = (yaml: string) => {
  const { chart, rows } = compiled(yaml);
  const marks = specToPlotOptions(chart.spec, rows, { interactive: true, lang: "en" }).marks as unknown as Plot.Mark[];
  return Object.keys((marks[0] as unknown as { channels: Record<string, unknown> }).channels);
};

describe("tips over a map's shapes", () => {
  it("show the shape's name beside the value the map is coloured by", () => {
    expect(compiled("marks:\n  - geo: {data: regions, fill: rate, tip: true}").chart.spec.marks[0]!.options["channels"]).toEqual({ name: "name" });
    expect(channelsInBrowser("marks:\n  - geo: {data: regions, fill: rate, tip: true}")).toEqual(expect.arrayContaining(["fill", "name"]));
  });

  it("send the name to the browser with the chart's data", () => {
    const { chart } = compiled("marks:\n  - geo: {data: regions, fill: rate, tip: true}");
    expect(chart.html).toContain('"columns":{"name":["Nordland","Sudland","Ostmark","Westmark"]');
  });

  it("add nothing when the tip names the shape already, when there is no tip, or to a chart that is not a map", () => {
    expect(compiled("marks:\n  - geo: {data: regions, fill: name, tip: true}").chart.spec.marks[0]!.options["channels"]).toBeUndefined();
    expect(compiled("marks:\n  - geo: {data: regions, fill: rate, title: name, tip: true}").chart.spec.marks[0]!.options["channels"]).toBeUndefined();
    expect(compiled("marks:\n  - geo: {data: regions, fill: rate}").chart.spec.marks[0]!.options["channels"]).toBeUndefined();
    const table = compileIn("en", "```data id=t\nname,rate\nA,1\nB,2\n```\n\n" + plotBlock("id=m data=t", "alt: A.\nmarks:\n  - barY: {x: name, y: rate, tip: true}"));
    expect(table.charts[0]!.spec.marks[0]!.options["channels"]).toBeUndefined();
  });

  it("keep the editor's own channels and add the name to them", () => {
    expect(compiled("marks:\n  - geo: {data: regions, fill: rate, tip: true, channels: {people: people}}").chart.spec.marks[0]!.options["channels"]).toEqual({ name: "name", people: "people" });
  });

  it("name a world map's countries in Chinese in a Chinese story", () => {
    const world = compileIn("zh-CN", "```data id=world basemap=world/countries\n```\n\n" + plotBlock("id=m", "alt: A.\nplotline: {accessibleColors: false}\nmarks:\n  - geo: {data: world, fill: iso3, tip: true}"));
    expect(world.charts[0]!.spec.marks[0]!.options["channels"]).toEqual({ name_zh: "name_zh" });
  });
});
