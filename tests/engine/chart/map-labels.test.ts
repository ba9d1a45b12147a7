/**
 * Labels at the centres of shapes (text marks with centroid: true) never overlap on a phone: the label
 * collision step (render/label-collisions.ts) moves or leaves out those that would, on the 300 px
 * drawing of the US states with their postal codes.
 */
import { describe, expect, it } from "vitest";
import { plotBlock } from "./helpers.ts";
import { drawnAt, overlaps } from "./map-helpers.ts";

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
