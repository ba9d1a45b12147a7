import { type Box, collide, textBox } from "./text-boxes.ts";

/**
 * Tick thinning (one of Plotline's additions): Plot labels every band of a band or point scale, so 137
 * years of a heatmap or 60 districts run into each other ("1880189019001910…"), and a long time or
 * number format can do the same on a 300 px drawing. After Plot draws, each axis keeps every k-th
 * label, for the smallest k whose labels stand apart at the width the chart was drawn at; the tick
 * marks of the labels left out go too. Years, decades and other evenly spaced numbers keep round ones
 * (1880, 1900, 1920 rather than 1880, 1883, 1886). An axis whose ticks the editor chose (`ticks` of the
 * scale, or `ticks` or `interval` of an axis mark) is left as it is.
 */

/** Room between two labels of an axis, in px: across (x axes) and down (y axes). */
export const TICK_GAP = { x: 4, y: 1 } as const;

/** Steps between kept labels of evenly spaced numbers, up to `n`: 1, 2, 5, 10, 20, 25, 50, 100, …, n. */
function niceSteps(n: number): number[] {
  const steps = new Set<number>();
  for (let power = 1; power <= n; power *= 10) for (const step of [1, 2, 2.5, 5]) if (Number.isInteger(step * power) && step * power <= n) steps.add(step * power);
  steps.add(n);
  return [...steps].sort((a, b) => a - b);
}

/**
 * The numbers labels stand for when they are evenly spaced numbers or hold one year each ("1880",
 * "1,880", "Jan 1, 1880", "1880年"), else undefined: thinning then keeps round ones.
 */
export function evenlySpacedValues(labels: readonly string[]): number[] | undefined {
  if (labels.length < 3) return undefined;
  const values: number[] = [];
  for (const label of labels) {
    const plain = label.replace(/[,\s]/g, "").replace(/^−/, "-");
    if (/^-?\d+(\.\d+)?$/.test(plain)) values.push(Number(plain));
    else {
      const years = label.match(/(?<!\d)[12]\d{3}(?!\d)/g);
      if (years?.length !== 1) return undefined;
      values.push(Number(years[0]));
    }
  }
  const step = values[1]! - values[0]!;
  if (step === 0 || !values.every((v, i) => i === 0 || Math.abs(v - values[i - 1]! - step) < Math.abs(step) * 1e-6)) return undefined;
  return values;
}

/**
 * Which of an axis's labels to keep, in order: every k-th, for the smallest k with which no two kept
 * boxes come closer than `gap` — all of them when they fit. Labels for evenly spaced numbers (`values`)
 * step by 1, 2, 5, 10, 20, 25, 50, … and keep multiples of the step (1880, 1900, … not 1883, 1903, …);
 * other labels step by any k and keep the first.
 */
export function labelsToKeep(boxes: readonly Box[], values?: readonly number[], gap: { x: number; y: number } = TICK_GAP): number[] {
  const n = boxes.length;
  const all = boxes.map((_, i) => i);
  if (n < 2) return all;
  const fits = (kept: readonly number[]) => kept.every((index, i) => i === 0 || !collide(boxes[kept[i - 1]!]!, boxes[index]!, gap.x, gap.y));
  if (fits(all)) return all;
  const even = values && values.length === n ? values : undefined;
  const unit = even ? Math.abs(even[1]! - even[0]!) : 1;
  const steps = even ? niceSteps(n) : all.map((i) => i + 1);
  for (const k of steps) {
    if (k === 1) continue;
    let start = 0;
    if (even) {
      const round = (value: number) => Math.abs(value / (unit * k) - Math.round(value / (unit * k))) < 1e-6;
      const first = even.findIndex((value, i) => i < k && round(value));
      start = first >= 0 ? first : 0;
    }
    const kept: number[] = [];
    for (let i = start; i < n; i += k) kept.push(i);
    if (fits(kept)) return kept;
  }
  return [0];
}

/** An axis group Plot drew, by what its data-label (Plot's aria-label, moved aside) says. */
export const axisGroup = /^(fx|fy|x|y)-axis tick label$/;

