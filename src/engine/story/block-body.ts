import type { SourceFile, SourceSpan } from "../diagnostics/source-file.ts";

/**
 * The text inside a fenced block, with the way back to the story file:
 * parsers report offsets into `text`, diagnostics need the line and column in the file.
 */
export class BlockBody {
  readonly text: string;
  readonly file: SourceFile;
  /** For each line of `text`, the file offset where that line's text begins. */
  readonly #lineFileOffsets: number[];
  readonly #lineBodyOffsets: number[];

  constructor(file: SourceFile, text: string, firstLine: number) {
    this.file = file;
    this.text = text;
    this.#lineFileOffsets = [];
    this.#lineBodyOffsets = [];
    let bodyOffset = 0;
    text.split("\n").forEach((lineText, i) => {
      const fileLine = file.lineText(firstLine + i);
      // Indentation or a blockquote marker was stripped from the value: skip it in the file too.
      const prefix = fileLine.endsWith(lineText) ? fileLine.length - lineText.length : 0;
      this.#lineFileOffsets.push(file.offsetAt({ line: firstLine + i, column: 1 }) + prefix);
      this.#lineBodyOffsets.push(bodyOffset);
      bodyOffset += lineText.length + 1;
    });
  }

  /** The file offset of an offset into `text`. */
  fileOffset(bodyOffset: number): number {
    let low = 0;
    let high = this.#lineBodyOffsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#lineBodyOffsets[mid]! <= bodyOffset) low = mid;
      else high = mid - 1;
    }
    return this.#lineFileOffsets[low]! + (bodyOffset - this.#lineBodyOffsets[low]!);
  }

  /** A file span for a range of `text`. */
  span(start: number, end: number = start): SourceSpan {
    return this.file.span(this.fileOffset(start), this.fileOffset(Math.max(start, end)));
  }

  /** A file span covering line `index` (0-based) of `text`. */
  lineSpan(index: number): SourceSpan {
    const start = this.#lineBodyOffsets[index] ?? 0;
    const lineText = this.text.split("\n")[index] ?? "";
    return this.span(start, start + lineText.length);
  }
}
