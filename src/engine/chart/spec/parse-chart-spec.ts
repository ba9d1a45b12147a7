import { parseDocument, type Document } from "yaml";
import { dropEscapedControlCharacters } from "../../story/control-characters.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { didYouMean } from "../../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../../diagnostics/source-file.ts";
import { explainYamlError, fullWidthColonProblem } from "../../story/explain-yaml-error.ts";
import { editorYamlOptions, starredValue, yamlValueProblem } from "../../story/parse-frontmatter.ts";
import { quoteProseValues } from "../../story/quote-prose-values.ts";
import type { StoryBlock } from "../../story/story-block.ts";
import { locate } from "../../story/yaml-locate.ts";
import { additionKeys, readAdditionSwitches, type AdditionSwitches } from "./addition-switches.ts";
import { chartIdFromTitle } from "./chart-id.ts";
import { findCommaInText } from "./comma-in-text.ts";
import { ADD_MARKS_KEY, mergeChartYaml } from "./merge-chart-yaml.ts";
import { isJsonObject, type ChartSpec, type HighlightSpec, type JsonObject, type JsonValue, type MarkSpec, type SpecPath } from "./chart-spec.ts";
import {
  figureKeys,
  markNames,
  markOptionNames,
  plotOptionNames,
  scaleNames,
  scaleOptionNames,
  transforms,
  type FigureKey,
} from "./plot-vocabulary.ts";

/** Points at a part of the spec: the key or the value at a path. */
export type SpecLocator = (path: SpecPath, target?: "key" | "value") => SourceSpan;

/**
 * Points inside a text of the spec: from `start` to `end`, offsets into the text's value (an expression),
 * mapped through the quotes it is written in. Where escapes make the mapping uncertain, the whole value.
 */
export type SpecTextLocator = (path: SpecPath, start: number, end: number) => SourceSpan;

export interface ParsedChartSpec {
  spec?: ChartSpec;
  locate: SpecLocator;
  locateText: SpecTextLocator;
  /** Where each mark of the spec was written (marks that could not be read are left out of the spec). */
  markPaths: Map<MarkSpec, SpecPath>;
  /** The chart's `plotline:` switches of Plotline's additions (kept out of the spec: Plot never sees them). */
  additions?: AdditionSwitches;
  /** Where the column of `highlight:` is written (the value itself, or its `by:`). */
  highlightPath?: SpecPath;
  diagnostics: Diagnostic[];
}

const describe = (value: unknown): string =>
  value === null
    ? "empty"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "a set of options"
        : typeof value === "string"
          ? `the text "${value}"`
          : `the ${typeof value} ${String(value)}`;

/** A chart block's YAML, read: its mapping (absent when it could not be read) and how to point into it. */
export interface ChartYaml {
  raw?: JsonObject;
  locate: SpecLocator;
  locateText: SpecTextLocator;
  diagnostics: Diagnostic[];
}

/**
 * Reads a chart block's YAML into a ChartSpec, reporting every structural problem and unknown name.
 * `bases` are the charts the block extends (extends=), nearest first: their YAML lies under the block's
 * (merge-chart-yaml.ts), and a problem in a key the block inherits points at the base that wrote it.
 * The bases' own problems of reading are theirs, reported where they are compiled themselves.
 */
