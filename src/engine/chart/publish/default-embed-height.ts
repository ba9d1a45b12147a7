import type { ChartSpec } from "../spec/chart-spec.ts";

/**
 * The text width the estimate assumes: a frame about 690 px wide, as in a newspaper's article column,
 * where the chart shows its full-width drawing. Line heights and margins are those of the embed page's
 * stylesheet (src/styles/embed.css and the figure rules of global.css), in CSS px.
 */
const LINE = { title: 22, subtitle: 21, small: 19 };
/** Chinese fonts set small text on taller lines. */
const CHINESE_SMALL_LINE = 23;
/** Characters of Latin text per line at that width; a Chinese character counts as two. */
const PER_LINE = { title: 62, subtitle: 82, small: 100 };
const ROOM = { page: 24, titleGap: 4, subtitleGap: 12, legend: 30, dataRow: 56, firstSmallGap: 12, smallGap: 4, credit: 32 };

/** How many lines a text takes at `perLine` characters a line, wide (CJK) characters counting twice. */
function lines(text: string, perLine: number): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return Math.max(1, Math.ceil(width / perLine));
}

/**
 * The height an embed's iframe has before the host page's script sizes it, or when that script never
 * runs (some CMSs strip scripts): the chart as drawn at its full width, plus its title, subtitle, legend,
 * data links, note, source and credit. It is rounded up to 10 px; in narrower frames, which show the
 * narrow drawing and wrap more text, only the script gets the height right.
 */
export function defaultEmbedHeight(spec: ChartSpec, wideMarkup: string, lang: string): number {
  const small = lang === "zh-CN" ? CHINESE_SMALL_LINE : LINE.small;
  const drawn = /<svg\b[^>]*\bclass="plotline-plot"[^>]*>/.exec(wideMarkup)?.[0] ?? "";
  const chart = Number(/\bheight="([\d.]+)"/.exec(drawn)?.[1] ?? 400);
  const legend = /plotline-plot-(swatches|ramp)/.test(wideMarkup) ? ROOM.legend : 0;
  const { title, subtitle, note, source } = spec.figure;
  // The data links and the credit are one line of small text each (or two, when the links wrap).
  let height = ROOM.page + chart + legend + ROOM.dataRow + ROOM.credit + 3 * (small - LINE.small);
  if (title) height += lines(title, PER_LINE.title) * LINE.title + ROOM.titleGap;
  if (subtitle) height += lines(subtitle, PER_LINE.subtitle) * LINE.subtitle + ROOM.subtitleGap;
  // The first of note and source keeps a wider gap from the data links.
  [note, source]
    .filter((text): text is string => text !== undefined)
    .forEach((text, i) => (height += (i === 0 ? ROOM.firstSmallGap : ROOM.smallGap) + lines(`Source: ${text}`, PER_LINE.small) * small));
  return Math.ceil(height / 10) * 10;
}
