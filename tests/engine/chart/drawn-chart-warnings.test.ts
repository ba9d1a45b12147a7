/**
 * Warnings for charts that build but come out wrong (src/engine/chart/checks/drawn/): each fires on
 * the bad chart, at the option that causes it, and stays silent on a close chart that is fine.
 */
import { describe, expect, it } from "vitest";
import { compile, plotBlock, positionOf, where } from "./helpers.ts";

const dataBlock = (id: string, header: string, rows: readonly string[]) => `\`\`\`data id=${id}\n${header}\n${rows.join("\n")}\n\`\`\`\n\n`;
const chartOf = (data: string, id: string, yaml: string) => data + plotBlock(`data=${id} id=c`, `title: T\nalt: A chart.\n${yaml}`);
/** The diagnostics of one code; a chart with an error (so never checked for these) fails the test instead of passing in silence. */
function codes(markdown: string, code: string): string[] {
  const { diagnostics, charts } = compile(markdown);
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  expect(charts).toHaveLength(1);
  return where(diagnostics.filter((d) => d.code === code));
}
const messages = (markdown: string, code: string) => compile(markdown).diagnostics.filter((d) => d.code === code).map((d) => d.message);

const PENGUINS = dataBlock("penguins", "species,mass,bill", ["Adelie,3750,39.1", "Adelie,3800,", "Gentoo,5700,47.3", "Gentoo,,46.1", "Chinstrap,3500,46.5"]);

describe("plot/rows-not-drawn", () => {
  it("counts the rows a mark leaves out for a missing position, at the channel losing the most", () => {
    const markdown = chartOf(PENGUINS, "penguins", "marks:\n  - dot: {x: mass, y: bill, fill: species}");
    expect(codes(markdown, "plot/rows-not-drawn")).toEqual([`plot/rows-not-drawn ${positionOf(markdown, "mass, y")}`]);
    expect(messages(markdown, "plot/rows-not-drawn")[0]).toBe('2 of 5 rows have no value for x (column "mass") or y (column "bill"), so this mark does not draw them.');
  });

  it("is silent when a filter leaves the rows out on purpose, and says it once for marks drawing the same rows", () => {
    const filtered = chartOf(PENGUINS, "penguins", 'marks:\n  - dot: {x: mass, y: bill, filter: "!isMissing(mass) and !isMissing(bill)"}');
    expect(codes(filtered, "plot/rows-not-drawn")).toEqual([]);
    const twice = chartOf(PENGUINS, "penguins", "marks:\n  - dot: {x: mass, y: bill}\n  - text: {x: mass, y: bill, text: species}");
    expect(codes(twice, "plot/rows-not-drawn")).toHaveLength(1);
  });

  it("leaves marks with transforms alone (each treats a missing position its own way)", () => {
    expect(codes(chartOf(PENGUINS, "penguins", "marks:\n  - rectY: {x: mass, binX: {y: count}}"), "plot/rows-not-drawn")).toEqual([]);
  });
});

const DOWNLOADS = dataBlock("downloads", "month,downloads", ["2024-01,0", "2024-02,12", "2024-03,140", "2024-04,-3"]);

describe("plot/log-scale-nonpositive", () => {
  it("names the smallest value at the scale's type: log", () => {
    const markdown = chartOf(DOWNLOADS, "downloads", "y: {type: log}\nmarks:\n  - lineY: {x: month, y: downloads}");
    expect(codes(markdown, "plot/log-scale-nonpositive")).toEqual([`plot/log-scale-nonpositive ${positionOf(markdown, "log}")}`]);
    expect(messages(markdown, "plot/log-scale-nonpositive")[0]).toContain("2 of the 4 values of \"downloads\" are zero or negative (the smallest is -3)");
  });

  it("is silent on a symlog scale and on a log scale of positive values", () => {
    expect(codes(chartOf(DOWNLOADS, "downloads", "y: {type: symlog}\nmarks:\n  - lineY: {x: month, y: downloads}"), "plot/log-scale-nonpositive")).toEqual([]);
    const positive = chartOf(DOWNLOADS, "downloads", 'y: {type: log}\nmarks:\n  - lineY: {x: month, y: downloads, filter: "downloads > 0"}');
    expect(codes(positive, "plot/log-scale-nonpositive")).toEqual([]);
  });
});

