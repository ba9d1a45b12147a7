import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows, tsvParseRows } from "d3";
import { realDataDir } from "../../support/real-data.ts";
import { describe, expect, it } from "vitest";
import { parseDsv } from "../../../src/engine/data/parse-dsv.ts";

const REALDATA = realDataDir;

/** The scanner must cut text into exactly the cells d3-dsv reads, so positions match values. */
function expectSameAsD3(text: string, delimiter: "," | "\t") {
  const result = parseDsv(text, delimiter);
  if (!result.ok) throw new Error(result.detail);
  const d3 = delimiter === "," ? csvParseRows(text) : tsvParseRows(text);
  expect(result.records.map((r) => r.values)).toEqual(d3);
  // The recorded ranges hold the same cells.
  for (const record of result.records) {
    const fromRanges = record.ranges.map(({ start, end }) =>
      text[start] === '"' ? text.slice(start + 1, end - 1).replace(/""/g, '"') : text.slice(start, end),
    );
    expect(fromRanges).toEqual(record.values);
  }
}

describe("reading delimiter-separated text", () => {
  it.each(readdirSync(REALDATA).filter((f) => f.endsWith(".csv")))("cuts %s into the same cells as d3-dsv", (name) => {
    expectSameAsD3(readFileSync(join(REALDATA, name), "utf8"), ",");
  });
  it.each([
    ["plain", "a,b\n1,2"],
    ["trailing newline", "a,b\n1,2\n"],
    ["two trailing newlines", "a,b\n1,2\n\n"],
    ["blank lines", "a\n\n\nb"],
    ["only a newline", "\n"],
    ["trailing separator", "a,b,\n1,2,"],
    ["quoted cells with separators, quotes and newlines", 'a,b\n"1,2","say ""hi""\nthere"\n"",x'],
    ["quote inside an unquoted cell", 'a,b\n5\'11",x'],
    ["quoted cell at the very end", 'a\n"x"'],
    ["empty quoted cell at the end", 'a,b\n1,""'],
    ["separator at the very end", "a,b\n1,"],
  ])("cuts %s like d3-dsv", (_, text) => {
    expectSameAsD3(text, ",");
  });
  it("cuts TSV like d3-dsv", () => {
    expectSameAsD3('a\tb\n"x\ty"\t2\n3\t"4"', "\t");
  });
  it("records where each record and cell starts", () => {
    const result = parseDsv('a,b\n"x\ny",2\n3,4', ",");
    expect(result.ok && result.records.map((r) => [r.start, r.ranges.map((c) => c.start)])).toEqual([
      [0, [0, 2]],
      [4, [4, 10]],
      [12, [12, 14]],
    ]);
  });
  it("reports a quote that is never closed at the quote", () => {
    expect(parseDsv('a,b\n1,"2\n3,4', ",")).toMatchObject({ ok: false, offset: 6 });
    expect(parseDsv('a\n"x""', ",")).toMatchObject({ ok: false, offset: 2 });
    expect(parseDsv('a\n"', ",")).toMatchObject({ ok: false, offset: 2 });
  });
  it("reports text after a closing quote where it starts", () => {
    expect(parseDsv('a,b\n"1"2,3', ",")).toMatchObject({ ok: false, offset: 7 });
  });
  it("reads nothing from empty text", () => {
    expect(parseDsv("", ",")).toEqual({ ok: true, records: [] });
  });
});
