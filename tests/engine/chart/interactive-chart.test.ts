import { describe, expect, it } from "vitest";
import { payChart } from "./helpers.ts";

/** Whether the story's only figure is marked to be drawn again in the browser. */
const interactive = (yaml: string) => /class="plotline-chart"[^>]*data-interactive/.test(payChart(yaml).charts[0]!.html);

describe("which charts the browser draws again", () => {
  it("a chart with tips, a tip mark, a crosshair or a pointer transform is marked interactive", () => {
    expect(interactive("marks:\n  - barX: {x: salary, y: name, tip: true}")).toBe(true);
    expect(interactive("marks:\n  - barX: {x: salary, y: name}\n  - tip: {x: salary, y: name, pointer: true}")).toBe(true);
    expect(interactive("marks:\n  - dot: {x: salary, y: name}\n  - crosshair: {x: salary, y: name}")).toBe(true);
    expect(interactive("marks:\n  - dot: {x: salary, y: name}\n  - ruleX: {x: salary, pointerX: true}")).toBe(true);
  });

  it("a chart that answers no pointer is not: it stays as the build drew it and never fetches its data", () => {
    expect(interactive("marks:\n  - barX: {x: salary, y: name}")).toBe(false);
  });
});
