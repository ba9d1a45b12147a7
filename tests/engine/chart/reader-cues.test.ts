import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { labelWidth } from "../../../src/engine/chart/defaults/label-margins.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const chart = (data: string, yaml: string) =>
  compileStory(
    { path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=d\n${data}\n\`\`\`\n\n\`\`\`plot data=d\nalt: A.\n${yaml}\n\`\`\`\n` },
    { dataFiles: noFiles },
  ).charts[0]!;
const SERIES = "year,city,jobs\n2021,Beijing,1\n2022,Beijing,2\n2021,Shanghai,2\n2022,Shanghai,3";

describe("colour is not the only cue", () => {
  it("dots coloured by category also get a shape per category, and one legend shows both", () => {
    const c = chart(SERIES, "color: {legend: true}\nmarks:\n  - dot: {x: year, y: jobs, fill: city}");
    expect(c.spec.marks[0]!.options["symbol"]).toBe("city");
    expect(c.spec.options["symbol"]).toEqual({ legend: true });
    expect(c.chartMarkup).toMatch(/<path d="M[^"]*"[^>]*\/>[\s\S]*Beijing/);
  });
  it("lines coloured by category get their names at their ends, with room on the right", () => {
    const c = chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs, stroke: city}");
    expect(c.spec.marks.map((m) => m.mark)).toEqual(["lineY", "text"]);
    expect(c.spec.options["marginRight"]).toBeGreaterThanOrEqual(Math.ceil(labelWidth("Shanghai")));
    expect(c.chartMarkup).toMatch(/data-label="text"[\s\S]*>Beijing<\/text>[\s\S]*>Shanghai<\/text>/);
  });
  it("leaves the editor's own symbols, and single-series lines, alone", () => {
    expect(chart(SERIES, "marks:\n  - dot: {x: year, y: jobs, fill: city, symbol: circle}").spec.marks[0]!.options["symbol"]).toBe("circle");
    expect(chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs}").spec.marks).toHaveLength(1);
  });
});

describe("room for category labels", () => {
  it("widens the left margin for long labels, counting Chinese characters as full width", () => {
    const c = chart("job,pay\nAIGC产品经理与运营,90\n图像识别,100", "marks:\n  - barX: {y: job, x: pay}");
    expect(labelWidth("图像识别")).toBe(40);
    // 15 px for the tick and its gap, 14 for the axis's name written on its side at the margin's edge.
    expect(c.spec.options["marginLeft"]).toBe(Math.ceil(labelWidth("AIGC产品经理与运营") + 15 + 14));
  });
  it("leaves room for the axis's name beside the labels, so the longest one, in the middle of the axis, is drawn", () => {
    const penguins = "species,mass\nGentoo,5076\nChinstrap,3733\nAdelie,3701";
    // The figure holds the chart drawn at its width, then at 300 px for phones.
    const drawings = chart(penguins, "marks:\n  - barX: {x: mass, y: species, sort: {y: \"-x\"}}").html.split("plotline-narrow");
    expect(drawings).toHaveLength(2);
    for (const markup of drawings) {
      expect([...markup.matchAll(/>(Gentoo|Chinstrap|Adelie)<\/text>/g)].map((m) => m[1])).toEqual(["Gentoo", "Chinstrap", "Adelie"]);
      expect(markup).toMatch(/data-label="y-axis label"[\s\S]*>species<\/text>/);
    }
    const unnamed = chart("job,pay\nAIGC产品经理与运营,90", "y: {label: null}\nmarks:\n  - barX: {y: job, x: pay}");
    expect(unnamed.spec.options["marginLeft"]).toBe(Math.ceil(labelWidth("AIGC产品经理与运营") + 15));
  });
  it("keeps Plot's margin for short labels and the editor's margin always", () => {
    expect(chart("job,pay\nA,1", "marks:\n  - barX: {y: job, x: pay}").spec.options["marginLeft"]).toBeUndefined();
    expect(chart("job,pay\nAIGC产品经理与运营专家,90", "marginLeft: 60\nmarks:\n  - barX: {y: job, x: pay}").spec.options["marginLeft"]).toBe(60);
  });
});

