/**
 * Some transforms work only on positions that are numbers or dates: hexbin bins the plane into
 * hexagons, which a column of text (categories on a point scale) has no room for, and Plot then fails
 * with "undefined is not a function". A column of numbers with a few cells such as "NaN" that were
 * not read as missing is the usual cause, so the message names the column and the way out.
 */
import type { StoryData } from "../../data/story-data.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { type ChartSpec, type MarkSpec, type SpecPath, markDataId } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";

/** The channels each such transform needs as numbers or dates. */
const QUANTITATIVE_CHANNELS: Readonly<Record<string, readonly string[]>> = { hexbin: ["x", "y"] };

export function checkChannelTypes(
  spec: ChartSpec,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  spec.marks.forEach((mark, index) => {
    const id = markDataId(spec, mark);
    const table = id === undefined || Array.isArray(mark.data) ? undefined : data.get(id)?.table;
    if (!table) return;
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    for (const { name } of mark.transforms) {
      for (const channel of QUANTITATIVE_CHANNELS[name] ?? []) {
        const column = mark.options[channel];
        if (typeof column !== "string") continue;
        const type = table.columns.find((c) => c.name === column)?.type;
        if (type !== "string" && type !== "boolean") continue;
        diagnostics.push(diagnostic("plot/needs-numbers", { transform: name, channel, column, data: table.id, type }, locate([...markPath, channel])));
      }
    }
  });
  return diagnostics;
}
