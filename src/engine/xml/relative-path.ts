/**
 * A map's outline path written with relative steps (`l3.1-.4`) instead of absolute points
 * (`L412.3,208.7`): neighbouring points of a coast or border are a few pixels apart, so each step is a
 * short number, and repeated steps compress well (a world map's drawing weighs 45% less gzipped). Each
 * point is first cut to a tenth of a pixel (decimals after the first dropped, as trimMapPath does) and
 * steps are counted in whole tenths, so adding them up lands on those points (to the renderer's float
 * rounding: a few edge pixels of a world map shade differently at 2×, by at most a fifth): the same picture.
 * A step of zero (two points cut to one) is kept: a ring cut down to one point still draws its dot.
 *
 * Only paths of M, L and Z with plain numbers (what d3's geoPath writes for lines and shapes) are
 * rewritten; for anything else (a point's circle, a curve, an exponent) the answer is undefined.
 * One pass over the characters: a county map has a million of them.
 */
export function relativePath(d: string): string | undefined {
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const n = d.length;
  // Reads a number at i as whole tenths (truncated), or NaN when there is none.
  const tenthsAt = (): number => {
    let sign = 1;
    if (d.charCodeAt(i) === 45) {
      sign = -1;
      i++;
    }
    let whole = 0;
    let digits = 0;
    let code = d.charCodeAt(i);
    while (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      digits++;
      code = d.charCodeAt(++i);
    }
    let tenth = 0;
    if (code === 46) {
      code = d.charCodeAt(++i);
      if (code >= 48 && code <= 57) {
        tenth = code - 48;
        digits++;
        code = d.charCodeAt(++i);
        while (code >= 48 && code <= 57) code = d.charCodeAt(++i);
      }
    }
    return digits === 0 ? NaN : sign * (whole * 10 + tenth);
  };
  while (i < n) {
    const letter = d[i++];
    if (letter === "Z") {
      parts.push("z");
      x = startX;
      y = startY;
      continue;
    }
    if (letter !== "M" && letter !== "L") return undefined;
    const nextX = tenthsAt();
    if (d.charCodeAt(i++) !== 44) return undefined;
    const nextY = tenthsAt();
    if (Number.isNaN(nextX) || Number.isNaN(nextY)) return undefined;
    const dx = nextX - x;
    const dy = nextY - y;
    x = nextX;
    y = nextY;
    if (letter === "M") {
      startX = x;
      startY = y;
    }
    const second = tenths(dy);
    parts.push(`${letter === "M" ? "m" : "l"}${tenths(dx)}${second.charCodeAt(0) === 45 ? "" : ","}${second}`);
  }
  return parts.join("");
}

/** Whole tenths as the shortest text: 5 → ".5", -15 → "-1.5", 30 → "3", -3 → "-.3". */
function tenths(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude / 10);
  const tenth = magnitude % 10;
  return `${sign}${whole === 0 ? "" : whole}${tenth === 0 ? "" : `.${tenth}`}`;
}
