/**
 * The yardstick (issue 12 §5): restatements of Observable Plot's own snapshot tests, compared with Plot's
 * golden SVGs by the shapes drawn in each mark group (see tests/support/yardstick.ts). Prints one line
 * per case — case, families, marks, matching, the story's warnings, reason — and the overall figure.
 *   node scripts/yardstick.ts                               print the table
 *   PLOTLINE_UPDATE_YARDSTICK=1 node scripts/yardstick.ts   also write tests/yardstick/expected.json and the README's figures
 */
import { readFileSync, writeFileSync } from "node:fs";
import { caseNames, expectedPath, plotVersion, readmeFigures, readmePath, readmeWithFigures, runCase, summarise } from "../tests/support/yardstick.ts";

const results = caseNames().map(runCase);
const rows = results.map((r) => [
  r.name,
  r.info.families.join(", "),
  [...new Set(r.plot.map((g) => g.label))].join(", "),
  r.matches ? "yes" : "no",
  r.warnings.join(", "),
  r.reason ?? "",
]);
const header = ["case", "families", "marks", "matching", "warnings", "reason"];
const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
const summary = summarise(results, plotVersion());
const matching = results.filter((r) => r.matches).length;
const ready = results.filter((r) => !r.info.needs);
console.log(
  `\n${matching} of ${results.length} cases (${(summary.share * 100).toFixed(1)}%) draw as many shapes in every mark group as Plot ${summary.plotVersion}'s golden SVGs;` +
    ` ${ready.filter((r) => r.matches).length} of the ${ready.length} that wait for no feature (${(summary.readyShare * 100).toFixed(1)}%).`,
);
if (process.env["PLOTLINE_UPDATE_YARDSTICK"] === "1") {
  writeFileSync(expectedPath, `${JSON.stringify(summary, null, 2)}\n`);
  const readme = readmeWithFigures(readFileSync(readmePath, "utf8"), readmeFigures(summary));
  if (readme !== undefined) writeFileSync(readmePath, readme);
  console.log(`wrote ${expectedPath} and the README's figures`);
}
