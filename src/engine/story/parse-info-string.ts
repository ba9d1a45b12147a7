/** One `name=value` (or bare `name`) attribute of a block's info string, with where it was written. */
export interface BlockAttribute {
  name: string;
  /** `true` for a bare flag such as `show`. */
  value: string | true;
  /** Offsets into the info string: the whole attribute, and its value. */
  start: number;
  end: number;
  valueStart: number;
}

/** The attributes read, and the first problem if the string could not be read to its end. */
export interface InfoStringResult {
  attributes: BlockAttribute[];
  error?: { detail: string; offset: number };
}

/**
 * Reads the attributes after a block's language: `id=cities format=csv src="a b.csv" show`.
 * Values may be bare words or double- or single-quoted (with `\"` and `\\` inside double quotes).
 */
export function parseInfoString(info: string): InfoStringResult {
  const attributes: BlockAttribute[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c === " " || c === "\t";
  while (i < info.length) {
    while (isSpace(info[i])) i++;
    if (i >= info.length) break;
    const start = i;
    while (i < info.length && !isSpace(info[i]) && info[i] !== "=") i++;
    const name = info.slice(start, i);
    if (name === "" || /["']/.test(name)) {
      return { attributes, error: { detail: `unexpected "${info[start]}"`, offset: start } };
    }
    if (info[i] !== "=") {
      attributes.push({ name, value: true, start, end: i, valueStart: i });
      continue;
    }
    i++; // skip "="
    const quote = info[i];
    if (quote === '"' || quote === "'") {
      const valueStart = i + 1;
      let value = "";
      i++;
      while (i < info.length && info[i] !== quote) {
        // Only \" and \\ are escapes, so Windows-style paths keep their backslashes (and are then refused).
        if (info[i] === "\\" && quote === '"' && (info[i + 1] === '"' || info[i + 1] === "\\")) i++;
        value += info[i];
        i++;
      }
      if (i >= info.length) {
        return { attributes, error: { detail: `the value of "${name}" opens a quote that is never closed`, offset: valueStart - 1 } };
      }
      i++; // closing quote
      attributes.push({ name, value, start, end: i, valueStart });
    } else {
      const valueStart = i;
      while (i < info.length && !isSpace(info[i])) i++;
      const value = info.slice(valueStart, i);
      if (value === "") return { attributes, error: { detail: `"${name}=" has no value`, offset: start } };
      attributes.push({ name, value, start, end: i, valueStart });
    }
  }
  return { attributes };
}
