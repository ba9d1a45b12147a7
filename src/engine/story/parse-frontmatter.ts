import { isMap, isPair, isScalar, parseDocument, type Document, type Node } from "yaml";
import { dropEscapedControlCharacters } from "./control-characters.ts";
import type { z } from "zod";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch, didYouMean } from "../diagnostics/did-you-mean.ts";
import { SourceFile, type SourceSpan } from "../diagnostics/source-file.ts";
import { frontmatterHelp, frontmatterKeys, frontmatterSchema, type Frontmatter } from "./frontmatter-schema.ts";
import { explainYamlError, fullWidthColonProblem } from "./explain-yaml-error.ts";
import { quoteProseValues } from "./quote-prose-values.ts";
import { locate } from "./yaml-locate.ts";

export interface FrontmatterResult {
  /** Present only when the frontmatter is valid. */
  frontmatter?: Frontmatter;
  diagnostics: Diagnostic[];
  /** Offset in the file where the Markdown body begins (after the closing ---). */
  bodyOffset: number;
  /**
   * Where each top-level key and its value are in the file, when the frontmatter could be read as YAML:
   * for checks made later, outside this story (translationOf is checked against the other stories).
   */
  positions?: FrontmatterPositions;
}

/** Top-level frontmatter key → the span of the key and of its value (absent when the value is empty). */
export type FrontmatterPositions = Partial<Record<string, { key: SourceSpan; value?: SourceSpan }>>;

const FENCE = /^---[ \t]*$/;

/** Reads and validates the YAML block between the two `---` lines at the top of a story. */
export function parseFrontmatter(file: SourceFile): FrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  if (!FENCE.test(file.lineText(1))) {
    diagnostics.push(diagnostic("story/no-frontmatter", {}, file.lineSpan(1)));
    return { diagnostics, bodyOffset: 0 };
  }
  let closingLine = 0;
  for (let line = 2; line <= file.lineCount; line++) {
    if (FENCE.test(file.lineText(line)) || /^\.\.\.[ \t]*$/.test(file.lineText(line))) {
      closingLine = line;
      break;
    }
  }
  if (closingLine === 0) {
    diagnostics.push(diagnostic("story/frontmatter-unclosed", {}, file.lineSpan(1)));
    return { diagnostics, bodyOffset: file.text.length };
  }
  const yamlStart = file.offsetAt({ line: 2, column: 1 });
  const yamlEnd = file.offsetAt({ line: closingLine, column: 1 });
  const bodyOffset = closingLine < file.lineCount ? file.offsetAt({ line: closingLine + 1, column: 1 }) : file.text.length;
  const yamlText = quoteProseValues(file.text.slice(yamlStart, yamlEnd), ["title", "dek"]);
  // Quoting a headline makes its line longer, so offsets in yamlText are mapped through line and
  // column (quoting changes no line breaks), not added to yamlStart: a key after a quoted title keeps its column.
  const yamlFile = new SourceFile(file.path, yamlText);
  const toFileOffset = (offset: number) => {
    const { line, column } = yamlFile.positionAt(offset);
    return file.offsetAt({ line: line + 1, column: Math.min(column, file.lineText(line + 1).length + 1) });
  };
  const at = (start: number, end: number) => file.span(toFileOffset(start), toFileOffset(end));

  const colon = fullWidthColonProblem(yamlText, []);
  if (colon) {
    diagnostics.push(diagnostic("story/frontmatter-syntax", { detail: colon.detail }, at(colon.start, colon.end)));
    return { diagnostics, bodyOffset };
  }
  const doc = parseDocument(yamlText, editorYamlOptions);
  if (doc.errors.length > 0) {
    const problem = starredValue(doc.errors[0]!.pos[0], yamlText) ?? explainYamlError(doc.errors[0]!, yamlText);
    diagnostics.push(diagnostic("story/frontmatter-syntax", { detail: problem.detail }, at(problem.start, problem.end)));
    return { diagnostics, bodyOffset };
  }
  for (const { offset, name, count, lineBreak } of dropEscapedControlCharacters(doc)) {
    diagnostics.push(diagnostic("story/control-character", { character: name, count, lineBreak, escaped: true }, at(offset, offset + 1)));
  }
  let raw: ReturnType<typeof doc.toJS>;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // Aliases that repeat anchors too often (a "billion laughs" document) are refused by yaml, not expanded.
    const problem = yamlValueProblem(error, yamlText);
    diagnostics.push(diagnostic("story/frontmatter-syntax", { detail: problem.detail }, at(problem.start, problem.end)));
    return { diagnostics, bodyOffset };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    diagnostics.push(
      diagnostic("story/frontmatter-syntax", { detail: 'it must be a set of "key: value" lines' }, file.lineSpan(2)),
    );
    return { diagnostics, bodyOffset };
  }

  const positions = keyPositions(doc, at);
  const result = frontmatterSchema.safeParse(raw);
  if (result.success) return { frontmatter: result.data, diagnostics, bodyOffset, positions };

  const reported = new Set<string>();
  for (const issue of result.error.issues as z.core.$ZodIssue[]) {
    if (issue.code === "unrecognized_keys") {
      const parentPath = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      for (const key of issue.keys) {
        const range = locate(doc, [...parentPath, key], "key");
        if (parentPath.length === 0) {
          diagnostics.push(
            diagnostic(
              "story/unknown-key",
              { key, suggestion: didYouMean(key, frontmatterKeys), known: frontmatterKeys },
              at(range.start, range.end),
            ),
          );
        } else {
          const top = String(parentPath[0]) as keyof Frontmatter;
          const help = frontmatterHelp[top];
          diagnostics.push(
            diagnostic("story/invalid-value", { key: top, problem: `${help.problem} ("${key}" is not one of its fields)`, example: help.example }, at(range.start, range.end)),
          );
        }
      }
      continue;
    }
    const key = String(issue.path[0] ?? "") as keyof Frontmatter;
    if (reported.has(key)) continue;
    reported.add(key);
    const help = frontmatterHelp[key];
    if (!help) continue;
    if (!(key in raw)) {
      // "titel: …" is already reported with "Did you mean title?"; saying title is missing too is noise.
      const misspelt = Object.keys(raw).some((k) => !(frontmatterKeys as string[]).includes(k) && closestMatch(k, frontmatterKeys) === key);
      if (!misspelt) diagnostics.push(diagnostic("story/missing-key", { key, example: help.example }, file.lineSpan(1)));
      continue;
    }
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const range = locate(doc, path, "value");
    diagnostics.push(diagnostic("story/invalid-value", { key, problem: help.problem, example: help.example }, at(range.start, range.end)));
  }
  return { diagnostics, bodyOffset, positions };
}

