/**
 * How wide a line of text is, in px, without a browser or a canvas: for laying out titles and legends
 * in downloadable charts and social cards, which have no CSS to wrap lines for them (textWidth), and,
 * with an allowance for wider screen fonts, for chart text that must fit its room (chartTextWidth).
 *
 * Widths are those of Noto Sans SC, the font the PNGs are drawn with (see noto-sans-sc.ts): printable
 * ASCII from the font's own advance widths, ideographs, kana, hangul and full-width forms at 1 em,
 * anything else at an average Latin width. Opened elsewhere, a standalone SVG uses the reader's system
 * font, whose widths are close enough for lines that leave a margin.
 */

/** Advance widths of U+0020 to U+007E, in thousandths of an em: regular, then bold. */
const REGULAR = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555,
  278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596,
  599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926,
  610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
];
const BOLD = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590,
  325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770, 667, 770, 682, 624,
  625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590, 567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964,
  641, 626, 644, 644, 437, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
];

/** Characters set at a full em: CJK ideographs and punctuation, kana, hangul, full-width forms, arrows. */
const FULL_WIDTH = /[\u1100-\u115f\u2190-\u21ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Whether a character is set at a full em and may be broken around like an ideograph. */
export function isWideCharacter(char: string): boolean {
  return FULL_WIDTH.test(char);
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) thousandths += table[code - 0x20]!;
    else if (FULL_WIDTH.test(char)) thousandths += 1000;
    else if (code === 0x2014 || code === 0x2026) thousandths += 1000;
    else thousandths += bold ? 620 : 590;
  }
  return (thousandths / 1000) * fontSize;
}

/**
 * Latin text on a reader's screen is set in the system's sans-serif, which can be up to 15% wider than
 * Noto Sans SC: DejaVu Sans (Linux's usual system-ui) and Verdana set "1880" at 25.5 px where Noto Sans
 * SC takes 22.2 px. Ideographs, kana and hangul take 1 em in every font.
 */
const SCREEN_ALLOWANCE = 1.15;

/**
 * The estimate of chart text Plotline lays out with, the one used everywhere a label must fit: margins
 * for long category labels, tick labels thinned to their room, text labels kept apart. How wide a line
 * of chart text can be on a reader's screen, in px: never less than it is drawn in the common system
 * fonts, so that labels kept apart by it stay apart. Chinese, Japanese and Korean characters take 1 em,
 * everything else its width in Noto Sans SC plus 15% (SCREEN_ALLOWANCE); U+2212 (Plot's minus sign) is
 * as wide as a dash in most fonts.
 */
export function chartTextWidth(text: string, fontSize = 10, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let narrow = 0;
  let wide = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) narrow += table[code - 0x20]!;
    else if (FULL_WIDTH.test(char) || code === 0x2014 || code === 0x2026) wide += 1000;
    else if (code === 0x2212) narrow += 730;
    else narrow += bold ? 620 : 590;
  }
  return ((narrow * SCREEN_ALLOWANCE + wide) / 1000) * fontSize;
}
