import { chartTextWidth } from "../../image/text-width.ts";

/**
 * Where the texts of a drawn chart sit, estimated from the SVG alone: the build draws charts in linkedom,
 * which has no layout (no getBBox), so a text's box comes from its attributes and those of the groups
 * around it (font-size, font-weight, text-anchor, x, y, dx, dy, transforms, its lines) and the shared
 * width estimate (chartTextWidth). The browser runs the same code on its own DOM, so both drawings make
 * the same decisions from the same estimates.
 */

/** A rectangle in the coordinates of the chart's SVG (its viewBox, the px of the drawing). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far a line of text reaches above and below its baseline, in em: as far as browsers' text boxes
 * (Chromium, DejaVu Sans: 0.93 and 0.24, whole pixels at the size drawn), so that boxes estimated to
 * touch overlap on screen by less than a pixel, and lines 1.2 em apart (Plot's rows of labels) do not
 * collide.
 */
export const ASCENT = 0.93;
export const DESCENT = 0.25;
/** The same for a line with Chinese, Japanese or Korean characters, whose fonts reach a little further. */
export const WIDE_ASCENT = 1;
export const WIDE_DESCENT = 0.28;
/** Chinese, Japanese and Korean characters (not arrows or other symbols set at a full em). */
const CJK = /[\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\u{20000}-\u{3fffd}]/u;

/** An affine transform [a, b, c, d, e, f], as SVG writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** An SVG transform attribute as one matrix (translate, rotate, scale, skewX, skewY and matrix). */
export function parseTransform(value: string | null): Matrix {
  let result = IDENTITY;
  if (!value) return result;
  for (const [, name, args] of value.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const n = (args ?? "").split(/[\s,]+/).filter(Boolean).map(Number);
    let m: Matrix = IDENTITY;
    switch (name) {
      case "translate":
        m = [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0];
        break;
      case "scale":
        m = [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0];
        break;
      case "rotate": {
        const a = ((n[0] ?? 0) * Math.PI) / 180;
        const [cx = 0, cy = 0] = [n[1], n[2]];
        const cos = Math.cos(a);
        const sin = Math.sin(a);
        m = multiply(multiply([1, 0, 0, 1, cx, cy], [cos, sin, -sin, cos, 0, 0]), [1, 0, 0, 1, -cx, -cy]);
        break;
      }
      case "skewX":
        m = [1, 0, Math.tan(((n[0] ?? 0) * Math.PI) / 180), 1, 0, 0];
        break;
      case "skewY":
        m = [1, Math.tan(((n[0] ?? 0) * Math.PI) / 180), 0, 1, 0, 0];
        break;
      case "matrix":
        if (n.length === 6 && n.every(Number.isFinite)) m = n as unknown as Matrix;
        break;
    }
    if (m.every(Number.isFinite)) result = multiply(result, m);
  }
  return result;
}

/** The transform from an element's own coordinates to those of `root` (an ancestor). */
export function matrixTo(element: Element, root: Element): Matrix {
  let matrix = IDENTITY;
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    matrix = multiply(parseTransform(node.getAttribute("transform")), matrix);
  }
  return matrix;
}

/** The box a rectangle takes once transformed (its four corners' bounds). */
export function transformBox(m: Matrix, box: Box): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box.left, box.top],
    [box.right, box.top],
    [box.left, box.bottom],
    [box.right, box.bottom],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** An attribute as the element or its nearest ancestor sets it (SVG presentation attributes inherit). */
export function inheritedAttribute(element: Element, name: string): string | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

/** An SVG length in px: "12", "12px", "0.71em" (of the font size); 0 for anything else. */
function length(value: string | null, fontSize: number): number {
  if (value === null) return 0;
  const match = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*(em|px)?\s*$/i.exec(value);
  if (!match) return 0;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return 0;
  return match[2]?.toLowerCase() === "em" ? number * fontSize : number;
}

/** The text of an element without a <title> (Plot adds one to text it cut short). */
function ownText(element: Element): string {
  let text = "";
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? "";
    else if (node.nodeType === 1 && (node as Element).tagName.toLowerCase() !== "title") text += ownText(node as Element);
  }
  return text;
}

export interface TextMetrics {
  fontSize: number;
  bold: boolean;
  /** 0 for start, 0.5 for middle, 1 for end. */
  anchor: number;
}

export function textMetrics(text: Element): TextMetrics {
  const fontSize = parseFloat(inheritedAttribute(text, "font-size") ?? "") || 10;
  const weight = inheritedAttribute(text, "font-weight") ?? "normal";
  const anchor = inheritedAttribute(text, "text-anchor");
  return {
    fontSize,
    bold: /^(bold|bolder|[6-9]00)$/.test(weight.trim()),
    anchor: anchor === "middle" ? 0.5 : anchor === "end" ? 1 : 0,
  };
}

/**
 * The box of a <text> in its own coordinates: one row per line (Plot writes multi-line text as tspans,
 * the first with y, the others with dy, each with x="0"), undefined for a text with nothing to show.
 */
export function localTextBox(text: Element): Box | undefined {
  const { fontSize, bold, anchor } = textMetrics(text);
  const x = length(text.getAttribute("x"), fontSize) + length(text.getAttribute("dx"), fontSize);
  const y = length(text.getAttribute("y"), fontSize) + length(text.getAttribute("dy"), fontSize);
  const tspans = [...text.children].filter((child) => child.tagName.toLowerCase() === "tspan");
  const lines: { text: string; baseline: number; x: number }[] = [];
  if (tspans.length === 0) lines.push({ text: ownText(text), baseline: y, x });
  else {
    let baseline = y;
    for (const tspan of tspans) {
      const ownY = tspan.getAttribute("y");
      baseline = ownY !== null ? length(ownY, fontSize) + length(tspan.getAttribute("dy"), fontSize) : baseline + length(tspan.getAttribute("dy"), fontSize);
      const ownX = tspan.getAttribute("x");
      lines.push({ text: ownText(tspan), baseline, x: (ownX !== null ? length(ownX, fontSize) : x) + length(tspan.getAttribute("dx"), fontSize) });
    }
  }
  let box: Box | undefined;
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const width = chartTextWidth(line.text, fontSize, bold);
    const left = line.x - anchor * width;
    const wide = CJK.test(line.text);
    const next = {
      left,
      right: left + width,
      top: line.baseline - (wide ? WIDE_ASCENT : ASCENT) * fontSize,
      bottom: line.baseline + (wide ? WIDE_DESCENT : DESCENT) * fontSize,
    };
    box = box ? union(box, next) : next;
  }
  return box;
}

/** A text's box in the coordinates of `root` (the chart's SVG), or undefined if it shows nothing. */
export function textBox(text: Element, root: Element): Box | undefined {
  const local = localTextBox(text);
  return local && transformBox(matrixTo(text, root), local);
}

export const union = (a: Box, b: Box): Box => ({
  left: Math.min(a.left, b.left),
  top: Math.min(a.top, b.top),
  right: Math.max(a.right, b.right),
  bottom: Math.max(a.bottom, b.bottom),
});

/** Whether two boxes come closer than `gapX` across and `gapY` down (both must, for them to collide). */
export const collide = (a: Box, b: Box, gapX = 0, gapY = 0): boolean =>
  a.left < b.right + gapX && b.left < a.right + gapX && a.top < b.bottom + gapY && b.top < a.bottom + gapY;

export const shiftBox = (box: Box, dx: number, dy: number): Box => ({ left: box.left + dx, right: box.right + dx, top: box.top + dy, bottom: box.bottom + dy });
