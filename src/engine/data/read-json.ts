import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Origin } from "./data-origin.ts";
import { jsonNodeAt, scanJson } from "./json-scan.ts";
import type { RawTable } from "./raw-table.ts";
import { shapeData, type Locate } from "./shape-data.ts";

/** Reads a JSON data block or file: a syntax error at its position, else the value shaped into a table (shape-data.ts). */
export function readJson(origin: Origin, report: (d: Diagnostic) => void): RawTable | undefined {
  const parsed = parseJson(origin, report);
  return parsed && shapeData(parsed.value, "json", origin, parsed.locate, report);
}

/** Parses JSON text: a syntax error at its position, else the value and a finder of positions in the text. */
export function parseJson(origin: Origin, report: (d: Diagnostic) => void): { value: unknown; locate: Locate } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(origin.text);
  } catch (error) {
    const scan = scanJson(origin.text);
    let offset: number;
    let detail: string;
    if (!scan.ok) {
      ({ offset, detail } = scan);
    } else {
      // Our reader found no error where V8 did: use V8's words and position.
      const message = error instanceof Error ? error.message : String(error);
      offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
      detail = message.replace(/ in JSON at position.*$/s, "").replace(/^./, (c) => c.toLowerCase());
    }
    report(diagnostic("data/syntax", { format: "json", detail }, origin.span(offset, Math.min(offset + 1, origin.text.length))));
    return undefined;
  }
  let tree: ReturnType<typeof scanJson> | undefined;
  const locate: Locate = (path, part = "value") => {
    tree ??= scanJson(origin.text);
    if (!tree.ok) return undefined;
    const found = jsonNodeAt(tree.root, path);
    if (!found) return undefined;
    if (part === "key" && found.entry) return { start: found.entry.keyStart, end: found.entry.keyEnd };
    return { start: found.node.start, end: found.node.end };
  };
  return { value, locate };
}
