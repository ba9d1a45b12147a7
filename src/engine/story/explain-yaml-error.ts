import type { YAMLError } from "yaml";
import { MAX_NESTING_DEPTH } from "../limits.ts";

/** A YAML error in editors' words, and the stretch of text to point at (offsets into the YAML text). */
export interface YamlProblem {
  detail: string;
  start: number;
  end: number;
}

/** The value in the quotes that need no escaping, if there are such. */
const quoted = (value: string) => (value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value));

const lineAt = (text: string, offset: number) => {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf("\n", start);
  return { start, text: text.slice(start, end === -1 ? text.length : end) };
};

/** The last `open` before `offset` that is not closed by a matching `close` before it. */
function unclosed(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The offset of the first "[" or "{" nested more than MAX_NESTING_DEPTH deep, outside quotes and comments. */
function deepFlowBracket(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const next = text.indexOf("\n", i);
      i = next < 0 ? text.length : next;
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * The yaml package's messages are written for programmers ("Nested mappings are not allowed in compact
 * mappings"). The mistakes editors actually make get a sentence that says what to change, and point
 * at where the mistake starts rather than where the parser noticed it.
 */
export function explainYamlError(error: YAMLError, text: string): YamlProblem {
  const [start, end] = error.pos;
  const first = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
  const fallback = { detail: first.replace(/^./, (c) => c.toLowerCase()), start, end };
  // The parser ran out of stack: hundreds of lists or mappings inside one another. Where it gave up
  // depends on the stack's size, so point at the bracket past MAX_NESTING_DEPTH instead, if there is one.
  if (/maximum call stack/i.test(first)) {
    const deep = deepFlowBracket(text);
    return {
      detail: `lists or mappings are nested more than ${MAX_NESTING_DEPTH} levels deep inside one another; data, charts and frontmatter need only a few`,
      start: deep ?? start,
      end: deep === undefined ? end : deep + 1,
    };
  }

  switch (error.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      const line = lineAt(text, start);
      const match = /^(\s*(?:-\s+)?)([^\s:#][^:]*?):\s+(.*\S)\s*$/.exec(line.text);
      if (match && /:\s/.test(match[3]!)) {
        const valueStart = line.start + match[1]!.length + match[2]!.length + line.text.slice(match[1]!.length + match[2]!.length).indexOf(match[3]!);
        return {
          detail: `the value of "${match[2]}" contains ": ", which YAML reads as the start of another key; put the whole value in quotes: ${match[2]}: ${quoted(match[3]!)}`,
          start: valueStart,
          end: valueStart + match[3]!.length,
        };
      }
      return { ...fallback, detail: "a line is indented as if it continued the line above; line up keys of the same level with the same number of spaces" };
    }
    case "BAD_INDENT":
    case "MISSING_CHAR": {
      if (/flow map/i.test(first)) {
        const open = unclosed(text, start, "{", "}");
        if (open !== undefined) return { detail: 'a "{" is opened but not closed with "}" on the same line', start: open, end: open + 1 };
      }
      if (/flow sequence/i.test(first)) {
        const open = unclosed(text, start, "[", "]");
        if (open !== undefined) return { detail: 'a "[" is opened but not closed with "]" on the same line', start: open, end: open + 1 };
      }
      const quote = /closing (["'])quote/.exec(first)?.[1];
      if (quote) {
        const open = text.lastIndexOf(quote, Math.max(0, start - 1));
        const at = open >= 0 ? open : start;
        return { detail: `a quote (${quote}) is opened but never closed`, start: at, end: at + 1 };
      }
      return fallback;
    }
    case "DUPLICATE_KEY": {
      const line = lineAt(text, start);
      const key = /^\s*(?:-\s+)?([^:]+?)\s*:/.exec(line.text)?.[1];
      return { detail: key ? `"${key}" is given twice; keep one` : "a key is given twice; keep one", start, end };
    }
    case "UNEXPECTED_TOKEN": {
      const line = lineAt(text, start);
      if (/'[^']*'[^'\s,}\]]/.test(line.text)) {
        return { detail: "a value in single quotes contains an apostrophe; write it twice ('it''s') or use double quotes instead", start, end };
      }
      return fallback;
    }
    case "TAB_AS_INDENT":
      return { ...fallback, detail: "a line is indented with a tab; YAML needs spaces" };
    default:
      return fallback;
  }
}

/**
 * A key followed by a full-width colon ("title：…", easy to type with a Chinese input method) is not a
 * key to YAML: the line silently becomes text, or breaks the lines around it. Found before parsing, so
 * the editor hears about the colon itself rather than whatever YAML made of the line.
 */
export function fullWidthColonProblem(text: string, keys: readonly string[]): YamlProblem | undefined {
  const pattern = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*)[ \t]*(：)/gm;
  for (const match of text.matchAll(pattern)) {
    const key = match[2]!;
    if (keys.length > 0 && !keys.includes(key)) continue;
    const start = match.index + match[0].length - 1;
    return { detail: `"${key}" is followed by a full-width colon "："; YAML needs the ASCII colon and a space: ${key}: …`, start, end: start + 1 };
  }
  return undefined;
}
