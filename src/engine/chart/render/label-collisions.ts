import { type Box, collide, matrixTo, shiftBox, textBox } from "./text-boxes.ts";
import { removeTickLabel } from "./tick-thinning.ts";

/**
 * Label collisions (one of Plotline's additions): after Plot draws, no text of a chart sits on another.
 * Tick labels stay where Plot put them (tick thinning has spaced them); an axis label that touches one
 * moves a little away from its axis, or the tick labels under it go. Then text labels are placed one
 * by one, an editor's text marks before Plotline's automatic labels (the names at the ends of lines):
 * each stays where Plot drew it if nothing is there yet, else moves up or down to the nearest free place
 * within reach (like a dodge), else is left out. Boxes are estimated from the SVG (text-boxes.ts), so
 * the build and the browser decide the same.
 */

/**
 * Room kept between two labels, in px: a little across; down, only what rounding the drawing to 0.01 px
 * could take (the boxes hold the line's leading).
 */
export const LABEL_GAP = { x: 2, y: 0.05 } as const;

export interface LabelToPlace {
  box: Box;
  /** How far it may move up or down, in px. */
  maxShift: number;
  /** Only down (1) or only up (-1); either way when undefined. */
  direction?: 1 | -1;
  /**
   * The way it would rather move: away from the point it labels (up for a label above its point). The
   * other way costs a line more, and reaches `maxAgainst` at most.
   */
  prefer?: 1 | -1;
  maxAgainst?: number;
}

/**
 * Places labels among fixed boxes, in the order given (the first wins a contested place): for each, the
 * vertical shift (px, down positive) to the nearest place where it collides with nothing placed before
 * and stays between `bounds.top` and `bounds.bottom`; null when there is none within its reach. What a
 * label covers once placed is an obstacle to the labels after it. Pure: the boxes are not changed.
 */
export function placeLabels(
  obstacles: readonly Box[],
  labels: readonly LabelToPlace[],
  bounds: { top: number; bottom: number },
  gap: { x: number; y: number } = LABEL_GAP,
): (number | null)[] {
  // What is placed, filed by columns of the drawing, so that a label is checked only against its neighbours.
  const COLUMN = 64;
  const columns = new Map<number, Box[]>();
  const columnsOf = (box: Box) => {
    const first = Math.floor((box.left - gap.x) / COLUMN);
    const last = Math.floor((box.right + gap.x) / COLUMN);
    return last - first > 1000 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  };
  const wide: Box[] = [];
  const place = (box: Box) => {
    const spanned = columnsOf(box);
    if (spanned.length === 0) wide.push(box);
    for (const column of spanned) {
      const list = columns.get(column);
      if (list) list.push(box);
      else columns.set(column, [box]);
    }
  };
  obstacles.forEach(place);
  return labels.map(({ box, maxShift, direction, prefer, maxAgainst = maxShift }) => {
    const near = new Set([...wide, ...columnsOf(box).flatMap((column) => columns.get(column) ?? [])]);
    if (columnsOf(box).length === 0) for (const list of columns.values()) for (const other of list) near.add(other);
    const blockers = [...near].filter((p) => box.left < p.right + gap.x && p.left < box.right + gap.x);
    // Shifts in (lo, hi) make the label collide with that blocker.
    const forbidden = blockers.map((p) => [p.top - box.bottom - gap.y, p.bottom + gap.y - box.top] as const);
    let low = bounds.top - box.top;
    let high = bounds.bottom - box.bottom;
    // A label taller than the room, or already outside it, is held to its reach alone.
    if (low > high) [low, high] = [-Infinity, Infinity];
    low = Math.max(low, prefer === 1 ? -maxAgainst : -maxShift, direction === 1 ? 0 : -Infinity);
    high = Math.min(high, prefer === -1 ? maxAgainst : maxShift, direction === -1 ? 0 : Infinity);
    const candidates = [0, low, high, ...forbidden.flat()].filter((s) => s >= low - 1e-9 && s <= high + 1e-9);
    const line = box.bottom - box.top;
    const cost = (shift: number) => Math.abs(shift) + (prefer !== undefined && shift * prefer < 0 ? line : 0);
    candidates.sort((a, b) => cost(a) - cost(b) || a - b);
    const shift = candidates.find((s) => forbidden.every(([lo, hi]) => s <= lo + 1e-9 || s >= hi - 1e-9));
    if (shift === undefined) return null;
    place(shiftBox(box, 0, shift));
    return shift;
  });
}

/**
 * Spreads labels that would sit on each other (Plotline's names at the ends of lines) into a column,
 * keeping their order from top to bottom: labels that touch form a group centred where its labels want
 * to be, as near as `bounds` allow. Returns each label's new top, in the order given. Pure.
 */
