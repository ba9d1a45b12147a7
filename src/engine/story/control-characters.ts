import { visit, type Document } from "yaml";

/**
 * Invisible control characters in an editor's file: a vertical tab in a CSV cell (how some
 * spreadsheets export a line break inside a cell), a U+0001 pasted with text from a PDF or a terminal.
 * XML 1.0 forbids them, so no page, chart, feed or PNG may carry them. They are replaced where files
 * are read, each by one space: a vertical tab or form feed stands between two words, and one space per
 * character keeps every line and column Plotline reports where the editor sees them. The caller warns
 * once per kind of character, at its first place.
 */
export interface ControlCharacter {
  /** 0-based offset of its first occurrence in the text. */
  offset: number;
  /** How editors can find it: `U+000B "vertical tab"`. */
  name: string;
  /** How many times it occurs in the text. */
  count: number;
  /** A vertical tab or form feed: what spreadsheets write for a line break inside a cell. */
  lineBreak: boolean;
}

/** The characters XML 1.0 forbids that a decoded file can hold (tab, line feed and carriage return are allowed). */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const hasForbidden = (text: string) => {
  forbidden.lastIndex = 0;
  return forbidden.test(text);
};

export function replaceControlCharacters(text: string): { text: string; found: ControlCharacter[] } {
  if (!hasForbidden(text)) return { text, found: [] };
  const found = new Map<string, ControlCharacter>();
  const replaced = text.replace(forbidden, (char: string, offset: number) => {
    const seen = found.get(char);
    if (seen) seen.count++;
    else found.set(char, { offset, name: nameOf(char), count: 1, lineBreak: char === "\v" || char === "\f" });
    return " ";
  });
  return { text: replaced, found: [...found.values()] };
}

/**
 * The same characters written as YAML escapes ("\x01", "\u000B" in a double-quoted value) are not in
 * the file to be replaced: they are left out of the string values of the parsed document instead (no
 * position changes), and found at the value that held them (offset into the YAML text).
 */
export function dropEscapedControlCharacters(doc: Document): ControlCharacter[] {
  const found = new Map<string, ControlCharacter>();
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string" || !hasForbidden(node.value)) return;
      node.value = node.value.replace(forbidden, (char: string) => {
        const seen = found.get(char);
        if (seen) seen.count++;
        else found.set(char, { offset: node.range?.[0] ?? 0, name: nameOf(char), count: 1, lineBreak: char === "\v" || char === "\f" });
        return "";
      });
    },
  });
  return [...found.values()];
}

/** Unicode's names of the C0 controls, from U+0000. */
const C0_NAMES = [
  "null", "start of heading", "start of text", "end of text", "end of transmission", "enquiry", "acknowledge", "bell",
  "backspace", "tab", "line feed", "vertical tab", "form feed", "carriage return", "shift out", "shift in",
  "data link escape", "device control one", "device control two", "device control three", "device control four",
  "negative acknowledge", "synchronous idle", "end of transmission block", "cancel", "end of medium", "substitute",
  "escape", "file separator", "group separator", "record separator", "unit separator",
];

function nameOf(char: string): string {
  const code = char.charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} "${C0_NAMES[code] ?? "not a character"}"`;
}
