import type { DataTable } from "./data-table.ts";
import { keyText, tolerantKey } from "./match-keys.ts";

/**
 * Another column of the shapes that the table's unmatched keys would match, when one would match at
 * least half of them: keys such as "FRA" joined against names match the world map's `iso3`, "CA" the
 * states' `postal`, "6" their `id`. Undefined when no column does better.
 */
export function betterKeyColumn(shapes: DataTable, keyColumn: string, unmatched: readonly string[]): string | undefined {
  if (unmatched.length === 0) return undefined;
  const wanted = new Set(unmatched.map(tolerantKey));
  let best: { name: string; count: number } | undefined;
  for (const column of shapes.columns) {
    if (column.name === keyColumn) continue;
    const values = new Set(shapes.rows.map((row) => keyText(row[column.name] ?? null)).filter((text) => text !== undefined).map(tolerantKey));
    let count = 0;
    for (const key of wanted) if (values.has(key)) count++;
    if (count > 0 && count * 2 >= wanted.size && (!best || count > best.count)) best = { name: column.name, count };
  }
  return best?.name;
}
