/**
 * A format must suit the values it writes: a date format ("%Y") given numbers, or a number format
 * (".0%") given dates, would write the values as plain text without a word (localizedFormat falls back
 * to String), so the chart shows "2024" or "Thu Jan 01 2024 …" where the editor asked for something
 * else. Checked for a text mark's `format` against the column named by `text`, and for a scale's
 * `tickFormat` against the columns the marks put on that scale, when they all have one type.
 */
import type { StoryData } from "../../data/story-data.ts";
import type { ColumnType } from "../../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { isTimeSpecifier } from "../../i18n/d3-locales.ts";
import { type ChartSpec, type MarkSpec, type SpecPath, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";

const POSITION_SCALES = ["x", "y", "fx", "fy"];

export function checkFormatTypes(
  spec: ChartSpec,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const typeOf = (mark: MarkSpec, column: unknown): ColumnType | undefined => {
    const id = markDataId(spec, mark);
    const table = id === undefined || Array.isArray(mark.data) ? undefined : data.get(id)?.table;
    return typeof column === "string" ? table?.columns.find((c) => c.name === column)?.type : undefined;
  };
  const check = (option: string, format: unknown, column: string, type: ColumnType | undefined, path: SpecPath) => {
    if (typeof format !== "string" || format === "") return;
    const forDates = isTimeSpecifier(format);
    if ((forDates && type === "number") || (!forDates && type === "date")) {
      diagnostics.push(diagnostic("plot/format-mismatch", { option, format, column, type }, locate(path, "value")));
    }
  };

  spec.marks.forEach((mark, index) => {
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    const text = mark.options["text"];
    if (typeof text === "string") check("format", mark.options["format"], text, typeOf(mark, text), [...markPath, "format"]);
  });

  for (const scale of POSITION_SCALES) {
    const options = spec.options[scale];
    if (!isJsonObject(options) || typeof options["tickFormat"] !== "string") continue;
    // The columns on this scale, from marks that put a column of their data there untransformed.
    const placed = spec.marks
      .filter((mark) => typeof mark.options[scale] === "string" && !mark.transforms.some((t) => isJsonObject(t.value) && scale in t.value))
      .map((mark) => ({ column: mark.options[scale] as string, type: typeOf(mark, mark.options[scale]) }));
    const types = new Set(placed.map((p) => p.type));
    if (placed.length === 0 || types.size !== 1) continue;
    check(`${scale}.tickFormat`, options["tickFormat"], placed[0]!.column, placed[0]!.type, [scale, "tickFormat"]);
  }
  return diagnostics;
}
