import { describe, expect, it } from "vitest";
import { diagnostic } from "../../../src/engine/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../../src/engine/diagnostics/format-diagnostic.ts";

const at = (line: number, column: number, endColumn = column + 1) =>
  diagnostic("story/too-deep", { depth: 101, limit: 100 }, { file: "content/stories/x.md", start: { line, column }, end: { line, column: endColumn } });

describe("formatDiagnostic", () => {
  it("draws a code frame of the lines around the problem, with a caret under it", () => {
    const text = formatDiagnostic(at(3, 5, 8), { source: "one\ntwo\nthe value\nfour\nfive" });
    expect(text).toContain("  > 3 | the value\n      |     ^^^");
    expect(text).not.toContain("five");
  });

  it("cuts frame lines of 320,000 characters to a window around the column, caret still under it", () => {
    const long = `dek:${" ".repeat(320_000)}x`;
    const text = formatDiagnostic(at(2, long.length, long.length + 1), { source: `---\n${long}\ndate: 2025-03-21\n---` });
    expect(text.length).toBeLessThan(1000);
    const lines = text.split("\n");
    const marked = lines.findIndex((line) => line.startsWith("  > 2 |"));
    const caret = lines[marked + 1]!.indexOf("^");
    expect(lines[marked]![caret]).toBe("x");
  });
});
