/** A 1-based line and column, as editors count them. Columns count UTF-16 code units. */
export interface LineColumn {
  line: number;
  column: number;
}

/** A region of one source file; `end` is exclusive. */
export interface SourceSpan {
  /** Path as shown to editors, relative to the project root (e.g. `content/stories/ai-jobs.md`). */
  file: string;
  start: LineColumn;
  end: LineColumn;
}

/**
 * The text of one file with a line index, so that byte offsets found by parsers
 * (YAML, CSV, Markdown) can be turned into the line and column an editor sees.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly #lineStarts: number[];

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.#lineStarts = starts;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** The line and column of a 0-based offset (clamped to the text). */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.#lineStarts[low]! + 1 };
  }

  /** The 0-based offset of a 1-based line and column (clamped to the text). */
  offsetAt(position: LineColumn): number {
    const lineIndex = Math.max(0, Math.min(position.line - 1, this.#lineStarts.length - 1));
    return Math.min(this.#lineStarts[lineIndex]! + Math.max(0, position.column - 1), this.text.length);
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.#lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }

  /** A span between two 0-based offsets. */
  span(startOffset: number, endOffset: number = startOffset): SourceSpan {
    return { file: this.path, start: this.positionAt(startOffset), end: this.positionAt(Math.max(startOffset, endOffset)) };
  }

  /** A span covering a whole 1-based line. */
  lineSpan(line: number): SourceSpan {
    const text = this.lineText(line);
    const indent = text.length - text.trimStart().length;
    return { file: this.path, start: { line, column: indent + 1 }, end: { line, column: text.length + 1 } };
  }
}
