import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";
import { plural } from "./print-diagnostics.ts";

/**
 * The last line of a build that found errors: how many, in how many of the stories (or files, when one
 * of them is not a story, such as a page under public/), then the warnings, which the stories without
 * errors have too: "Build failed: 3 errors in 2 of 40 stories, and 12 warnings. dist/ was left as it was."
 */
export function failedBuildSummary(diagnostics: readonly Diagnostic[], storyPaths: readonly string[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.length - errors.length;
  const files = new Set(errors.map((d) => d.span.file));
  const stories = new Set(storyPaths);
  const where = [...files].every((file) => stories.has(file)) ? `${files.size} of ${plural(stories.size, "story", "stories")}` : plural(files.size, "file");
  return `Build failed: ${plural(errors.length, "error")} in ${where}${warnings > 0 ? `, and ${plural(warnings, "warning")}` : ""}. dist/ was left as it was.`;
}
