/**
 * Text from the editor's files (file names, values quoted in messages, source lines) printed in a
 * terminal: a control character would break the one-line form of a diagnostic (a newline in a file
 * name), or be obeyed by the terminal (an escape sequence), and bidirectional overrides would make the
 * text read otherwise than it is. Such characters are shown, never sent as they are.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every control character written as JSON writes it: "a\nb" → "a\\nb", ESC → "\\u001b". */
export function escapeControlChars(text: string): string {
  return text.replace(unsafe, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A source text for a code frame, with control characters other than line ends and tabs shown as one
 * visible character each (ESC as "␛", others as "�"), so columns stay where they were.
 */
export function showControlChars(source: string): string {
  return source.replace(unsafe, (c) => (c === "\n" || c === "\t" || c === "\r" ? c : c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : "\ufffd"));
}
