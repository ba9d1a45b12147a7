/**
 * Plotline's automatic additions (src/engine/chart/defaults/additions.ts): each switched off by its name
 * in a chart (`plotline:`) or in the house style (compileStory's `additions`, from plotline.config.mjs),
 * the chart's own switch winning.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { additionKeys, type AdditionSwitches } from "../../../src/engine/chart/spec/addition-switches.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { repoRoot } from "../../support/temp-project.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const SERIES = "year,city,jobs\n2021,Beijing,1000000\n2022,Beijing,2000000\n2021,Shanghai,2000000\n2022,Shanghai,3000000";
const compile = (yaml: string, additions?: AdditionSwitches) =>
  compileStory(
    { path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=d\n${SERIES}\n\`\`\`\n\n\`\`\`plot data=d id=c\nalt: A.\n${yaml}\n\`\`\`\n` },
    { dataFiles: noFiles, ...(additions ? { additions } : {}) },
  );
const chart = (yaml: string, additions?: AdditionSwitches) => compile(yaml, additions).charts[0]!;
const LINES = "marks:\n  - lineY: {x: year, y: jobs, stroke: city}";
const DOTS = "marks:\n  - dot: {x: year, y: jobs, fill: city}";
const hasEndLabels = (c: ReturnType<typeof chart>) => c.spec.marks.some((m) => m.mark === "text");

describe("switching Plotline's additions in a chart", () => {
  it("adds end labels, shapes, colours and compact ticks when nothing is switched", () => {
    expect(hasEndLabels(chart(LINES))).toBe(true);
    const dots = chart(DOTS);
    expect(dots.spec.marks[0]!.options["symbol"]).toBe("city");
    expect(dots.spec.options["color"]).toHaveProperty("range");
    expect(dots.spec.options["y"]).toEqual({ tickFormat: "compact" });
  });

  it("plotline: {endLabels: false} leaves out the end labels and only them", () => {
    const c = chart(`plotline: {endLabels: false}\n${LINES}`);
    expect(hasEndLabels(c)).toBe(false);
    expect(c.spec.options["marginRight"]).toBeUndefined();
    expect(c.spec.options["y"]).toEqual({ tickFormat: "compact" });
  });

  it("plotline: false leaves out every addition", () => {
    const dots = chart(`plotline: false\n${DOTS}`);
    expect(dots.spec.marks[0]!.options["symbol"]).toBeUndefined();
    expect(dots.spec.options["color"]).toBeUndefined();
    expect(dots.spec.options["y"]).toBeUndefined();
    expect(hasEndLabels(chart(`plotline: false\n${LINES}`))).toBe(false);
  });

  it("keeps the plotline key out of what Plot and the browser get", () => {
    const c = chart(`plotline: {compactTicks: false}\n${LINES}`);
    expect(JSON.stringify(c.spec)).not.toContain('"plotline"');
    expect(JSON.stringify(c)).not.toContain("compactTicks");
  });

  it("says where a misspelt addition is, and suggests the right name", () => {
    const { diagnostics } = compile(`plotline: {endLables: false}\n${LINES}`);
    const problem = diagnostics.find((d) => d.code === "plot/unknown-option")!;
    expect(problem.message).toContain('Did you mean "endLabels"?');
    expect(problem.span?.start).toEqual({ line: 17, column: 12 });
  });

  it("names every addition when a name is nothing like one, and wants true or false for each", () => {
    const unknown = compile(`plotline: {labels: false}\n${LINES}`).diagnostics.find((d) => d.code === "plot/unknown-option")!;
    expect(unknown.message).toContain(additionKeys.join(", "));
    const notBoolean = compile(`plotline: {endLabels: off}\n${LINES}`).diagnostics.find((d) => d.code === "plot/invalid-value")!;
    expect(notBoolean.message).toContain('"plotline.endLabels" expects true or false');
    expect(compile(`plotline: [endLabels]\n${LINES}`).diagnostics.map((d) => d.code)).toContain("plot/invalid-value");
  });

  it("suggests plotline for a misspelt plotline key", () => {
    const problem = compile(`plotlin: false\n${LINES}`).diagnostics.find((d) => d.code === "plot/unknown-option")!;
    expect(problem.message).toContain('Did you mean "plotline"?');
  });
});

describe("the house style", () => {
  it("switches additions off for every chart", () => {
    expect(hasEndLabels(chart(LINES, { endLabels: false }))).toBe(false);
    expect(chart(DOTS, { symbols: false, compactTicks: false }).spec.marks[0]!.options["symbol"]).toBeUndefined();
  });

  it("gives way to a chart's own switch, either way", () => {
    expect(hasEndLabels(chart(`plotline: {endLabels: true}\n${LINES}`, { endLabels: false }))).toBe(true);
    expect(hasEndLabels(chart(`plotline: true\n${LINES}`, { endLabels: false, compactTicks: false }))).toBe(true);
    expect(hasEndLabels(chart(`plotline: {endLabels: false}\n${LINES}`, { endLabels: true }))).toBe(false);
  });
});

describe("switching off the additions made while drawing", () => {
  const districts = Array.from({ length: 60 }, (_, i) => `District ${String(i + 1).padStart(2, "0")}`);
  const crowded = (switches: string) =>
    compileStory(
      {
        path: "content/stories/t.md",
        text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=d\ndistrict,people\n${districts.map((d, i) => `${d},${i + 1}`).join("\n")}\n\`\`\`\n\n\`\`\`plot data=d id=c\nalt: A.\n${switches}marks:\n  - barY: {x: district, y: people}\n\`\`\`\n`,
      },
      { dataFiles: noFiles },
    ).charts[0]!;
  const labelsDrawn = (markup: string) => districts.filter((d) => markup.includes(`>${d}<`)).length;

  it("thins 60 category labels to those that fit, and draws all 60 with plotline: {tickThinning: false}, in the browser's redraw too", () => {
    const thinned = crowded("");
    expect(labelsDrawn(thinned.chartMarkup)).toBeGreaterThan(1);
    expect(labelsDrawn(thinned.chartMarkup)).toBeLessThan(60);
    expect(thinned.spec.drawnAdditionsOff).toBeUndefined();
    const all = crowded("plotline: {tickThinning: false}\n");
    expect(labelsDrawn(all.chartMarkup)).toBe(60);
    // The browser draws again from the payload's spec: the switch travels with it.
    expect(all.spec.drawnAdditionsOff).toEqual(["tickThinning"]);
    expect(all.html).toContain('"drawnAdditionsOff":["tickThinning"]');
  });
});

describe("the docs list every addition", () => {
  const doc = readFileSync(join(repoRoot, "docs/authoring.md"), "utf8");
  const section = doc.slice(doc.indexOf("### What Plotline adds"), doc.indexOf("### Embedding a chart"));
  const config = readFileSync(join(repoRoot, "plotline.config.mjs"), "utf8");
  it.each(additionKeys)("%s: in the table and the list of 'What Plotline adds', and in plotline.config.mjs", (key) => {
    expect(section).toMatch(new RegExp(`^\\| \`${key}\` \\|`, "m"));
    expect(section).toContain(`(\`${key}\`)`);
    expect(config).toMatch(new RegExp(`additions[\\s\\S]*\\b${key}\\b`));
  });
});
