/**
 * Prints one line "N passed, N failed" from vitest's JSON report, for CI.
 * A missing or unreadable report counts as one failure: the run did not complete.
 */
import { existsSync, readFileSync } from "node:fs";

const path = process.argv[2] ?? "test-results/vitest.json";
if (!existsSync(path)) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status: string; message?: string; name: string }[];
};
// A test file that fails to load has no test results but a failed status: count it as a failure.
const brokenFiles = (report.testResults ?? []).filter((r) => r.status === "failed" && r.message).length;
const failed = report.numFailedTests + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
