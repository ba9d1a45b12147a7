import { codeFrameColumns } from "@babel/code-frame";
import { showControlCharacters } from "../story/control-characters.ts";
import type { Diagnostic } from "./diagnostic.ts";

export interface FormatOptions {
  /** The text of the file the diagnostic points into, for the code frame. */
  source?: string;
  color?: boolean;
}

/**
 * The form editors read in a terminal:
 *   content/stories/x.md:42:3 error plot/unknown-column Column "salery" is not in data "pay". Did you mean "salary"?
 * followed by a code frame and the hint.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const { file, start, end } = d.span;
  const lines = [`${file}:${start.line}:${start.column} ${d.severity} ${d.code} ${d.message}`];
  if (options.source !== undefined) {
    const sameLine = end.line === start.line && end.column > start.column;
    const frame = codeFrameColumns(
      showControlCharacters(options.source),
      { start, end: sameLine ? end : undefined },
      { highlightCode: options.color ?? false, linesAbove: 2, linesBelow: 1 },
    );
    lines.push(frame.replace(/^/gm, "  "));
  }
  lines.push(`  hint: ${d.hint.replace(/\n/g, "\n        ")}`);
  return lines.join("\n");
}

/** One line per diagnostic, for logs and summaries. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code} ${d.message}`;
}
