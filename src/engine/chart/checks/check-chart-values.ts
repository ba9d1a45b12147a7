import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { numberFormatProblem } from "./number-format.ts";
import { type ChartSpec, type JsonValue, type MarkSpec, type SpecPath, isJsonObject } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";
import { scaleNames } from "../spec/plot-vocabulary.ts";

type Kind = "number" | "boolean" | "string" | "list" | "text or nothing";
const kindText: Record<Kind, string> = {
  number: "a number",
  boolean: "true or false",
  string: "a text",
  list: "a list such as [0, 100]",
  "text or nothing": "a text, or null for none",
};

/** Options whose value must be of one kind (or one of a few); anything else Plot checks itself. */
const plotOptionKinds: Record<string, Kind[]> = {
  width: ["number"], height: ["number"], aspectRatio: ["number", "boolean"],
  margin: ["number"], marginTop: ["number"], marginRight: ["number"], marginBottom: ["number"], marginLeft: ["number"],
  inset: ["number"], insetTop: ["number"], insetRight: ["number"], insetBottom: ["number"], insetLeft: ["number"],
  label: ["text or nothing"],
};
const scaleOptionKinds: Record<string, Kind[]> = {
  type: ["string"], domain: ["list"], range: ["list"], percent: ["boolean"], reverse: ["boolean"], zero: ["boolean"],
  clamp: ["boolean"], round: ["boolean"], nice: ["boolean", "number", "string"], label: ["text or nothing"],
  ticks: ["number", "string", "list"], tickSize: ["number"], tickPadding: ["number"], tickRotate: ["number"],
  tickSpacing: ["number"], labelOffset: ["number"], padding: ["number"], paddingInner: ["number"],
  paddingOuter: ["number"], scheme: ["string"], base: ["number"], exponent: ["number"], legend: ["boolean", "string"],
  unknown: ["string"], pivot: ["number", "string"],
  inset: ["number"], insetTop: ["number"], insetRight: ["number"], insetBottom: ["number"], insetLeft: ["number"],
};
const markOptionKinds: Record<string, Kind[]> = {
  dx: ["number"], dy: ["number"], inset: ["number"], insetTop: ["number"], insetRight: ["number"],
  insetBottom: ["number"], insetLeft: ["number"], textAnchor: ["string"], lineAnchor: ["string"],
  frameAnchor: ["string"], curve: ["string"], format: ["string"], lineWidth: ["number"], rx: ["number", "string"], ry: ["number", "string"],
};

function fits(value: JsonValue, kind: Kind): boolean {
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "list":
      return Array.isArray(value);
    case "text or nothing":
      return value === null || typeof value === "string" || typeof value === "number";
  }
}

const describe = (value: JsonValue): string =>
  value === null ? "empty" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a set of options" : typeof value === "string" ? `"${value}"` : String(value);

/** A d3-time-format directive (%Y, %b, …) marks a date format; anything else must be a valid d3-format. */
const isTimeFormat = (specifier: string) => /%[-_0]?[aAbBcdefgGHIjLmMpQsSuUVwWxXyYZ]/.test(specifier);

export function formatProblem(specifier: string): string | undefined {
  return isTimeFormat(specifier) ? undefined : numberFormatProblem(specifier);
}

/** Checks the kinds of the options Plot would otherwise misread silently, and every format string. */
export function checkChartValues(spec: ChartSpec, locate: SpecLocator, markPaths: ReadonlyMap<MarkSpec, SpecPath>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (option: string, value: JsonValue, kinds: Kind[] | undefined, path: SpecPath) => {
    if (!kinds || kinds.some((k) => fits(value, k))) return;
    diagnostics.push(
      diagnostic("plot/invalid-value", { option, expected: kinds.map((k) => kindText[k]).join(" or "), found: describe(value) }, locate(path)),
    );
  };
  const checkFormat = (option: string, value: JsonValue, path: SpecPath) => {
    if (typeof value !== "string") return;
    const problem = formatProblem(value);
    if (problem) diagnostics.push(diagnostic("plot/invalid-format", { option, format: value, detail: problem }, locate(path)));
  };

  // The tip mark's own format (Plot's, not Plotline's format of text marks): a format for the title,
  // or one per channel, where true and false and null show a channel as usual or hide it.
  const perChannel = 'a format for each channel, such as {y: "$,.2f"}';
  const checkTipFormats = (value: JsonValue, path: SpecPath, option = "format") => {
    // A tip mark's string format is Plot's format of its title; a mark's tip has no title of its own.
    if (typeof value === "string" && option === "format") return checkFormat("format", value, path);
    if (isJsonObject(value)) {
      for (const [channel, channelFormat] of Object.entries(value)) {
        const channelPath = [...path, channel];
        if (typeof channelFormat === "string") checkFormat(`${option}.${channel}`, channelFormat, channelPath);
        else if (typeof channelFormat !== "boolean" && channelFormat !== null) {
          diagnostics.push(
            diagnostic("plot/invalid-value", { option: `${option}.${channel}`, expected: 'a format in quotes such as "$,.2f" or "%b %Y", true to show the channel as usual, or false to hide it', found: describe(channelFormat) }, locate(channelPath)),
          );
        }
      }
      return;
    }
    diagnostics.push(diagnostic("plot/invalid-value", { option, expected: perChannel, found: describe(value) }, locate(path)));
  };

  for (const [option, value] of Object.entries(spec.options)) {
    check(option, value, plotOptionKinds[option], [option]);
    if (scaleNames.has(option) && typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [scaleOption, scaleValue] of Object.entries(value)) {
        check(`${option}.${scaleOption}`, scaleValue, scaleOptionKinds[scaleOption], [option, scaleOption]);
        if (scaleOption === "tickFormat") checkFormat(`${option}.tickFormat`, scaleValue, [option, scaleOption]);
      }
    }
  }
  spec.marks.forEach((mark, index) => {
    for (const [option, value] of Object.entries(mark.options)) {
      const path: SpecPath = [...(markPaths.get(mark) ?? ["marks", index, mark.mark]), option];
      if (option === "format" && mark.mark === "tip") {
        checkTipFormats(value, path);
        continue;
      }
      if (option === "format" && isJsonObject(value)) {
        // Formats per channel are a tip's: Plotline's format of a text mark is one format for its text.
        const expected = 'one format for the text, such as "$,.2f" (formats per channel belong to the tip: tip: {format: {y: "$,.2f"}})';
        diagnostics.push(diagnostic("plot/invalid-value", { option, expected, found: describe(value) }, locate(path)));
        continue;
      }
      check(option, value, markOptionKinds[option], path);
      if (option === "tickFormat" || option === "format") checkFormat(option, value, path);
      const tipOk = typeof value === "boolean" || value === null || (typeof value === "string" && /^(x|y|xy)$/.test(value)) || (typeof value === "object" && !Array.isArray(value));
      if (option === "tip" && !tipOk) {
        diagnostics.push(diagnostic("plot/invalid-value", { option, expected: 'true, false, "x", "y", "xy" or a set of tip options', found: describe(value) }, locate(path)));
      }
      if (option === "tip" && typeof value === "object" && value !== null && !Array.isArray(value)) {
        if (value["format"] !== undefined) checkTipFormats(value["format"], [...path, "format"], "tip.format");
      }
    }
  });
  return diagnostics;
}
