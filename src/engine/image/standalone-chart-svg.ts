import { labelSeparator, uiStrings } from "../i18n/ui-strings.ts";
import { flattenChart } from "./flatten-chart.ts";
import { xmlText } from "../xml/xml-text.ts";
import { COLORS, FONT_STACK, round, textBlockSvg } from "./svg-text.ts";
import { wrapText } from "./wrap-text.ts";

export interface StandaloneChartParts {
  /** The chart's server-rendered markup at its full width (see render-chart-svg.ts). */
  markup: string;
  title?: string | undefined;
  subtitle?: string | undefined;
  note?: string | undefined;
  source?: string | undefined;
  /** The text alternative, kept as the file's <desc>. */
  alt?: string | undefined;
  lang: string;
}

export interface StandaloneSvg {
  svg: string;
  width: number;
  height: number;
}

const PADDING = 20;

/**
 * A chart as a file of its own, for readers to download and reuse: the full-width drawing with its
 * title and subtitle above and note and source below (attribution travels with the picture), on white,
 * with every colour written out (no currentColor, no CSS variables) and a font list that finds a CJK
 * font on any system. Valid XML with the SVG namespace, so browsers, Illustrator and resvg open it alone.
 */
export function standaloneChartSvg(parts: StandaloneChartParts): StandaloneSvg {
  const chart = flattenChart(parts.markup);
  const width = Math.max(chart.width, 200);
  const strings = uiStrings(parts.lang);
  const separator = labelSeparator(parts.lang);
  const blocks: string[] = [];
  let y = PADDING;
  const add = (text: string | undefined, style: { fontSize: number; lineHeight: number; fill: string; bold?: boolean; label?: string; gap: number }) => {
    if (!text) return;
    const full = style.label ? `${style.label}${text}` : text;
    const lines = wrapText(full, { width, fontSize: style.fontSize, bold: style.bold ?? false, lang: parts.lang });
    blocks.push(textBlockSvg({ lines, x: PADDING, y, ...style }));
    y += lines.length * style.lineHeight + style.gap;
  };
  add(parts.title, { fontSize: 17, lineHeight: 22, fill: COLORS.text, bold: true, gap: 4 });
  add(parts.subtitle, { fontSize: 15, lineHeight: 21, fill: COLORS.muted, gap: 4 });
  if (parts.title || parts.subtitle) y += 8;
  blocks.push(`<g transform="translate(${PADDING},${round(y)})">${chart.body}</g>`);
  y += chart.height;
  if (parts.note || parts.source) y += 10;
  add(parts.note, { fontSize: 13, lineHeight: 19, fill: COLORS.muted, label: `${strings.note}${separator}`, gap: 2 });
  add(parts.source, { fontSize: 13, lineHeight: 19, fill: COLORS.muted, label: `${strings.source}${separator}`, gap: 2 });
  const height = Math.ceil(y + PADDING);
  const total = width + 2 * PADDING;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${total}" height="${height}" ` +
    `viewBox="0 0 ${total} ${height}" font-family="${FONT_STACK}" role="img"${parts.lang ? ` xml:lang="${xmlText(parts.lang)}"` : ""}>` +
    (parts.title ? `<title>${xmlText(parts.title)}</title>` : "") +
    (parts.alt ? `<desc>${xmlText(parts.alt)}</desc>` : "") +
    `<rect width="${total}" height="${height}" fill="${COLORS.background}"/>` +
    blocks.join("") +
    `</svg>\n`;
  return { svg, width: total, height };
}