function keyPositions(doc: Document, at: (start: number, end: number) => SourceSpan): FrontmatterPositions {
  const positions: FrontmatterPositions = {};
  if (!isMap(doc.contents)) return positions;
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
    const name = String(item.key.value);
    if (Object.hasOwn(positions, name)) continue;
    const value = (item.value as Node | null)?.range;
    positions[name] = {
      key: at(item.key.range[0], item.key.range[1]),
      ...(value && value[1] > value[0] ? { value: at(value[0], value[1]) } : {}),
    };
  }
  return positions;
}

/** yaml's messages end with a code frame of their own; keep the sentence. */
export function yamlErrorDetail(message: string): string {
  if (/excessive alias count/i.test(message)) return ALIAS_DETAIL;
  const unresolved = UNRESOLVED_ALIAS.exec(message);
  if (unresolved) return unresolvedDetail(unresolved[1]!);
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase());
}

const ALIAS_DETAIL = "it repeats anchors (&name) through aliases (*name) so often that it would grow too large to read; write the values out instead";
const UNRESOLVED_ALIAS = /^Unresolved alias[^:]*: (.+)$/m;
/** Editors write *this* for emphasis or a footnote; YAML reads a value that starts with * as an alias. */
const unresolvedDetail = (name: string) =>
  `a value starts with "*${name.length > 30 ? `${name.slice(0, 30)}…` : name}", which YAML reads as a reference to an anchor "&${name.length > 30 ? "…" : name}" that is not there; put the value in double quotes`;

/**
 * `title: *Exclusive* report`: YAML reads the value as an alias and then stumbles over the words after
 * it. If the line of an error has a value starting with * and no anchor of that name exists, that is
 * what went wrong.
 */
export function starredValue(offset: number, text: string): { detail: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const lineEnd = text.indexOf("\n", lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const match = /^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)\*([^\s,[\]{}*]+)/.exec(line);
  if (!match || text.includes(`&${match[2]}`)) return undefined;
  const start = lineStart + match[1]!.length;
  return { detail: unresolvedDetail(match[2]!), start, end: start + 1 + match[2]!.length };
}

/** Options for parsing editors' YAML: positions and every error kept, nothing printed to the terminal. */
export const editorYamlOptions = { prettyErrors: false, uniqueKeys: true, logLevel: "error" } as const;

/**
 * A YAML document that parsed but could not be turned into values (yaml throws for an alias without
 * its anchor, or aliases that repeat too often), in editors' words, with the stretch of text to point
 * at: the alias concerned.
 */
export function yamlValueProblem(error: unknown, text: string): { detail: string; start: number; end: number } {
  const message = error instanceof Error ? error.message : String(error);
  const detail = yamlErrorDetail(message);
  const name = UNRESOLVED_ALIAS.exec(message)?.[1];
  const aliases = [...text.matchAll(/(^|[\s[{,:-])(\*[^\s,[\]{}]+)/gm)];
  const alias = name === undefined ? aliases[0] : (aliases.find((a) => a[2] === `*${name}`) ?? aliases.find((a) => `*${name}`.startsWith(a[2]!)));
  if (alias) {
    const start = alias.index + alias[1]!.length;
    return { detail, start, end: start + alias[2]!.length };
  }
  return { detail, start: 0, end: 0 };
}