export function dodge(boxes: readonly Box[], bounds: { top: number; bottom: number }, gap: number = LABEL_GAP.y): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.top - boxes[b]!.top || a - b);
  const height = (i: number) => boxes[i]!.bottom - boxes[i]!.top;
  interface Cluster {
    members: number[];
    top: number;
    height: number;
  }
  const clusters: Cluster[] = [];
  const settle = (members: number[]): Cluster => {
    let offset = 0;
    let wanted = 0;
    for (const i of members) {
      wanted += boxes[i]!.top - offset;
      offset += height(i) + gap;
    }
    const total = offset - gap;
    let top = wanted / members.length;
    if (total <= bounds.bottom - bounds.top) top = Math.min(Math.max(top, bounds.top), bounds.bottom - total);
    return { members, top, height: total };
  };
  for (const i of order) {
    clusters.push(settle([i]));
    while (clusters.length > 1) {
      const last = clusters[clusters.length - 1]!;
      const previous = clusters[clusters.length - 2]!;
      if (previous.top + previous.height + gap <= last.top) break;
      clusters.splice(-2, 2, settle([...previous.members, ...last.members]));
    }
  }
  const tops: number[] = [];
  for (const cluster of clusters) {
    let top = cluster.top;
    for (const i of cluster.members) {
      tops[i] = top;
      top += height(i) + gap;
    }
  }
  return tops;
}

/** Groups of labels whose boxes share some width (so could sit on each other), each in the order given. */
function sideBySide(boxes: readonly Box[]): number[][] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.left - boxes[b]!.left);
  const groups: number[][] = [];
  let right = -Infinity;
  for (const i of order) {
    const box = boxes[i]!;
    if (groups.length > 0 && box.left < right) {
      groups[groups.length - 1]!.push(i);
      right = Math.max(right, box.right);
    } else {
      groups.push([i]);
      right = box.right;
    }
  }
  return groups.map((group) => group.sort((a, b) => a - b));
}

type Kind = "tick" | "axis" | "fixed" | "editor" | "automatic";

/**
 * The class of a mark whose labels name the place they stand on (labels at shapes' centroids, render/
 * spec-to-plot.ts): moved a line, "MD" would sit on New York, so such a label only nudges or goes.
 */
export const ANCHORED_LABELS_CLASS = "plotline-anchored";

interface DrawnText {
  text: Element;
  box: Box;
  kind: Kind;
  /** For ticks and axis labels: the scale (x, y, fx, fy) and the group they belong to. */
  scale?: string;
  group: Element | null;
}

/** The nearest group with a data-label (Plot's aria-label of a mark, moved aside by tidyPlotElement). */
function markGroup(element: Element, svg: Element): Element | null {
  for (let node = element.parentElement; node && node !== svg; node = node.parentElement) {
    if (node.hasAttribute("data-label")) return node;
  }
  return null;
}

function classify(text: Element, svg: Element): Omit<DrawnText, "box"> {
  const group = markGroup(text, svg);
  const label = group?.getAttribute("data-label") ?? "";
  const axis = /^(fx|fy|x|y)-axis (tick label|label)$/.exec(label);
  if (axis) return { text, kind: axis[2] === "label" ? "axis" : "tick", scale: axis[1]!, group };
  // Tips drawn on the page (a tip mark without pointer) keep their text inside their box.
  if (/\btip\b/.test(label)) return { text, kind: "fixed", group };
  // Plotline's own labels are hidden from screen readers (the chart's description names the series).
  const automatic = group?.getAttribute("aria-hidden") === "true" || /\bplotline-end-label\b/.test(group?.getAttribute("class") ?? "");
  return { text, kind: automatic ? "automatic" : "editor", group };
}

/** Whether a text or a group around it (inside the chart's SVG) is drawn hidden. */
function hiddenIn(element: Element, svg: Element): boolean {
  for (let node: Element | null = element; node && node !== svg; node = node.parentElement) {
    if (node.getAttribute("visibility") === "hidden" || node.getAttribute("display") === "none") return true;
  }
  return false;
}

/** The height of a drawn SVG, from its viewBox or its height. */
function svgHeight(svg: Element): number {
  const viewBox = svg.getAttribute("viewBox")?.trim().split(/[\s,]+/).map(Number);
  if (viewBox?.length === 4 && Number.isFinite(viewBox[3])) return viewBox[3]!;
  return Number(svg.getAttribute("height")) || Infinity;
}

/** Moves a text down by `shift` px of the SVG (up when negative), whatever the transforms around it. */
function moveText(text: Element, svg: Element, shift: number): void {
  const parent = text.parentElement;
  const [a, b, c, d] = parent ? matrixTo(parent, svg) : [1, 0, 0, 1];
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-9) return;
  // The vector (0, shift) of the SVG in the parent's coordinates.
  const x = (-c * shift) / det;
  const y = (a * shift) / det;
  const round = (n: number) => Math.round(n * 100) / 100 || 0;
  const transform = text.getAttribute("transform");
  text.setAttribute("transform", `translate(${round(x)},${round(y)})${transform ? ` ${transform}` : ""}`);
}

/**
 * Which way a text mark's label would rather move: away from its point. Plot writes a label's dy in its
 * mark's group (translate) and its line anchor in its y ("0.71em": below the point, negative: above).
 */
