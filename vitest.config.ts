import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A JSON report lets .ci/run print one "N passed, N failed" line for the whole run.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    testTimeout: 30_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
