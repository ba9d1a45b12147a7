import type { DataTable } from "../../data/data-table.ts";
import { shapeNameColumn } from "../../geo/shape-name-column.ts";
import { type ChartSpec, type JsonValue, type MarkSpec, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/**
 * A tip over a map's shape that shows only a number ("unemployment 13.5") does not say which country it
 * is. A mark over shapes with a tip that would not show the shape's name gets the name column as a
 * channel of its own, which Plot's tip shows. Made in the spec, not while drawing, so the name travels
 * to the browser with the rest of the chart's data. A `title` (which Plot's tip shows alone) or a
 * channel of that column already names the shape.
 */
export function withShapeNameTips(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, lang: string): ChartSpec {
  let changed = false;
  const marks = spec.marks.map((mark) => {
    const named = withShapeName(mark, tables.get(markDataId(spec, mark) ?? ""), lang);
    changed ||= named !== mark;
    return named;
  });
  return changed ? { ...spec, marks } : spec;
}

function withShapeName(mark: MarkSpec, table: DataTable | undefined, lang: string): MarkSpec {
  const tip = mark.options["tip"];
  if (!table?.shapes || tip === undefined || tip === false || tip === null || mark.options["title"] !== undefined) return mark;
  const column = shapeNameColumn(table.columns, lang);
  if (column === undefined) return mark;
  const channels = isJsonObject(mark.options["channels"]) ? mark.options["channels"] : {};
  const names = (value: JsonValue) => value === column || (isJsonObject(value) && value["value"] === column);
  if ([...Object.values(mark.options), ...Object.values(channels)].some(names)) return mark;
  return { ...mark, options: { ...mark.options, channels: { [column]: column, ...channels } } };
}
