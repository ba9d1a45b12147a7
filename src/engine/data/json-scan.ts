/**
 * A small JSON reader that keeps positions. JSON.parse does the real reading; this is used only
 * when positions are needed: to say where a syntax error is (V8 does not give a position for
 * several common mistakes, e.g. a trailing comma), and to point at a value that has a problem.
 */

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonNode {
  start: number;
  end: number;
  items?: JsonNode[];
  entries?: JsonEntry[];
}

export type JsonScan = { ok: true; root: JsonNode } | { ok: false; offset: number; detail: string };

class JsonError {
  readonly offset: number;
  readonly detail: string;
  constructor(offset: number, detail: string) {
    this.offset = offset;
    this.detail = detail;
  }
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** Reads `text` as JSON, returning a tree of positions or the first error with a readable detail. */
export function scanJson(text: string): JsonScan {
  let i = 0;
  const fail = (offset: number, detail: string): never => {
    throw new JsonError(offset, detail);
  };
  const describe = (at: number) => (at >= text.length ? "the end of the data" : `"${text[at]}"`);
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };

  const string = (): JsonNode => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return { start, end: i };
      }
      if (c === "\n") fail(i, "a text value runs past the end of the line: close it with a double quote, or write a line break inside text as \\n");
      if (c.charCodeAt(0) < 0x20) fail(i, "a text value holds a tab or other control character; write it as \\t or \\n");
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i, "\\u must be followed by four hexadecimal digits");
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) fail(i, `"\\${e ?? ""}" is not an escape JSON knows; write a backslash as \\\\`);
        i += 2;
        continue;
      }
      i++;
    }
    return fail(start, "a text value is not closed with a double quote");
  };

  const value = (depth: number): JsonNode => {
    if (depth > 2000) fail(i, "the data is nested too deeply");
    skip();
    const start = i;
    const c = text[i];
    if (c === undefined) return fail(i, "the data ends where a value should be");
    if (c === "{") {
      i++;
      const entries: JsonEntry[] = [];
      skip();
      if (text[i] === "}") {
        i++;
        return { start, end: i, entries };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') {
          if (text[i] === "}" && entries.length > 0) fail(i, 'a comma comes right before "}"; remove the comma after the last value');
          fail(i, `a name in double quotes should come here, not ${describe(i)}`);
        }
        const key = string();
        skip();
        if (text[i] !== ":") fail(i, `a colon should follow the name, not ${describe(i)}`);
        i++;
        const node = value(depth + 1);
        entries.push({ key: JSON.parse(text.slice(key.start, key.end)) as string, keyStart: key.start, keyEnd: key.end, value: node });
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return { start, end: i, entries };
        }
        fail(i, `a comma or "}" should follow a value, not ${describe(i)}`);
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === "]") {
        i++;
        return { start, end: i, items };
      }
      for (;;) {
        skip();
        if (text[i] === "]" && items.length > 0) fail(i, 'a comma comes right before "]"; remove the comma after the last item');
        items.push(value(depth + 1));
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return { start, end: i, items };
        }
        fail(i, `a comma or "]" should follow an item, not ${describe(i)}`);
      }
    }
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { start, end: i };
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== "-" && !/[\w.]/.test(text[i + number[0].length] ?? "")) {
      i += number[0].length;
      return { start, end: i };
    }
    const word = /^[^\s,:\]}]+/.exec(text.slice(i, i + 40))?.[0] ?? c;
    if (c === "'") return fail(i, "text must be in double quotes, not single quotes");
    if (c === "}" || c === "]" || c === ",") return fail(i, `a value should come before "${c}"`);
    if (/^[-+.\d]/.test(c)) return fail(i, `"${word}" is not a JSON number; write numbers like 1234.5 or -0.25, without leading zeros or a trailing dot`);
    return fail(i, `"${word}" is not a JSON value; text needs double quotes`);
  };

  try {
    const root = value(0);
    skip();
    if (i < text.length) fail(i, `there is more after the end of the data (${describe(i)})`);
    return { ok: true, root };
  } catch (error) {
    if (error instanceof JsonError) return { ok: false, offset: error.offset, detail: error.detail };
    return { ok: false, offset: 0, detail: "the data cannot be read" };
  }
}

/** The node at a path of array indexes and object keys (the last of duplicate keys, as JSON.parse keeps). */
export function jsonNodeAt(root: JsonNode, path: readonly (string | number)[]): { node: JsonNode; entry?: JsonEntry } | undefined {
  let node: JsonNode = root;
  let entry: JsonEntry | undefined;
  for (const step of path) {
    if (typeof step === "number") {
      const item = node.items?.[step];
      if (!item) return undefined;
      node = item;
      entry = undefined;
    } else {
      const found = node.entries?.findLast((e) => e.key === step);
      if (!found) return undefined;
      node = found.value;
      entry = found;
    }
  }
  return { node, entry };
}