export function parseChartSpec(block: StoryBlock, bases: readonly StoryBlock[] = []): ParsedChartSpec {
  const own = readChartYaml(block, bases.length > 0);
  const markPaths = new Map<MarkSpec, SpecPath>();
  const diagnostics = [...own.diagnostics];
  if (!own.raw) return { locate: own.locate, locateText: own.locateText, markPaths, diagnostics };
  const layers = [...bases].reverse().map((base) => readChartYaml(base, true));
  if (layers.some((layer) => !layer.raw)) return { locate: own.locate, locateText: own.locateText, markPaths, diagnostics };
  const merged = mergeChartYaml([...layers, own] as Required<ChartYaml>[]);
  const raw = merged.raw;
  const locator = merged.locate;
  const textLocator = merged.locateText;

  const figure: ChartSpec["figure"] = {};
  const options: JsonObject = {};
  const marks: MarkSpec[] = [];
  const topLevelNames = [...figureKeys, "marks", ADD_MARKS_KEY, ADDITIONS_KEY, HIGHLIGHT_KEY, FILTER_KEY, ...plotOptionNames];
  let additions: AdditionSwitches | undefined;
  let highlight: HighlightSpec | undefined;
  let filter: string | undefined;

  for (const [key, value] of Object.entries(raw)) {
    if ((figureKeys as readonly string[]).includes(key)) {
      if (value === null || typeof value === "object") {
        diagnostics.push(diagnostic("plot/figure-text", { key, found: describe(value) }, locator([key])));
      } else {
        figure[key as FigureKey] = String(value);
      }
    } else if (key === "marks") {
      if (!Array.isArray(value)) {
        diagnostics.push(diagnostic("plot/marks-not-a-list", {}, locator(["marks"])));
        continue;
      }
      value.forEach((item, index) => {
        const mark = readMark(item, ["marks", index], locator, diagnostics);
        if (mark) {
          marks.push(mark);
          markPaths.set(mark, typeof item === "string" ? ["marks", index] : ["marks", index, mark.mark]);
        }
      });
    } else if (key === ADD_MARKS_KEY) {
      // A list was merged into the marks (merge-chart-yaml.ts): only what is not a list is left here.
      diagnostics.push(diagnostic("plot/invalid-value", { option: ADD_MARKS_KEY, expected: "a list of marks, like marks:", found: describe(value) }, locator([key])));
    } else if (key === ADDITIONS_KEY) {
      additions = readChartSwitches(value, locator, diagnostics);
    } else if (key === HIGHLIGHT_KEY) {
      highlight = readHighlight(value, locator, diagnostics);
    } else if (key === FILTER_KEY) {
      if (typeof value === "string" && value.trim() !== "") filter = value;
      else diagnostics.push(diagnostic("plot/invalid-value", { option: FILTER_KEY, expected: 'an expression in quotes, e.g. "city == \'Shanghai\'"', found: describe(value) }, locator([key])));
    } else if (plotOptionNames.has(key)) {
      if (scaleNames.has(key) && isJsonObject(value)) {
        for (const option of Object.keys(value)) {
          if (!scaleOptionNames.has(option)) {
            diagnostics.push(
              diagnostic(
                "plot/unknown-option",
                { option, scope: `the ${key} scale`, suggestion: didYouMean(option, scaleOptionNames) },
                locator([key, option], "key"),
              ),
            );
          }
        }
      }
      options[key] = value;
    } else {
      const suggestion =
        key === "caption" ? ' Use "note" or "source" for text under the chart.' : didYouMean(key, topLevelNames);
      diagnostics.push(diagnostic("plot/unknown-option", { option: key, scope: "a chart", suggestion }, locator([key], "key")));
    }
  }

  if (!("marks" in raw)) diagnostics.push(diagnostic("plot/missing-marks", {}, block.fenceSpan));
  else if (Array.isArray(raw["marks"]) && raw["marks"].length === 0) diagnostics.push(diagnostic("plot/missing-marks", {}, locator(["marks"], "key")));

  const id = block.attribute("id") ?? chartIdFromTitle(figure.title, block.index);
  const spec: ChartSpec = { version: 1, id, figure, options, marks };
  // A variant draws its base's data unless it names its own.
  const data = [block, ...bases].map((b) => b.attribute("data")).find((d) => d !== undefined);
  if (data !== undefined) spec.data = data;
  if (highlight) spec.highlight = highlight;
  if (filter !== undefined) spec.filter = filter;
  const highlightPath: SpecPath = typeof raw[HIGHLIGHT_KEY] === "string" ? [HIGHLIGHT_KEY] : [HIGHLIGHT_KEY, "by"];
  return { spec, locate: locator, locateText: textLocator, markPaths, ...(additions ? { additions } : {}), ...(highlight ? { highlightPath } : {}), diagnostics };
}

/** The chart key that switches Plotline's additions: `plotline: false`, or `plotline: {endLabels: false}`. */
const ADDITIONS_KEY = "plotline";
/** Plotline's key that makes a chart's series or bars light up: `highlight: city`, or `{by: city, on: Beijing}`. */
const HIGHLIGHT_KEY = "highlight";
/** Plotline's key that keeps some rows of the chart's data: `filter: city == "Shanghai"`. */
const FILTER_KEY = "filter";