/**
 * Thins the tick labels of every axis of a drawn chart (its SVG) to those that fit, and removes the tick
 * marks of the labels left out. `chosen` names the scales whose ticks the editor chose: left alone.
 */
export function thinTickLabels(svg: Element, chosen: ReadonlySet<string> = new Set()): void {
  for (const group of svg.querySelectorAll("g[data-label]")) {
    const scale = axisGroup.exec(group.getAttribute("data-label") ?? "")?.[1];
    if (!scale || chosen.has(scale)) continue;
    const texts = [...group.children].filter((child) => child.tagName.toLowerCase() === "text");
    const measured = texts.flatMap((text) => {
      const box = textBox(text, svg);
      return box ? [{ text, box }] : [];
    });
    if (measured.length < 2) continue;
    const keep = new Set(labelsToKeep(
      measured.map((m) => m.box),
      evenlySpacedValues(measured.map((m) => m.text.textContent ?? "")),
    ));
    if (keep.size === measured.length) continue;
    measured.forEach((m, i) => {
      if (!keep.has(i)) removeTickLabel(m.text);
    });
  }
}

/**
 * A colour legend's ramp (sequential, quantize, quantile, threshold) labels its ticks like an axis, in
 * 240 px: on a phone-sized map its numbers run into each other the same way. Its labels are thinned
 * alike; the tick marks stay, since each still shows where a colour ends.
 */
export function thinLegendTicks(plot: Element): void {
  for (const legend of plot.querySelectorAll("svg")) {
    if (!/-ramp\b/.test(legend.getAttribute("class") ?? "")) continue;
    const measured = [...legend.querySelectorAll("g.tick > text")].flatMap((text) => {
      const box = textBox(text, legend);
      return box ? [{ text, box }] : [];
    });
    if (measured.length < 2) continue;
    const keep = new Set(labelsToKeep(measured.map((m) => m.box), evenlySpacedValues(measured.map((m) => m.text.textContent ?? ""))));
    measured.forEach((m, i) => {
      if (!keep.has(i)) m.text.remove();
    });
  }
}

/**
 * Removes a tick label and its tick mark, which a sibling group ("x-axis tick" beside "x-axis tick label")
 * draws as one path per tick, in the same order.
 */
export function removeTickLabel(text: Element): void {
  const group = text.parentElement;
  const scale = axisGroup.exec(group?.getAttribute("data-label") ?? "")?.[1];
  const texts = group ? [...group.children].filter((child) => child.tagName.toLowerCase() === "text") : [];
  const ticks = scale ? [...(group?.parentElement?.children ?? [])].find((sibling) => sibling.getAttribute("data-label") === `${scale}-axis tick`) : undefined;
  const marks = ticks ? [...ticks.children] : [];
  if (marks.length === texts.length) marks[texts.indexOf(text)]?.remove();
  text.remove();
}

/**
 * Plot writes the numbers of a band or point scale like any number, so a band of years reads "1,880",
 * "1,890": on an axis whose values are all whole numbers from 1000 to 2999 and whose format the editor
 * did not choose, the thousands separator goes. `scales` are those Plot made (plot.scale(name)).
 */
export function unseparateYears(svg: Element, scales: (name: string) => { type?: string; domain?: readonly unknown[] } | undefined, chosen: ReadonlySet<string> = new Set()): void {
  for (const group of svg.querySelectorAll("g[data-label]")) {
    const name = axisGroup.exec(group.getAttribute("data-label") ?? "")?.[1];
    if (!name || chosen.has(name)) continue;
    const scale = scales(name);
    if (!scale || (scale.type !== "band" && scale.type !== "point" && scale.type !== "ordinal")) continue;
    const domain = scale.domain ?? [];
    if (domain.length === 0 || !domain.every((value) => typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 2999)) continue;
    for (const text of group.children) {
      if (text.tagName.toLowerCase() === "text" && /^[12],\d{3}$/.test(text.textContent ?? "")) text.textContent = (text.textContent ?? "").replace(",", "");
    }
  }
}
