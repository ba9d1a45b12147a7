/**
 * Labels at the centres of shapes (text marks with centroid: true) never overlap on a phone: the label
 * collision step (render/label-collisions.ts) moves or leaves out those that would, on the 300 px
 * drawing of the US states with their postal codes.
 */
import { describe, expect, it } from "vitest";
import { plotBlock } from "./helpers.ts";
import { drawnAt, overlaps } from "./map-helpers.ts";
import { pathBox } from "../../support/path-points.ts";

const STATES = "```data id=states basemap=us/states\n```\n\n";
const map = (extra = "") => STATES + plotBlock("id=m", `alt: A.\n${extra}marks:\n  - geo: {data: states, stroke: white}\n  - text: {data: states, centroid: true, text: postal}`);
const chartSvg = (root: Element) => (root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg[role='img']")!);

describe("state labels at 300 px", () => {
  it("keep most of the states' postal codes and none of them on another", () => {
    const svg = chartSvg(drawnAt(map(), 300));
    expect(svg.querySelectorAll("text").length).toBeGreaterThan(30);
    expect(overlaps(svg)).toEqual([]);
  });

  it("would overlap without Plotline's label collisions (what the test above would catch)", () => {
    const svg = chartSvg(drawnAt(map("plotline: {labelCollisions: false}\n"), 300));
    expect(overlaps(svg).length).toBeGreaterThan(0);
  });
});

describe("a label at a shape's centre names that shape", () => {
  it("is never moved onto a neighbour at 300 px: every postal code kept stands within its own state's outline box", () => {
    const svg = chartSvg(drawnAt(map(), 300));
    const postal = readBasemapPostal();
    const paths = [...svg.querySelectorAll("g[data-label='geo'] path")];
    const misplaced: string[] = [];
    for (const text of svg.querySelectorAll("g[data-label='text'] text")) {
      const code = text.textContent ?? "";
      const box = pathBox(paths[postal.indexOf(code)]?.getAttribute("d") ?? "");
      // Plot's translate, after any nudge of label collisions' own: their sum is where the label stands.
      const [x, y] = [...(text.getAttribute("transform") ?? "").matchAll(/translate\((-?[\d.]+),(-?[\d.]+)\)/g)].reduce(([sx, sy], m) => [sx + Number(m[1]), sy + Number(m[2])], [0, 0]);
      if (!(x! >= box.left && x! <= box.right && y! >= box.top - 2 && y! <= box.bottom + 2)) misplaced.push(code);
    }
    expect(misplaced).toEqual([]);
  });
});

import { readBasemap } from "../../../src/engine/geo/basemaps.ts";
/** The base map's postal codes in row order (the geo mark draws a path per row, in order). */
const readBasemapPostal = (): string[] => readBasemap("us/states")!.rows.map((row) => String(row[1] ?? ""));
