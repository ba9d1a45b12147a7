import type { DataTable } from "../../data/data-table.ts";
import { type ChartSpec, markDataId } from "./chart-spec.ts";

/**
 * The data id of the shapes a map draws: the first geo mark's, else that of the first mark placed at
 * centroids, when that data is shapes.
 */
export function mapShapesId(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): string | undefined {
  const onShapes = spec.marks.filter((m) => m.mark === "geo" || m.transforms.some((t) => t.name === "centroid" || t.name === "geoCentroid"));
  for (const mark of [...onShapes.filter((m) => m.mark === "geo"), ...onShapes]) {
    const id = markDataId(spec, mark);
    if (id !== undefined && tables.get(id)?.shapes) return id;
  }
  return undefined;
}