function readHighlight(value: JsonValue, locator: SpecLocator, diagnostics: Diagnostic[]): HighlightSpec | undefined {
  const expected = "a column name, or {by: <column>, on: <value or list of values>}";
  if (typeof value === "string" && value.trim() !== "") return { by: value };
  if (!isJsonObject(value)) {
    diagnostics.push(diagnostic("plot/invalid-value", { option: HIGHLIGHT_KEY, expected, found: describe(value) }, locator([HIGHLIGHT_KEY])));
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (key === "by" || key === "on") continue;
    ok = false;
    diagnostics.push(diagnostic("plot/unknown-option", { option: key, scope: "highlight", suggestion: didYouMean(key, ["by", "on"]) }, locator([HIGHLIGHT_KEY, key], "key")));
  }
  const by = value["by"];
  if (typeof by !== "string" || by.trim() === "") {
    diagnostics.push(diagnostic("plot/invalid-value", { option: `${HIGHLIGHT_KEY}.by`, expected: "the name of a column", found: describe(by ?? null) }, locator(by === undefined ? [HIGHLIGHT_KEY] : [HIGHLIGHT_KEY, "by"])));
    return undefined;
  }
  const on = value["on"];
  if (on === undefined || on === null) return ok ? { by } : undefined;
  const values = Array.isArray(on) ? on : [on];
  const bad = values.find((v) => v === null || typeof v === "object");
  if (bad !== undefined) {
    diagnostics.push(diagnostic("plot/invalid-value", { option: `${HIGHLIGHT_KEY}.on`, expected: "a value of the column, or a list of them", found: describe(bad) }, locator([HIGHLIGHT_KEY, "on"])));
    return undefined;
  }
  return ok ? { by, on: values.map(String) } : undefined;
}

function readChartSwitches(value: JsonValue, locator: SpecLocator, diagnostics: Diagnostic[]): AdditionSwitches {
  const { switches, problems } = readAdditionSwitches(value);
  for (const problem of problems) {
    const path = [ADDITIONS_KEY, ...problem.path];
    const found = describe(problem.found);
    if (problem.kind === "unknown") {
      const suggestion = didYouMean(problem.key!, additionKeys) || ` Plotline's additions are ${additionKeys.join(", ")}.`;
      diagnostics.push(diagnostic("plot/unknown-option", { option: problem.key!, scope: "Plotline's additions", suggestion }, locator(path, "key")));
    } else if (problem.kind === "not-boolean") {
      diagnostics.push(diagnostic("plot/invalid-value", { option: `${ADDITIONS_KEY}.${problem.key!}`, expected: "true or false", found }, locator(path)));
    } else {
      const expected = "false (no additions), true, or switches such as {endLabels: false}";
      diagnostics.push(diagnostic("plot/invalid-value", { option: ADDITIONS_KEY, expected, found }, locator(path)));
    }
  }
  return switches;
}

function readMark(item: JsonValue, path: SpecPath, locator: SpecLocator, diagnostics: Diagnostic[]): MarkSpec | undefined {
  let name: string;
  let value: JsonValue;
  if (typeof item === "string") {
    name = item;
    value = null;
  } else if (isJsonObject(item) && Object.keys(item).length === 1) {
    name = Object.keys(item)[0]!;
    value = item[name]!;
  } else {
    diagnostics.push(diagnostic("plot/invalid-mark", { found: describe(item) }, locator(path)));
    return undefined;
  }
  const markPath = typeof item === "string" ? path : [...path, name];
  if (!markNames.has(name)) {
    diagnostics.push(
      diagnostic("plot/unknown-mark", { mark: name, suggestion: didYouMean(name, markNames) }, locator(markPath, typeof item === "string" ? "value" : "key")),
    );
    return undefined;
  }
  const mark: MarkSpec = { mark: name, options: {}, transforms: [] };
  if (value === null || value === true) return mark;
  if (Array.isArray(value)) {
    mark.data = value;
    return mark;
  }
  if (!isJsonObject(value)) {
    diagnostics.push(diagnostic("plot/invalid-mark", { found: `${name} with ${describe(value)}` }, locator(markPath)));
    return undefined;
  }

  const allowed = markOptionNames(name);
  for (const key of Object.keys(value)) {
    const transform = transforms[key];
    if (transform) for (const option of transform.options) allowed.add(option);
  }
  for (const [key, optionValue] of Object.entries(value)) {
    if (key === "data") {
      if (typeof optionValue === "string" || Array.isArray(optionValue)) mark.data = optionValue;
      else diagnostics.push(diagnostic("plot/invalid-value", { option: "data", expected: "a data block id or a list", found: describe(optionValue) }, locator([...markPath, key])));
    } else if (key in transforms) {
      mark.transforms.push({ name: key, value: optionValue });
    } else if (allowed.has(key)) {
      mark.options[key] = optionValue;
    } else {
      diagnostics.push(
        diagnostic(
          "plot/unknown-option",
          { option: key, scope: `the mark ${name}`, suggestion: key === "format" ? ' Formats of a tip go inside it: tip: {format: {y: "$,.2f"}}.' : didYouMean(key, [...allowed, ...Object.keys(transforms)]) },
          locator([...markPath, key], "key"),
        ),
      );
    }
  }
  return mark;
}

