import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { columnTypes, dateFormatProblem, type TypeChoice } from "./infer-column-types.ts";

/** A column's type given with types=, and where its name is written. */
export interface TypeSpec {
  column: string;
  choice: TypeChoice;
  span: SourceSpan;
}

/** Reads types="year:date, month:date(%b-%Y)" of a data block: a type, and maybe a date format, for each column named. */
export function readTypes(block: StoryBlock, report: (d: Diagnostic) => void): TypeSpec[] {
  const attribute = block.attributes.get("types");
  if (!attribute) return [];
  if (attribute.value === true) {
    report(diagnostic("data/types-syntax", { detail: 'it has no value; write for example types="year:date"' }, block.attributeSpan("types")));
    return [];
  }
  const valueSpan = block.attributeSpan("types", "value");
  // The info string is one line, so positions inside the value are a column offset from its start.
  const at = (start: number, end: number): SourceSpan => ({
    file: valueSpan.file,
    start: { line: valueSpan.start.line, column: valueSpan.start.column + start },
    end: { line: valueSpan.start.line, column: valueSpan.start.column + end },
  });
  const specs: TypeSpec[] = [];
  for (const { text: part, start: partStart } of splitTypes(attribute.value)) {
    const entry = part.trim();
    if (entry === "") continue;
    const entryStart = partStart + part.indexOf(entry);
    // `month:date(%b-%Y)`: a type with a format in parentheses (which may hold ":" and ",").
    const withFormat = /:\s*([A-Za-z]+)\s*\(/.exec(part);
    const hasFormat = withFormat !== null && part.trimEnd().endsWith(")");
    const colon = hasFormat ? withFormat.index : part.lastIndexOf(":");
    if (colon < 0) {
      report(diagnostic("data/types-syntax", { detail: `"${entry}" has no ":" between a column name and its type` }, at(entryStart, entryStart + entry.length)));
      continue;
    }
    const column = part.slice(0, colon).trim();
    const typeText = hasFormat ? withFormat[1]! : part.slice(colon + 1).trim();
    if (column === "") {
      report(diagnostic("data/types-syntax", { detail: `"${entry}" has no column name before the ":"` }, at(entryStart, entryStart + entry.length)));
      continue;
    }
    const typeStart = partStart + colon + 1 + (part.slice(colon + 1).length - part.slice(colon + 1).trimStart().length);
    const type = columnTypes.find((t) => t === typeText.toLowerCase());
    if (!type) {
      report(diagnostic("data/unknown-type", { column, type: typeText }, at(typeStart, typeStart + typeText.length)));
      continue;
    }
    let format: string | undefined;
    if (hasFormat) {
      const open = partStart + withFormat.index + withFormat[0].length;
      const close = partStart + part.trimEnd().length - 1;
      format = attribute.value.slice(open, close);
      if (type !== "date") {
        report(diagnostic("data/types-syntax", { detail: `only the type date takes a format in parentheses, not ${type}` }, at(typeStart, close + 1)));
        continue;
      }
      const problem = dateFormatProblem(format);
      if (problem !== undefined) {
        report(diagnostic("data/bad-date-format", { column, format, problem }, at(open, close)));
        continue;
      }
    }
    const nameStart = partStart + part.indexOf(column);
    if (specs.some((s) => s.column === column)) {
      report(diagnostic("data/types-syntax", { detail: `the column "${column}" is given a type twice` }, at(nameStart, nameStart + column.length)));
      continue;
    }
    specs.push({ column, choice: format === undefined ? { type } : { type, format }, span: at(nameStart, nameStart + column.length) });
  }
  return specs;
}

/**
 * The columns types= names, including those given a type it could not read (reported by readTypes):
 * Plotline's guesses about a column (data/dates-as-text) stay quiet once the editor has typed it.
 */
export function columnsNamedInTypes(block: StoryBlock): Set<string> {
  const value = block.attributes.get("types")?.value;
  if (typeof value !== "string") return new Set();
  return new Set(splitTypes(value).flatMap(({ text }) => (text.includes(":") ? [text.slice(0, text.indexOf(":")).trim()] : [])));
}

/** The entries of types=, split at commas outside parentheses (a date format may hold commas: `%b %d, %Y`). */
function splitTypes(value: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if ((c === "," && depth === 0) || c === undefined) {
      parts.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return parts;
}
