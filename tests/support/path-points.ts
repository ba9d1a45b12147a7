/** The points a path of M/L/Z (absolute or relative steps, as map outlines are written) draws, in whole tenths of a pixel, with Z as null. */
export function pathPoints(d: string): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, letter, a, b] of d.matchAll(/([MLZmlz])(?:(-?\d*\.?\d+),?(-?\d*\.?\d+))?/g)) {
    if (letter === "Z" || letter === "z") {
      out.push(null);
      [x, y] = [startX, startY];
      continue;
    }
    const [dx, dy] = [Math.round(Number(a) * 10) + 0, Math.round(Number(b) * 10) + 0];
    [x, y] = letter === letter!.toLowerCase() ? [x + dx, y + dy] : [dx, dy];
    if (letter === "M" || letter === "m") [startX, startY] = [x, y];
    out.push([x + 0, y + 0]);
  }
  return out;
}

/** The box a path of M/L/Z draws in, in px. */
export function pathBox(d: string): { left: number; right: number; top: number; bottom: number; width: number; height: number } {
  const points = pathPoints(d).filter((p) => p !== null);
  const xs = points.map(([x]) => x / 10);
  const ys = points.map(([, y]) => y / 10);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { left, right, top, bottom, width: right - left, height: bottom - top };
}
