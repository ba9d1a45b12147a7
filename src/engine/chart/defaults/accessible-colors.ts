import type { DataTable } from "../../data/data-table.ts";
import { type ChartSpec, type JsonObject, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/**
 * Plotline's default colours for categories. Plot's own default (Tableau 10) has yellows, pinks and
 * light blues that fall below the 3:1 contrast WCAG asks of chart marks on a white page. Each of these
 * has at least 3:1 against both the light (#fdfdfc) and the dark (#141414) page background, and the
 * first two (blue, orange) stay apart for the common kinds of colour blindness.
 */
export const categoricalPalette = [
  "#3b6fc4", // blue
  "#c85a12", // orange
  "#2b8c5a", // green
  "#d0443a", // red
  "#9b59b6", // purple
  "#8a7a28", // olive
  "#2c8fa3", // teal
  "#b5446e", // magenta
  "#7a7a7a", // grey
  "#a0522d", // brown
] as const;

const colorChannels = ["fill", "stroke"] as const;
/**
 * Gives a chart's colour scale the accessible palette when its marks colour by a column of categories
 * (text or true/false values) and the editor chose no colours of their own (scheme, range, type).
 */
export function withAccessibleColors(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const color = spec.options["color"];
  if (color !== undefined && !isJsonObject(color)) return spec;
  const given = isJsonObject(color) ? color : {};
  // A domain only orders the categories; it chooses no colours, so the palette still applies.
  if (["scheme", "range", "type", "interpolate"].some((key) => given[key] !== undefined)) return spec;
  const categorical = spec.marks.some((mark) =>
    colorChannels.some((channel) => {
      const column = mark.options[channel];
      const tableId = markDataId(spec, mark);
      if (typeof column !== "string" || tableId === undefined) return false;
      const type = tables.get(tableId)?.columns.find((c) => c.name === column)?.type;
      return type === "string" || type === "boolean";
    }),
  );
  if (!categorical) return spec;
  return { ...spec, options: { ...spec.options, color: { ...given, range: [...categoricalPalette] } } };
}
