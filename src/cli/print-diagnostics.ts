import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../engine/diagnostics/format-diagnostic.ts";
import { readProjectSourceText } from "../engine/project/read-story-file.ts";
import { normalizeSource } from "../engine/story/normalize-source.ts";

/** Prints diagnostics with code frames read from the project's files (never from outside it); returns the counts. */
export function printDiagnostics(root: string, diagnostics: readonly Diagnostic[], write: (text: string) => void): { errors: number; warnings: number } {
  const sources = new Map<string, string | undefined>();
  const color = Boolean(process.stderr.isTTY) && !process.env["NO_COLOR"];
  for (const d of diagnostics) {
    if (!sources.has(d.span.file)) {
      const text = readProjectSourceText(root, d.span.file);
      // No code frame from an empty text: a story too large to read gives one too (read-story-file.ts).
      sources.set(d.span.file, text === undefined || text === "" ? undefined : normalizeSource(text));
    }
    const source = sources.get(d.span.file);
    write(`${formatDiagnostic(d, source === undefined ? { color } : { source, color })}\n\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}

/** "1 story", "2 stories": the word with an "s", or the plural given. */
export const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
