import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";
import { compileProjectInWorkers } from "../engine/project/compile-in-workers.ts";
import { plural, printDiagnostics } from "./print-diagnostics.ts";
import { projectOptions, readSiteConfig } from "./site-config.ts";

export interface CheckOptions {
  /** "text" (default): for people, with code frames. "json": for editors' tools. */
  format?: "text" | "json";
}

/** A diagnostic as `plotline check --format json` writes it: flat, with 1-based positions. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic["severity"];
  code: string;
  title: string;
  message: string;
  hint: string;
  docs: string;
}

export const toJsonDiagnostic = (d: Diagnostic): JsonDiagnostic => ({
  file: d.span.file,
  line: d.span.start.line,
  column: d.span.start.column,
  endLine: d.span.end.line,
  endColumn: d.span.end.column,
  severity: d.severity,
  code: d.code,
  title: d.title,
  message: d.message,
  hint: d.hint,
  docs: d.docs,
});

/**
 * `plotline check`: finds every problem in every story and data file by compiling the project exactly
 * as `plotline build` does (every row, every width, every PNG and social card), without writing the
 * site; so a project that passes check builds. What it compiles and draws goes into .plotline/cache,
 * where the next build finds it. Exit code 1 when there are errors, 0 with warnings only.
 */
export async function checkCommand(root: string, options: CheckOptions = {}): Promise<number> {
  const project = await compileProjectInWorkers(root, projectOptions(await readSiteConfig(root)));
  const errors = project.diagnostics.filter((d) => d.severity === "error").length;
  if (options.format === "json") {
    const report = {
      stories: project.stories.length,
      errors,
      warnings: project.diagnostics.length - errors,
      diagnostics: project.diagnostics.map(toJsonDiagnostic),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return errors > 0 ? 1 : 0;
  }
  const counts = printDiagnostics(root, project.diagnostics, (text) => process.stdout.write(text));
  if (counts.errors || counts.warnings) {
    process.stdout.write(`${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}.\n`);
  }
  return counts.errors > 0 ? 1 : 0;
}
