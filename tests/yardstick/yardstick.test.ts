/**
 * The yardstick (issue 12 §5): Observable Plot's own snapshot tests restated as Plotline stories, each
 * compared with Plot's golden SVG by the shapes drawn in each mark group (tests/support/yardstick.ts).
 * The last measured result is tests/yardstick/expected.json, written only with PLOTLINE_UPDATE_YARDSTICK=1
 * (here or by `node scripts/yardstick.ts`). This test fails when a case that matched stops matching, when
 * the share of matching cases drops below the recorded one, when fewer than 90% of the cases that wait
 * for no feature match, when the cases on disk are not the ones recorded, or when the README's figures
 * (between its yardstick markers, written with expected.json) are not the recorded ones.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AIM,
  type CaseResult,
  type ExpectedFile,
  caseNames,
  expectedPath,
  plotVersion,
  readmeFigures,
  readmePath,
  readmeWithFigures,
  runCase,
  summarise,
} from "../support/yardstick.ts";

const update = process.env["PLOTLINE_UPDATE_YARDSTICK"] === "1";
const names = caseNames();
const expected: ExpectedFile | undefined = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, "utf8")) as ExpectedFile) : undefined;
const results = new Map<string, CaseResult>();

describe("yardstick: Observable Plot's snapshot tests", () => {
  it("has a recorded result for exactly the cases on disk, at the Plot version shipped", () => {
    if (update) return;
    expect(expected, "tests/yardstick/expected.json is missing: run with PLOTLINE_UPDATE_YARDSTICK=1").toBeDefined();
    expect(Object.keys(expected!.cases).sort()).toEqual(names);
    expect(expected!.plotVersion).toBe(plotVersion());
  });

  it.each(names)("%s draws as it did", (name) => {
    const result = runCase(name);
    results.set(name, result);
    const recorded = expected?.cases[name];
    if (update || !recorded) return;
    if (recorded.matches) expect(result.matches, `${name}: ${result.reason ?? ""}`).toBe(true);
    else if (result.matches) console.log(`yardstick: ${name} now matches Plot; regenerate expected.json with PLOTLINE_UPDATE_YARDSTICK=1`);
  });

  it("gives the recorded figures in the README", () => {
    if (update) return;
    const readme = readFileSync(readmePath, "utf8");
    expect(readmeWithFigures(readme, readmeFigures(expected!)), "README.md's yardstick figures are not the recorded ones").toBe(readme);
  });

  it("keeps its share of matching cases", () => {
    const summary = summarise(
      names.map((name) => results.get(name) ?? runCase(name)),
      plotVersion(),
    );
    if (update) {
      writeFileSync(expectedPath, `${JSON.stringify(summary, null, 2)}\n`);
      const readme = readmeWithFigures(readFileSync(readmePath, "utf8"), readmeFigures(summary));
      if (readme !== undefined) writeFileSync(readmePath, readme);
      console.log(`wrote ${expectedPath} and the README's figures: ${summary.share} of all cases, ${summary.readyShare} of those waiting for no feature`);
      return;
    }
    expect(summary.share).toBeGreaterThanOrEqual(expected!.share);
    expect(summary.readyShare).toBeGreaterThanOrEqual(expected!.readyShare);
    expect(summary.readyShare).toBeGreaterThanOrEqual(AIM);
  });
});