describe("names at the ends of lines", () => {
  const REGIONS =
    "year,city,region,jobs\n2021,Beijing,North,10\n2022,Beijing,North,30\n2021,Tianjin,North,5\n2022,Tianjin,North,8\n" +
    "2021,Shanghai,East,12\n2022,Shanghai,East,20\n2021,Hangzhou,East,6\n2022,Hangzhou,East,15";
  const count = (markup: string, name: string) => markup.split(`>${name}</text>`).length - 1;
  /** The translate() of each drawn label and line end, in px of the whole SVG (summing the groups' translates). */
  const positions = (markup: string): Map<string, string> => {
    const found = new Map<string, string>();
    const offsets: [number, number][] = [[0, 0]];
    for (const tag of markup.matchAll(/<(\/?)(g|text|path)\b([^>]*?)(\/?)>([^<]*)/g)) {
      const [, closing, name, attributes, selfClosing, text] = tag as unknown as string[];
      if (closing) {
        if (name === "g") offsets.pop();
        continue;
      }
      const [ox, oy] = offsets.at(-1)!;
      const m = /transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(attributes!);
      const [x, y] = m ? [ox + Number(m[1]), oy + Number(m[2])] : [ox, oy];
      if (name === "g" && !selfClosing) offsets.push([x, y]);
      if (name === "text" && text) found.set(`label ${text}`, `${Math.round(x)},${Math.round(y)}`);
      const d = /\bd="M[^"]*L([-\d.]+),([-\d.]+)"/.exec(attributes!);
      const stroke = /stroke="([^"]+)"/.exec(attributes!);
      if (name === "path" && d && stroke) found.set(`line ${stroke[1]}`, `${Math.round(x + Number(d[1]))},${Math.round(y + Number(d[2]))}`);
    }
    return found;
  };

  it("with fx, names each line once, in its own panel, at that panel's last point", () => {
    const c = chart(REGIONS, "marks:\n  - lineY: {x: year, y: jobs, stroke: city, fx: region}");
    const label = c.spec.marks[1]!;
    expect(label.options["fx"]).toBe("region");
    for (const city of ["Beijing", "Tianjin", "Shanghai", "Hangzhou"]) expect(count(c.chartMarkup, city)).toBe(1);
    // Each name sits 6 px above its line's end (inside the panel: the next panel starts right of it).
    const at = positions(c.chartMarkup);
    const lineEnds = [...at].filter(([key]) => key.startsWith("line ")).map(([, xy]) => xy);
    const labels = ["Beijing", "Tianjin", "Shanghai", "Hangzhou"].map((city) => at.get(`label ${city}`)!.split(",").map(Number));
    expect(labels.map(([x, y]) => `${x},${y! + 6}`).sort()).toEqual(lineEnds.sort());
  });

  it("with fy or a top-level facet, names each line once too", () => {
    const rows = chart(REGIONS, "marks:\n  - lineY: {x: year, y: jobs, stroke: city, fy: region}");
    expect(rows.spec.marks[1]!.options["fy"]).toBe("region");
    expect(count(rows.chartMarkup, "Beijing")).toBe(1);
    const facet = chart(REGIONS, "facet: {data: d, x: region}\nmarks:\n  - lineY: {x: year, y: jobs, stroke: city}");
    for (const city of ["Beijing", "Shanghai"]) expect(count(facet.chartMarkup, city)).toBe(1);
  });

  it("names a filtered line at the last point it draws", () => {
    // A dot on all the rows keeps the line's filter a filter of the mark (not of the data).
    const c = chart(SERIES + "\n2023,Beijing,9\n2023,Shanghai,9", 'marks:\n  - lineY: {x: year, y: jobs, stroke: city, filter: "year < date(\'2023-01-01\')"}\n  - dot: {x: year, y: jobs}');
    const [line, label] = [c.spec.marks[0]!, c.spec.marks.find((m) => m.mark === "text")!];
    expect(label.options["filter"]).toBe(line.options["filter"]);
    const at = positions(c.chartMarkup);
    const ends = [...at].filter(([key]) => key.startsWith("line ")).map(([, xy]) => Number(xy.split(",")[0]));
    const labelXs = ["Beijing", "Shanghai"].map((city) => Number(at.get(`label ${city}`)!.split(",")[0]) - 4);
    expect(labelXs).toEqual(ends);
  });

  it("adds no names where the editor writes at the ends already", () => {
    const own = chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs, stroke: city}\n  - text: {x: year, y: jobs, z: city, text: city, selectLast: true}");
    expect(own.spec.marks.map((m) => m.mark)).toEqual(["lineY", "text"]);
    expect(count(own.chartMarkup, "Beijing")).toBe(1);
    const values = chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs, stroke: city}\n  - text: {x: year, y: jobs, text: jobs, dy: -8}");
    expect(values.spec.marks.map((m) => m.mark)).toEqual(["lineY", "text"]);
  });
});

describe("names at the ends of lines with missing values", () => {
  it("names a series whose last value is missing at its last value, where its line stops", () => {
    const c = chart(SERIES + "\n2023,Beijing,4\n2023,Shanghai,", "marks:\n  - lineY: {x: year, y: jobs, stroke: city}");
    expect(c.chartMarkup).toMatch(/>Shanghai<\/text>/);
    expect(c.chartMarkup).toMatch(/>Beijing<\/text>/);
  });
  it("sends no filter of its own when every series ends in a value", () => {
    const c = chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs, stroke: city}");
    expect(c.spec.marks[1]!.options["filter"]).toBeUndefined();
  });
});

describe("names at the ends of faceted lines with missing values", () => {
  it("names a series in each panel where its line stops there", () => {
    // Beijing's last row in the table has a value; its last in the East panel has none.
    const rows = "year,city,region,jobs\n2021,Beijing,East,1\n2022,Beijing,East,\n2021,Shanghai,East,3\n2022,Shanghai,East,4\n2021,Beijing,North,1\n2022,Beijing,North,2\n2021,Shanghai,North,2\n2022,Shanghai,North,3";
    for (const facet of ["", "facet: {data: d, x: region}\n"]) {
      const c = chart(rows, `${facet}marks:\n  - lineY: {x: year, y: jobs, stroke: city${facet ? "" : ", fx: region"}}`);
      expect(c.chartMarkup.split(">Beijing</text>").length - 1).toBe(2);
    }
  });
});
