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
