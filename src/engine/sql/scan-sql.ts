/**
 * A small SQL tokenizer for what Plotline itself must know about a query before DuckDB sees it: where
 * its first keyword is (to point at a refused statement), and its quoted strings, with the context each
 * is in (a path to a file is rewritten; see sql-file-references.ts). It does not parse SQL: DuckDB does.
 */
export interface SqlToken {
  kind: "word" | "string" | "quoted" | "punct" | "number";
  /** For "string": the value with '' unescaped; for "quoted" ("identifier"): the name; else the text. */
  value: string;
  start: number;
  end: number;
  /** For a string: it is an argument of a function call (`read_csv('a.csv', …)`), not a table on its own. */
  inCall?: boolean;
  /** For a string inside a call's arguments: the function's name, in lowercase. */
  call?: string;
  /** For a string: the word or punctuation right before it, in uppercase (FROM, JOIN, ","). */
  after?: string;
}

export function scanSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  /** For each open parenthesis: whether it opens a function call's arguments. */
  const parens: (string | undefined)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      while (j < text.length) {
        if (text[j] === c) {
          if (text[j + 1] === c) {
            value += c;
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      const end = Math.min(j + 1, text.length);
      const call = parens[parens.length - 1];
      const previous = tokens[tokens.length - 1];
      if (c === "'") {
        tokens.push({ kind: "string", value, start: i, end, inCall: call !== undefined, ...(call !== undefined ? { call } : {}), after: previous?.value.toUpperCase() ?? "" });
      } else {
        tokens.push({ kind: "quoted", value, start: i, end });
      }
      i = end;
      continue;
    }
    const word = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i, i + 200));
    if (word) {
      tokens.push({ kind: "word", value: word[0], start: i, end: i + word[0].length });
      i += word[0].length;
      continue;
    }
    const number = /^[0-9][0-9._eE]*/.exec(text.slice(i, i + 100));
    if (number) {
      tokens.push({ kind: "number", value: number[0], start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    if (c === "(") {
      const previous = tokens[tokens.length - 1];
      // A name right before "(" calls a function, unless it is a keyword that takes a subquery or a list.
      const isCall = previous !== undefined && (previous.kind === "word" || previous.kind === "quoted") && !NOT_CALLS.has(previous.value.toUpperCase());
      parens.push(isCall ? previous.value.toLowerCase() : undefined);
    } else if (c === ")") {
      parens.pop();
    }
    tokens.push({ kind: "punct", value: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** Words followed by "(" that do not call a function. */
const NOT_CALLS = new Set([
  "FROM", "JOIN", "IN", "AS", "ON", "USING", "SELECT", "WHERE", "AND", "OR", "NOT", "EXISTS", "ANY", "ALL", "SOME",
  "VALUES", "LATERAL", "WITH", "UNION", "EXCEPT", "INTERSECT", "BY", "HAVING", "QUALIFY", "CASE", "WHEN", "THEN", "ELSE",
  "PIVOT", "UNPIVOT", "INTO", "OVER", "FILTER", "WITHIN", "MATERIALIZED", "RECURSIVE", "IS", "LIKE", "BETWEEN",
]);

/** The first word of the query (its statement keyword), skipping comments and opening parentheses. */
export function firstKeyword(tokens: readonly SqlToken[]): SqlToken | undefined {
  return tokens.find((t) => t.kind !== "punct" || t.value !== "(");
}