function preferredWay(text: Element): 1 | -1 | undefined {
  const y = text.getAttribute("y") ?? text.firstElementChild?.getAttribute("y") ?? "";
  const lineAnchor = /^0\.71em$/.test(y) ? 1 : /^-/.test(y) ? -1 : 0;
  const translate = /translate\(\s*[-\d.e]+\s*[, ]\s*([-\d.e]+)/.exec(text.parentElement?.getAttribute("transform") ?? "");
  const dy = translate ? Number(translate[1]) : 0;
  const way = lineAnchor || Math.sign(dy);
  return way === 1 ? 1 : way === -1 ? -1 : undefined;
}

/** Keeps the texts of a drawn chart (its SVG) apart: see the module comment. */
export function separateLabels(svg: Element): void {
  const texts: DrawnText[] = [];
  for (const text of svg.querySelectorAll("text")) {
    // Tips shown only under the pointer are drawn hidden: nothing to keep apart, and never to remove.
    if (hiddenIn(text, svg)) continue;
    const box = textBox(text, svg);
    if (box) texts.push({ ...classify(text, svg), box });
  }
  if (texts.length < 2) return;
  const height = svgHeight(svg);
  const obstacles: DrawnText[] = [];
  const drop = (item: DrawnText) => {
    if (item.kind === "tick") removeTickLabel(item.text);
    else item.text.remove();
    const at = obstacles.indexOf(item);
    if (at >= 0) obstacles.splice(at, 1);
  };
  // Tick labels where Plot put them; one that runs into another axis's label goes (each axis's own labels
  // are thinned by tick-thinning.ts, or were chosen by the editor).
  // A tip shown on the page keeps its text (its box is drawn around it): first, never dropped.
  obstacles.push(...texts.filter((t) => t.kind === "fixed"));
  for (const tick of texts.filter((t) => t.kind === "tick")) {
    if (obstacles.some((o) => o.group !== tick.group && collide(o.box, tick.box))) drop(tick);
    else obstacles.push(tick);
  }
  // Axis labels move away from their axis's tick labels by up to half a line; failing that, the tick
  // labels under them go.
  for (const axis of texts.filter((t) => t.kind === "axis")) {
    const ticks = obstacles.filter((o) => o.kind === "tick" && o.scale === axis.scale);
    const middle = (box: Box) => (box.top + box.bottom) / 2;
    const tickMiddle = ticks.reduce((sum, t) => sum + middle(t.box), 0) / (ticks.length || 1);
    const direction = ticks.length === 0 ? undefined : middle(axis.box) >= tickMiddle ? 1 : -1;
    const lineHeight = axis.box.bottom - axis.box.top;
    const [shift] = placeLabels(
      obstacles.map((o) => o.box),
      [{ box: axis.box, maxShift: lineHeight / 2, ...(direction ? { direction } : {}) }],
      { top: -lineHeight * 0.3, bottom: height + lineHeight * 0.3 },
    );
    if (shift === null || shift === undefined) {
      for (const covered of obstacles.filter((o) => collide(o.box, axis.box, LABEL_GAP.x, LABEL_GAP.y))) drop(covered);
    } else if (shift !== 0) {
      moveText(axis.text, svg, shift);
      axis.box = shiftBox(axis.box, 0, shift);
    }
    obstacles.push(axis);
  }
  // Plotline's labels that would sit on each other are spread into a column first, in their order.
  const automatic = texts.filter((t) => t.kind === "automatic");
  const planned = new Map<DrawnText, number>();
  for (const group of sideBySide(automatic.map((t) => t.box))) {
    if (group.length < 2) continue;
    const tops = dodge(group.map((i) => automatic[i]!.box), { top: 0, bottom: height });
    group.forEach((i, k) => planned.set(automatic[i]!, tops[k]! - automatic[i]!.box.top));
  }
  // Then every text label in turn: the editor's first, as written; then Plotline's, top to bottom.
  const labels = [...texts.filter((t) => t.kind === "editor"), ...[...automatic].sort((a, b) => a.box.top - b.box.top)];
  const shifts = placeLabels(
    obstacles.map((o) => o.box),
    labels.map((label) => {
      const way = preferredWay(label.text);
      const lineHeight = label.box.bottom - label.box.top;
      // An editor's label may go two lines its own way, or a line and a half the other (even onto its
      // point, rather than be left out); Plotline's, spread already, two lines its way and half the other.
      if (label.group?.classList.contains(ANCHORED_LABELS_CLASS)) return { box: label.box, maxShift: lineHeight / 4 };
      return {
        box: shiftBox(label.box, 0, planned.get(label) ?? 0),
        maxShift: lineHeight * 2,
        ...(way ? { prefer: way, maxAgainst: lineHeight * (label.kind === "editor" ? 1.5 : 0.5) } : {}),
      };
    }),
    { top: 0, bottom: height },
  );
  labels.forEach((label, i) => {
    const shift = shifts[i];
    const total = shift === null || shift === undefined ? undefined : shift + (planned.get(label) ?? 0);
    if (total === undefined) label.text.remove();
    else if (total !== 0) moveText(label.text, svg, total);
  });
}
