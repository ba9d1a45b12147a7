import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { vocabularyJson, vocabularyPath } from "../../scripts/generate-plot-vocabulary.ts";

it("the committed Plot vocabulary matches the installed Plot (run scripts/generate-plot-vocabulary.ts after an upgrade)", () => {
  expect(readFileSync(vocabularyPath, "utf8")).toBe(vocabularyJson);
});

it("the vocabulary knows Plot's common marks and their options", () => {
  const vocabulary = JSON.parse(vocabularyJson) as { marks: Record<string, { options: string[] }>; plotOptions: string[] };
  for (const mark of ["barX", "barY", "lineY", "areaY", "dot", "text", "ruleX", "ruleY", "tickX", "cell", "rect", "frame", "waffleY"]) {
    expect(vocabulary.marks[mark], mark).toBeDefined();
  }
  expect(vocabulary.marks["barX"]!.options).toEqual(expect.arrayContaining(["x", "y", "fill", "sort", "tip", "insetLeft"]));
  expect(vocabulary.plotOptions).toEqual(expect.arrayContaining(["x", "y", "color", "height", "marginLeft", "grid"]));
});

it("the marks spec-to-plot calls without data are exactly those Plot declares without a data argument", async () => {
  const { marksWithoutDataArgument } = await import("../../src/engine/chart/spec/plot-calls.ts");
  const vocabulary = JSON.parse(vocabularyJson) as { marks: Record<string, { takesData: boolean }> };
  const withoutData = Object.entries(vocabulary.marks).filter(([, m]) => !m.takesData).map(([name]) => name).sort();
  expect([...marksWithoutDataArgument].sort()).toEqual(withoutData);
});
