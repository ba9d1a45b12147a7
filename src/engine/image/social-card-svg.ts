import { flattenChart } from "./flatten-chart.ts";
import { xmlText } from "../xml/xml-text.ts";
import { COLORS, FONT_STACK, round, textBlockSvg } from "./svg-text.ts";
import { wrapText } from "./wrap-text.ts";

export interface SocialCardParts {
  siteName: string;
  title: string;
  dek?: string | undefined;
  lang: string;
  /** The server-rendered markup of the story's first chart at its full width; none for a text-only card. */
  chartMarkup?: string | undefined;
}

/** The size social networks show link previews at (Open Graph, X's large summary card). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const MARGIN = 64;
const TOP = 48;
const SITE_NAME_SIZE = 26;
/** Below this, a chart on the card is too small to read, so the dek gives way to it. */
const MIN_CHART_HEIGHT = 260;

/**
 * Wraps the headline at the largest size that fits in `maxLines`; if none does, the smallest size with
 * the last line cut short ("…").
 */
function fitTitle(title: string, sizes: readonly number[], maxLines: number, lang: string, width: number): { lines: string[]; fontSize: number } {
  for (const fontSize of sizes) {
    const lines = wrapText(title, { width, fontSize, bold: true, lang });
    if (lines.length <= maxLines) return { lines, fontSize };
  }
  const fontSize = sizes.at(-1)!;
  return { lines: wrapText(title, { width, fontSize, bold: true, lang, maxLines }), fontSize };
}

/**
 * The picture shown when a story is shared (og:image): 1200 × 630, white, with the site's name, the
 * headline (wrapped as Chinese and Latin text wrap, shrunk to fit), the dek when there is room, and the
 * story's first chart scaled into the space left, or, for a story without charts, headline and dek alone
 * in larger type. Colours and fonts are explicit, as in downloads (see standalone-chart-svg.ts).
 */
export function socialCardSvg(parts: SocialCardParts): string {
  const width = CARD_WIDTH - 2 * MARGIN;
  const chart = parts.chartMarkup ? flattenChart(parts.chartMarkup) : undefined;
  const blocks: string[] = [];
  blocks.push(`<rect x="${MARGIN}" y="${TOP}" width="48" height="6" fill="${COLORS.text}"/>`);
  blocks.push(textBlockSvg({ lines: [parts.siteName], x: MARGIN, y: TOP + 16, fontSize: SITE_NAME_SIZE, lineHeight: 34, fill: COLORS.text, bold: true }));
  let y = TOP + 16 + 34 + 20;

  const hasChart = chart !== undefined && chart.width > 0 && chart.height > 0;
  const title = fitTitle(parts.title, hasChart ? [56, 48, 42] : [72, 62, 54], hasChart ? 2 : 4, parts.lang, width);
  const titleLineHeight = Math.round(title.fontSize * 1.2);
  blocks.push(textBlockSvg({ lines: title.lines, x: MARGIN, y, fontSize: title.fontSize, lineHeight: titleLineHeight, fill: COLORS.text, bold: true }));
  y += title.lines.length * titleLineHeight + 12;

  const dekSize = hasChart ? 26 : 34;
  const dekLineHeight = Math.round(dekSize * 1.4);
  const dekLines = parts.dek ? wrapText(parts.dek, { width, fontSize: dekSize, lang: parts.lang, maxLines: hasChart ? 2 : 3 }) : [];
  const bottom = CARD_HEIGHT - MARGIN + 16;
  const dekHeight = dekLines.length * dekLineHeight;
  const roomForChart = bottom - (y + dekHeight + 24);
  if (dekLines.length > 0 && (!hasChart || roomForChart >= MIN_CHART_HEIGHT) && y + dekHeight <= bottom) {
    blocks.push(textBlockSvg({ lines: dekLines, x: MARGIN, y, fontSize: dekSize, lineHeight: dekLineHeight, fill: COLORS.muted }));
    y += dekHeight;
  }

  if (hasChart) {
    const top = y + 24;
    const scale = Math.min(width / chart.width, (bottom - top) / chart.height, 2);
    if (scale > 0) {
      const left = MARGIN + (width - chart.width * scale) / 2;
      blocks.push(`<g transform="translate(${round(left)},${round(top)}) scale(${round(scale * 1000) / 1000})">${chart.body}</g>`);
    }
  }

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" ` +
    `viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${FONT_STACK}" xml:lang="${xmlText(parts.lang)}">` +
    `<title>${xmlText(parts.title)}</title>` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLORS.background}"/>` +
    blocks.join("") +
    `</svg>\n`
  );
}
