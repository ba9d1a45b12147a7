import { isMap, isPair, isScalar, parseDocument, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { explainYamlError } from "../story/explain-yaml-error.ts";
import { editorYamlOptions, starredValue, yamlValueProblem } from "../story/parse-frontmatter.ts";
import { nodeAt } from "../story/yaml-locate.ts";
import type { Origin } from "./data-origin.ts";
import type { RawTable } from "./raw-table.ts";
import { shapeData, type Locate } from "./shape-data.ts";

/** Reads a YAML data block or file: a syntax error at its position, else the value shaped into a table (shape-data.ts). */
export function readYaml(origin: Origin, report: (d: Diagnostic) => void): RawTable | undefined {
  let doc: Document.Parsed;
  let value: unknown;
  try {
    doc = parseDocument(origin.text, editorYamlOptions);
    const error = doc.errors[0];
    if (error) {
      const problem = starredValue(error.pos[0], origin.text) ?? explainYamlError(error, origin.text);
      report(diagnostic("data/syntax", { format: "yaml", detail: problem.detail }, origin.span(problem.start, problem.end)));
      return undefined;
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const problem = yamlValueProblem(error, origin.text);
    report(diagnostic("data/syntax", { format: "yaml", detail: problem.detail }, origin.span(problem.start, problem.end)));
    return undefined;
  }
  const locate: Locate = (path, part = "value") => {
    const last = path[path.length - 1];
    if (part === "key" && typeof last === "string") {
      const parent = nodeAt(doc.contents, path.slice(0, -1));
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === last);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return { start: range[0], end: range[1] };
      }
    }
    const node = path.length === 0 ? (doc.contents as Node | null) : nodeAt(doc.contents, path);
    return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
  };
  return shapeData(value, "yaml", origin, locate, report);
}
