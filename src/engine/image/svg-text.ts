import { xmlText } from "../xml/xml-text.ts";

/**
 * What standalone SVGs (downloads, social cards) share: fonts, colours and text. They are opened
 * without the site's stylesheet, so everything the page's CSS does for a chart is written out here.
 */

/**
 * System fonts first (so a downloaded SVG looks native wherever it is opened, CJK included), then
 * Noto Sans SC: the font the PNGs are drawn with (see noto-sans-sc.ts), which every build machine has.
 */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', " +
  "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** The light theme's colours (see src/styles/global.css): text, secondary text, rules, background. */
export const COLORS = { text: "#1b1b1b", muted: "#555552", rule: "#d6d6d1", background: "#ffffff" } as const;

export interface TextBlock {
  /** Lines already wrapped. */
  lines: readonly string[];
  x: number;
  /** The top of the first line box. */
  y: number;
  fontSize: number;
  lineHeight: number;
  fill: string;
  bold?: boolean;
  /** A label at the start of the first line, set in bold ("Source: "). */
  label?: string;
}

/** One <text> per line, with the baseline placed in each line box as CSS would for a Latin/CJK font. */
export function textBlockSvg(block: TextBlock): string {
  const { lines, x, y, fontSize, lineHeight, fill, bold = false, label } = block;
  const baseline = (lineHeight - fontSize) / 2 + fontSize * 0.88;
  return lines
    .map((line, i) => {
      const top = y + i * lineHeight;
      const bolded = label?.trimEnd();
      const content =
        i === 0 && bolded && line.startsWith(bolded)
          ? `<tspan font-weight="bold">${xmlText(bolded)}</tspan>${xmlText(line.slice(bolded.length))}`
          : xmlText(line);
      return `<text x="${round(x)}" y="${round(top + baseline)}" font-size="${fontSize}"${bold ? ' font-weight="bold"' : ""} fill="${fill}">${content}</text>`;
    })
    .join("");
}

export const round = (n: number): number => Math.round(n * 100) / 100;
