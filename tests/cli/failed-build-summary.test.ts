import { describe, expect, it } from "vitest";
import { failedBuildSummary } from "../../src/cli/failed-build-summary.ts";
import type { Diagnostic } from "../../src/engine/diagnostics/diagnostic.ts";

const at = (file: string, severity: Diagnostic["severity"]): Diagnostic => ({
  code: severity === "error" ? "plot/unknown-column" : "data/unused-column",
  severity,
  title: "",
  message: "",
  hint: "",
  docs: "",
  span: { file, start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
});
const stories = ["content/stories/a.md", "content/stories/b.md", "content/stories/c.md", "content/stories/d.md"];

describe("the last line of a build that found errors", () => {
  it("counts the stories that have errors, out of all, and then the warnings of every story", () => {
    const diagnostics = [at(stories[0]!, "error"), at(stories[0]!, "error"), at(stories[2]!, "error"), at(stories[1]!, "warning"), at(stories[3]!, "warning")];
    expect(failedBuildSummary(diagnostics, stories)).toBe("Build failed: 3 errors in 2 of 4 stories, and 2 warnings. dist/ was left as it was.");
  });

  it("says one error in one story in the singular, with no warnings to mention", () => {
    expect(failedBuildSummary([at(stories[1]!, "error")], stories)).toBe("Build failed: 1 error in 1 of 4 stories. dist/ was left as it was.");
  });

  it("counts files instead when an error is in a file that is not a story (a page under public/)", () => {
    const diagnostics = [at(stories[0]!, "error"), at("public/about.html", "error"), at(stories[3]!, "warning")];
    expect(failedBuildSummary(diagnostics, stories)).toBe("Build failed: 2 errors in 2 files, and 1 warning. dist/ was left as it was.");
  });
});
