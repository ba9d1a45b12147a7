import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureChromium } from "../../scripts/chromium.ts";
import { testRunDirVariable } from "./temp-project.ts";

/**
 * Before any test runs: Debian's Chromium for the browser tests, installed once (see scripts/chromium.ts);
 * and a folder for this run only (its path in PLOTLINE_TEST_RUN_DIR, which the test processes inherit)
 * holding what test files share: the sites built once (shared-site.ts) and the compile cache of the CLI
 * processes (temp-project.ts). It is deleted when the run ends.
 */
export default function setup(): () => void {
  ensureChromium();
  const runDir = mkdtempSync(join(tmpdir(), "plotline-test-run-"));
  process.env[testRunDirVariable] = runDir;
  return () => rmSync(runDir, { recursive: true, force: true });
}
