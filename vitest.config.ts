import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A JSON report lets .ci/run print one "N passed, N failed" line for the whole run.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    testTimeout: 30_000,
    globalSetup: ["tests/support/global-setup.ts"],
    // Two files at a time even on 2 cores (Vitest's default is cores − 1): most files leave a core idle
    // while they wait for a build, a CLI process or Chromium, and the other file uses it. Files that
    // share a site still build it once (tests/support/shared-site.ts).
    maxWorkers: 2,
    // What a browser test waits for (a chart drawn again, a scrolly step shown) can take over Vitest's
    // default 1 s on a busy machine; a poll still fails if the state never comes.
    expect: { poll: { timeout: 5_000 } },
  },
});