const months = (count: number) => Array.from({ length: count }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i % 7}`);

describe("plot/too-many-bands", () => {
  it("fires at the mark's channel when dates make more than 120 bands", () => {
    const markdown = chartOf(dataBlock("temps", "month,anomaly", months(150)), "temps", "marks:\n  - cell: {x: month, fill: anomaly}");
    expect(codes(markdown, "plot/too-many-bands")).toEqual([`plot/too-many-bands ${positionOf(markdown, "month, fill")}`]);
    expect(messages(markdown, "plot/too-many-bands")[0]).toContain("150 bands");
  });

  it("is silent for a year of months, and when the editor gives the scale an interval", () => {
    expect(codes(chartOf(dataBlock("temps", "month,anomaly", months(12)), "temps", "marks:\n  - cell: {x: month, fill: anomaly}"), "plot/too-many-bands")).toEqual([]);
    const interval = chartOf(dataBlock("temps", "month,anomaly", months(150)), "temps", "x: {interval: year}\nmarks:\n  - barY: {x: month, y: anomaly}");
    expect(codes(interval, "plot/too-many-bands")).toEqual([]);
  });
});

const ISLANDS = dataBlock("islands", "island,year,mass", ["Biscoe,2007,5700", "Dream,2007,3700", "Torgersen,2010,3800"]);

describe("plot/empty-facets", () => {
  it("names the facets a domain lists but the data lacks", () => {
    const markdown = chartOf(ISLANDS, "islands", "fx: {domain: [Biscoe, Dream, Anvers]}\nmarks:\n  - dot: {fx: island, y: mass}");
    expect(codes(markdown, "plot/empty-facets")).toEqual([`plot/empty-facets ${positionOf(markdown, "[Biscoe")}`]);
    expect(messages(markdown, "plot/empty-facets")[0]).toContain('1 has no data: "Anvers"');
  });

  it("names the steps of an interval that hold no data", () => {
    const markdown = chartOf(ISLANDS, "islands", "fy: {interval: year}\nmarks:\n  - dot: {fy: year, x: mass, y: island}");
    expect(codes(markdown, "plot/empty-facets")).toEqual([`plot/empty-facets ${positionOf(markdown, "year}")}`]);
    expect(messages(markdown, "plot/empty-facets")[0]).toContain('2 have no data: "2008", "2009"');
  });

  it("is silent when every facet of the domain has data", () => {
    expect(codes(chartOf(ISLANDS, "islands", "fx: {domain: [Torgersen, Dream, Biscoe]}\nmarks:\n  - dot: {fx: island, y: mass}"), "plot/empty-facets")).toEqual([]);
  });
});

const WEEKS = dataBlock("weeks", "week,jobs", ["2025-03-03,100", "2025-03-17,121", "2025-03-31,130", "2025-04-14,139", "2025-04-28,161", "2025-05-12,158"]);

describe("plot/tick-format-repeats and plot/tick-format-decimals", () => {
  it("fires at the tickFormat that writes the same year under neighbouring ticks", () => {
    const markdown = chartOf(WEEKS, "weeks", 'x: {tickFormat: "%Y"}\nmarks:\n  - lineY: {x: week, y: jobs}');
    expect(codes(markdown, "plot/tick-format-repeats")).toEqual([`plot/tick-format-repeats ${positionOf(markdown, '"%Y"')}`]);
  });

  it("is silent for a format as fine as the ticks", () => {
    expect(codes(chartOf(WEEKS, "weeks", 'x: {tickFormat: "%b %-d"}\nmarks:\n  - lineY: {x: week, y: jobs}'), "plot/tick-format-repeats")).toEqual([]);
  });

  it("fires at a number format of 6 or more decimals, not at 2", () => {
    const markdown = chartOf(WEEKS, "weeks", 'y: {tickFormat: ".6f"}\nmarks:\n  - lineY: {x: week, y: jobs}');
    expect(codes(markdown, "plot/tick-format-decimals")).toEqual([`plot/tick-format-decimals ${positionOf(markdown, '".6f"')}`]);
    expect(codes(chartOf(WEEKS, "weeks", 'y: {tickFormat: ".2f"}\nmarks:\n  - lineY: {x: week, y: jobs}'), "plot/tick-format-decimals")).toEqual([]);
  });
});

const cities = (count: number) => dataBlock("cities", "city,jobs", Array.from({ length: count }, (_, i) => `City ${i + 1},${100 + i}`));

describe("plot/too-many-colors", () => {
  it("fires at the colour channel when there are more categories than the palette's 10 colours", () => {
    const markdown = chartOf(cities(12), "cities", "marks:\n  - barX: {x: jobs, y: city, fill: city}");
    expect(codes(markdown, "plot/too-many-colors")).toEqual([`plot/too-many-colors ${positionOf(markdown, "city}")}`]);
    expect(messages(markdown, "plot/too-many-colors")[0]).toContain("12 categories");
  });

  it("is silent for 10 categories, and counts the colours of a scheme the editor names", () => {
    expect(codes(chartOf(cities(10), "cities", "marks:\n  - barX: {x: jobs, y: city, fill: city}"), "plot/too-many-colors")).toEqual([]);
    expect(codes(chartOf(cities(12), "cities", "color: {scheme: set3}\nmarks:\n  - barX: {x: jobs, y: city, fill: city}"), "plot/too-many-colors")).toEqual([]);
    expect(codes(chartOf(cities(10), "cities", "color: {scheme: dark2}\nmarks:\n  - barX: {x: jobs, y: city, fill: city}"), "plot/too-many-colors")).toHaveLength(1);
  });
});

const YEARS = dataBlock("jobs", "year,jobs", Array.from({ length: 35 }, (_, i) => `${1990 + i},${100 + i}`));

describe("plot/crowded-phone-axis", () => {
  it("fires at ticks that ask for more than 20 labels across the phone drawing", () => {
    const markdown = chartOf(YEARS, "jobs", "x: {ticks: 35}\nmarks:\n  - lineY: {x: year, y: jobs}");
    expect(codes(markdown, "plot/crowded-phone-axis")).toEqual([`plot/crowded-phone-axis ${positionOf(markdown, "35}")}`]);
  });

  it("fires at an interval that makes a band per step, unless ticks label fewer of them", () => {
    const markdown = chartOf(YEARS, "jobs", "x: {interval: year}\nmarks:\n  - barY: {x: year, y: jobs}");
    expect(codes(markdown, "plot/crowded-phone-axis")).toEqual([`plot/crowded-phone-axis ${positionOf(markdown, "year}")}`]);
    expect(codes(chartOf(YEARS, "jobs", 'x: {interval: year, ticks: "5 years"}\nmarks:\n  - barY: {x: year, y: jobs}'), "plot/crowded-phone-axis")).toEqual([]);
  });

  it("is silent for 10 ticks", () => {
    expect(codes(chartOf(YEARS, "jobs", "x: {ticks: 10}\nmarks:\n  - lineY: {x: year, y: jobs}"), "plot/crowded-phone-axis")).toEqual([]);
  });
});
