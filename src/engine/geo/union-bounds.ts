import type { RowShape } from "./row-shape.ts";

/** The extent of a set of shapes in degrees (a shape crossing the antimeridian counts as the whole width). */
export function unionBounds(shapes: Iterable<RowShape | undefined>): [[number, number], [number, number]] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const shape of shapes) {
    const b = shape?.bounds;
    if (!b) continue;
    const [[w, s], [e, n]] = b;
    if (w > e) [west, east] = [-180, 180];
    else [west, east] = [Math.min(west, w), Math.max(east, e)];
    [south, north] = [Math.min(south, s), Math.max(north, n)];
  }
  return Number.isFinite(west) ? [[west, south], [east, north]] : [[-180, -90], [180, 90]];
}

/**
 * The extent of a table's shapes, worked out when first asked for: it needs every shape at full detail
 * (a geoBounds each, half a second for the 3,231 US counties), and most maps never ask.
 */
export function lazyExtent(shapes: readonly RowShape[]): { readonly bounds: [[number, number], [number, number]] } {
  let bounds: [[number, number], [number, number]] | undefined;
  return {
    get bounds() {
      return (bounds ??= unionBounds(shapes));
    },
  };
}
