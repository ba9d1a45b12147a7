/**
 * The yardstick (issue 12 §5): Observable Plot's own snapshot tests restated as Plotline stories, each
 * compared with Plot's golden SVG by the shapes drawn in each mark group (tests/support/yardstick.ts).
 * The last measured result is tests/yardstick/expected.json, written only with PLOTLINE_UPDATE_YARDSTICK=1
 * (here or by `node scripts/yardstick.ts`). This test fails when a case that matched stops matching, when
 * the share of matching cases drops below the recorded one, when fewer than 90% of the cases that wait
 * for no feature match, or when the cases on disk are not the ones recorded.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AIM, type CaseResult, type ExpectedFile, caseNames, expectedPath, plotVersion, runCase, summarise } from "../support/yardstick.ts";

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

  it("keeps its share of matching cases", () => {
    const summary = summarise(
      names.map((name) => results.get(name) ?? runCase(name)),
      plotVersion(),
    );
    if (update) {
      writeFileSync(expectedPath, `${JSON.stringify(summary, null, 2)}\n`);
      console.log(`wrote ${expectedPath}: ${summary.share} of all cases, ${summary.readyShare} of those waiting for no feature`);
      return;
    }
    expect(summary.share).toBeGreaterThanOrEqual(expected!.share);
    expect(summary.readyShare).toBeGreaterThanOrEqual(expected!.readyShare);
    expect(summary.readyShare).toBeGreaterThanOrEqual(AIM);
  });
});
