import { isWideCharacter, textWidth } from "./text-width.ts";

export interface WrapOptions {
  /** The widest a line may be, in px. */
  width: number;
  fontSize: number;
  bold?: boolean;
  /** The text's language, for where Chinese may break ("zh-CN": between words, as Intl.Segmenter finds them). */
  lang?: string;
  /** At most this many lines; the last one kept ends with "…" if text was cut. */
  maxLines?: number;
}

/** Punctuation that may not start a line (Chinese line-breaking rules: 行首禁则). */
const NO_LINE_START = /^[，。、；：！？）》」』】〕〉”’…—·%‰,.;:!?)\]}'"]+$/u;
/** Punctuation that may not end a line (行尾禁则). */
const NO_LINE_END = /^[（《「『【〔〈“‘([{]+$/u;

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: "word" })));
  return segmenter;
}

/**
 * The pieces a line may break between, each with whether a space comes before it. Latin text breaks
 * at spaces only; text with ideographs also between words (Intl.Segmenter's dictionary for Chinese),
 * as browsers do, but never before closing punctuation or after opening punctuation.
 */
function pieces(text: string, lang: string): { text: string; space: boolean }[] {
  const result: { text: string; space: boolean }[] = [];
  for (const [index, word] of text.split(/\s+/).filter(Boolean).entries()) {
    if (![...word].some(isWideCharacter)) {
      result.push({ text: word, space: index > 0 });
      continue;
    }
    // Segments are joined again unless an ideograph is on one side of the boundary ("1/3" stays whole).
    const parts: string[] = [];
    for (const { segment } of wordSegmenter(lang.startsWith("zh") ? lang : "zh-CN").segment(word)) {
      const previous = parts.at(-1);
      const boundaryIsWide = previous !== undefined && (isWideCharacter([...previous].at(-1)!) || isWideCharacter([...segment][0]!));
      if (previous !== undefined && !boundaryIsWide) parts[parts.length - 1] = previous + segment;
      else parts.push(segment);
    }
    const glued: string[] = [];
    let pendingOpen = "";
    for (const part of parts) {
      if (NO_LINE_END.test(part)) {
        pendingOpen += part;
      } else if (NO_LINE_START.test(part) && glued.length > 0 && pendingOpen === "") {
        glued[glued.length - 1] += part;
      } else {
        glued.push(pendingOpen + part);
        pendingOpen = "";
      }
    }
    if (pendingOpen) glued.length ? (glued[glued.length - 1] += pendingOpen) : glued.push(pendingOpen);
    glued.forEach((part, i) => result.push({ text: part, space: i === 0 && index > 0 }));
  }
  return result;
}

/** Cuts a piece wider than a line into lines of as many characters as fit. */
function hardBreak(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of text) {
    if (line && !fits(line + char)) {
      lines.push(line);
      line = "";
    }
    line += char;
  }
  if (line) lines.push(line);
  return lines;
}

/** Breaks text into lines no wider than `width` (as textWidth measures), greedily, as a browser would. */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { width, fontSize, bold = false, lang = "en", maxLines } = options;
  const fits = (line: string) => textWidth(line, fontSize, bold) <= width;
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces(text, lang)) {
    const candidate = line === "" ? piece.text : `${line}${piece.space ? " " : ""}${piece.text}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (fits(piece.text)) {
      line = piece.text;
    } else {
      const broken = hardBreak(piece.text, fits);
      lines.push(...broken.slice(0, -1));
      line = broken.at(-1) ?? "";
    }
  }
  if (line) lines.push(line);
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last.replace(/[\s，、,;：:]+$/u, "")}…`;
  return kept;
}
