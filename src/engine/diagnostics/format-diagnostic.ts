import { codeFrameColumns } from "@babel/code-frame";
import type { Diagnostic } from "./diagnostic.ts";
import { escapeControlChars, showControlChars } from "./terminal-text.ts";

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
  const lines = [formatDiagnosticLine(d)];
  if (options.source !== undefined) lines.push(codeFrame(d, options.source, options.color).replace(/^/gm, "  "));
  // A hint's own line breaks are kept (some show an example below their first line).
  const hint = d.hint.split("\n").map(escapeControlChars).join("\n        ");
  lines.push(`  hint: ${hint}`);
  return lines.join("\n");
}

/**
 * The lines around a diagnostic's position with a marker under it (@babel/code-frame), as the terminal
 * and the dev overlay show them.
 */
export function codeFrame(d: Diagnostic, source: string, color = false): string {
  const { start, end } = d.span;
  const sameLine = end.line === start.line && end.column > start.column;
  // Control characters are shown one for one (columns stay), so only the frame's lines need it.
  const framed = clipped(source, start, sameLine ? end : undefined);
  return codeFrameColumns(showControlChars(framed.source), { start: framed.start, end: framed.end }, { highlightCode: color, linesAbove: LINES_ABOVE, linesBelow: LINES_BELOW });
}

/** Frame lines longer than this are cut to a window of it around the problem's column. */
const FRAME_WIDTH = 120;
const LINES_ABOVE = 2;
const LINES_BELOW = 1;

type Position = { line: number; column: number };

/**
 * The source a code frame is drawn from: the frame's lines alone, cut to FRAME_WIDTH around the column
 * when one of them is longer (a value of 320,000 spaces would otherwise print as a line of 320,000
 * characters). Lines before the frame are left empty and lines after it out (neither is shown), so
 * line numbers stay, and a build printing hundreds of warnings does not go through whole stories.
 */
function clipped(source: string, start: Position, end: Position | undefined): { source: string; start: Position; end: Position | undefined } {
  const first = Math.max(1, start.line - LINES_ABOVE);
  const last = start.line + LINES_BELOW;
  // Only the frame's lines are looked at: never split a large file into all its lines.
  const lines: string[] = [];
  let offset = 0;
  for (let line = 1; line <= last && offset <= source.length; line++) {
    const next = source.indexOf("\n", offset);
    const stop = next < 0 ? source.length : next;
    lines.push(line >= first ? source.slice(offset, stop) : "");
    if (next < 0) break;
    offset = next + 1;
  }
  if (!lines.some((text) => text.length > FRAME_WIDTH)) return { source: lines.join("\n"), start, end };
  const from = Math.max(0, start.column - 1 - FRAME_WIDTH / 3);
  const lead = from > 0 ? "…" : "";
  const cut = lines.map((text, i) => {
    if (i + 1 < first) return "";
    const kept = text.slice(from, from + FRAME_WIDTH);
    return `${lead}${kept}${text.length > from + FRAME_WIDTH ? "…" : ""}`;
  });
  const shift = (at: Position): Position => ({ line: at.line, column: Math.max(1, Math.min(at.column - from, FRAME_WIDTH + 1) + lead.length) });
  return { source: cut.join("\n"), start: shift(start), end: end && shift(end) };
}

/** One line per diagnostic, for logs and summaries: always one line, whatever a file's name holds. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${escapeControlChars(d.span.file)}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code} ${escapeControlChars(d.message)}`;
}