/** Reads the YAML of one chart block, as written (an empty block is an empty mapping when `mayBeEmpty`: a variant that changes nothing). */
export function readChartYaml(block: StoryBlock, mayBeEmpty = false): ChartYaml {
  const { body } = block;
  const diagnostics: Diagnostic[] = [];
  let doc: Document | undefined;
  const locator: SpecLocator = (path, target = "value") => {
    if (!doc) return block.fenceSpan;
    const range = locate(doc, path, target);
    return body.span(range.start, range.end);
  };
  let yamlText = body.text;
  const textLocator: SpecTextLocator = (path, start, end) => {
    if (!doc) return block.fenceSpan;
    const range = locate(doc, path, "value");
    const written = yamlText.slice(range.start, range.end);
    const quote = written[0] === '"' || written[0] === "'" ? written[0] : "";
    const before = written.slice(quote.length, quote.length + start);
    // Exact when nothing before the offending token is escaped (\" or '') and the value is on one line.
    const exact = !before.includes("\n") && !(quote === '"' ? before.includes("\\") : quote === "'" ? before.includes("''") : false);
    if (!exact) return body.span(range.start, range.end);
    const from = range.start + quote.length + start;
    return body.span(from, Math.min(range.end, range.start + quote.length + Math.max(end, start)));
  };
  const failed = () => ({ locate: locator, locateText: textLocator, diagnostics });

  if (body.text.trim() === "") {
    if (mayBeEmpty) return { raw: {}, locate: locator, locateText: textLocator, diagnostics };
    diagnostics.push(diagnostic("plot/missing-marks", {}, block.fenceSpan));
    return failed();
  }
  const colon = fullWidthColonProblem(body.text, []);
  if (colon) {
    diagnostics.push(diagnostic("plot/syntax", { detail: colon.detail }, body.span(colon.start, colon.end)));
    return failed();
  }
  // "caption" is not ours, but editors reach for it; read it as prose too, so it gets a helpful message.
  yamlText = quoteProseValues(body.text, [...figureKeys, "caption"]);
  const syntax = (problem: { detail: string; start: number; end: number }) => {
    diagnostics.push(diagnostic("plot/syntax", { detail: problem.detail }, body.span(problem.start, problem.end)));
    return failed();
  };
  doc = parseDocument(yamlText, editorYamlOptions);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return syntax(starredValue(error.pos[0], yamlText) ?? explainYamlError(error, yamlText));
  }
  for (const { offset, name, count, lineBreak } of dropEscapedControlCharacters(doc)) {
    diagnostics.push(diagnostic("story/control-character", { character: name, count, lineBreak, escaped: true }, body.span(offset, offset + 1)));
  }
  const comma = findCommaInText(doc, yamlText);
  if (comma) {
    diagnostics.push(diagnostic("plot/comma-in-text", { key: comma.key, text: comma.text }, body.span(comma.start, comma.end)));
    return failed();
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases that expand too far, or a value such as *estimated that YAML reads as an alias.
    return syntax(yamlValueProblem(error, yamlText));
  }
  if (raw === null && mayBeEmpty) return { raw: {}, locate: locator, locateText: textLocator, diagnostics };
  if (!isJsonObject(raw)) {
    diagnostics.push(diagnostic("plot/not-a-mapping", { found: describe(raw) }, locator([])));
    return failed();
  }
  return { raw, locate: locator, locateText: textLocator, diagnostics };
}
