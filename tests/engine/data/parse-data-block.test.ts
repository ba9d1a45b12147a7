import { describe, expect, it } from "vitest";
import { suggestId } from "../../../src/engine/data/data-id.ts";
import { parseDataBlock } from "../../../src/engine/data/parse-data-block.ts";
import { resolveSrc } from "../../../src/engine/data/resolve-src.ts";
import { at, column, FENCE_LINE, located, memoryFiles, parseData, parseStoryData, story, table, utc } from "./helpers.ts";

const BODY = FENCE_LINE + 1; // the first body line

describe("the id attribute", () => {
  it("a block without an id is reported at its fence and gives no table", () => {
    const result = parseData("format=csv", "a,b\n1,2");
    expect(located(result.diagnostics)).toEqual([at("data/missing-id", FENCE_LINE, 1)]);
    expect(result.table).toBeUndefined();
  });
  it("an id given as a bare word without a value counts as missing", () => {
    expect(located(parseData("id", "a\n1").diagnostics)).toEqual([at("data/missing-id", FENCE_LINE, 1)]);
  });
  it("an id of the wrong form is reported at its value, with a fixed id to use", () => {
    const result = parseData("id=Jobs_2025", "a\n1");
    expect(located(result.diagnostics)).toEqual([at("data/invalid-id", FENCE_LINE, 12)]);
    expect(result.diagnostics[0]!.hint).toBe("Use for example id=jobs-2025");
    // The table is kept under the id as written, so a chart naming it is not reported as well.
    expect(result.table?.id).toBe("Jobs_2025");
  });
  it("suggests ids that are valid", () => {
    expect(suggestId("Café Prices", 0)).toBe("cafe-prices");
    expect(suggestId("2025jobs", 0)).toBe("data-2025jobs");
    expect(suggestId("就业", 2)).toBe("data-3");
    expect(suggestId("--x--", 0)).toBe("x");
  });
  it("accepts lowercase letters, digits and dashes, starting with a letter", () => {
    expect(table("id=ai-jobs-2025", "a\n1").id).toBe("ai-jobs-2025");
  });
});

describe("the format attribute", () => {
  it("reads CSV when no format is given", () => {
    expect(table("id=t", "a,b\n1,2").rows).toEqual([{ a: 1, b: 2 }]);
  });
  it("reads TSV with format=tsv", () => {
    expect(table("id=t format=tsv", "a\tb\n1,000\tx").rows).toEqual([{ a: 1000, b: "x" }]);
  });
  it("accepts yml for yaml and any case", () => {
    expect(table("id=t format=yml", "- a: 1").rows).toEqual([{ a: 1 }]);
    expect(table("id=t format=JSON", '[{"a": 1}]').rows).toEqual([{ a: 1 }]);
  });
  it("an unknown format is reported at its value, with the nearest format", () => {
    const result = parseData("id=jobs format=jsn", '[{"a": 1}]');
    expect(located(result.diagnostics)).toEqual([at("data/unknown-format", FENCE_LINE, 24)]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "json"?');
    expect(result.table).toBeUndefined();
  });
  it("a format without a value is reported as unknown", () => {
    expect(located(parseData("id=t format", "a\n1").diagnostics)).toEqual([at("data/unknown-format", FENCE_LINE, 14)]);
  });
});

describe("CSV in a block", () => {
  it("trims header names and values", () => {
    const t = table("id=t", " city , share \n Beijing , 22.5% ");
    expect(t.columns.map((c) => c.name)).toEqual(["city", "share"]);
    expect(t.rows).toEqual([{ city: "Beijing", share: 0.225 }]);
  });
  it("a number with thousands separators must be quoted and then reads as a number", () => {
    expect(table("id=t", 'city,pop\nBeijing,"21,893,095"').rows).toEqual([{ city: "Beijing", pop: 21893095 }]);
  });
  it("quoted cells may hold commas, quotes and line breaks", () => {
    const t = table("id=t", 'name,note\nA,"says ""hi"", twice"\nB,"two\nlines"');
    expect(column(t, "note")).toEqual(['says "hi", twice', "two\nlines"]);
  });
  it("skips empty lines, lines of spaces and lines of only separators; a trailing newline is fine", () => {
    const t = table("id=t", "\na,b\n1,2\n\n   \n,\n3,4\n");
    expect(t.rows).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
  });
  it("a row with a missing value in one cell keeps the row", () => {
    expect(table("id=t", "a,b\n1,\n,2").rows).toEqual([
      { a: 1, b: null },
      { a: null, b: 2 },
    ]);
  });
  it("an empty block is reported at its fence", () => {
    const result = parseData("id=t", "");
    expect(located(result.diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
    expect(result.table).toBeUndefined();
  });
  it("a block of blank lines is empty", () => {
    expect(located(parseData("id=t", "  \n\n").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
  });
  it("a header without rows is empty", () => {
    expect(located(parseData("id=t", "a,b\n").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
  });
  it("an empty column name is reported at its header cell", () => {
    const result = parseData("id=t", "a,,c\n1,2,3");
    expect(located(result.diagnostics)).toEqual([at("data/empty-column-name", BODY, 3)]);
    expect(result.diagnostics[0]!.message).toBe("Column 2 has an empty name in the header.");
    expect(result.table).toBeUndefined();
  });
  it("a trailing comma in the header is an empty column name", () => {
    expect(located(parseData("id=t", "a,b,\n1,2,").diagnostics)).toEqual([at("data/empty-column-name", BODY, 5)]);
  });
  it("a duplicate column is reported at its second header cell", () => {
    const result = parseData("id=t", "year,value, year\n2021,1,2");
    expect(located(result.diagnostics)).toEqual([at("data/duplicate-column", BODY, 12)]);
    expect(result.diagnostics[0]!.message).toContain('"year"');
    expect(result.table).toBeUndefined();
  });
  it("a row with too few or too many cells is reported at its line", () => {
    const result = parseData("id=t", "a,b,c\n1,2,3\n4,5\n6,7,8,9");
    expect(located(result.diagnostics)).toEqual([at("data/ragged-row", BODY + 2, 1), at("data/ragged-row", BODY + 3, 1)]);
    expect(result.diagnostics[0]!.message).toBe("This row has 2 cells, but the header has 3 columns.");
    expect(result.diagnostics[1]!.message).toBe("This row has 4 cells, but the header has 3 columns.");
  });
  it("a ragged row still gives a table: missing cells are missing, extra cells dropped", () => {
    const result = parseData("id=t", "a,b\n1\n2,3,4");
    expect(result.table?.rows).toEqual([
      { a: 1, b: null },
      { a: 2, b: 3 },
    ]);
  });
  it("reports the first five ragged rows, then one that says how many more there are", () => {
    const body = ["a,b", ...Array.from({ length: 9 }, (_, i) => `${i}`)].join("\n");
    const result = parseData("id=t", body);
    expect(located(result.diagnostics)).toEqual([1, 2, 3, 4, 5, 6].map((i) => at("data/ragged-row", BODY + i, 1)));
    expect(result.diagnostics[4]!.message).not.toContain("more");
    expect(result.diagnostics[5]!.message).toBe(
      "This row has 1 cell, but the header has 2 columns. 3 more rows below it have the wrong number of cells too; they are not listed one by one.",
    );
  });
  it("exactly six ragged rows are all reported plainly", () => {
    const body = ["a,b", ...Array.from({ length: 6 }, (_, i) => `${i}`)].join("\n");
    const result = parseData("id=t", body);
    expect(result.diagnostics).toHaveLength(6);
    expect(result.diagnostics[5]!.message).toBe("This row has 1 cell, but the header has 2 columns.");
  });
  it("keeps line numbers right after a quoted cell that spans lines", () => {
    const result = parseData("id=t", 'name,note\nA,"one\ntwo\nthree"\nB');
    expect(located(result.diagnostics)).toEqual([at("data/ragged-row", BODY + 4, 1)]);
  });
  it("a quote opened but never closed is reported at the opening quote", () => {
    const result = parseData("id=t", 'a,b\n1,2\n3,"four\n5,6\n7,8');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 2, 3)]);
    expect(result.diagnostics[0]!.message).toBe("The CSV data cannot be read: a cell opens a double quote here that is never closed.");
    expect(result.table).toBeUndefined();
  });
  it("a missing closing quote that the next line's quote seems to close is reported at the opening quote", () => {
    const result = parseData("id=t", 'city,pay,note\nA,"30,500,hub\nB,"28,000",tech');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 1, 3)]);
    expect(result.diagnostics[0]!.message).toBe(
      'The CSV data cannot be read: the double quote that opens this cell is closed only on the next line, where "2" follows it; a closing quote is probably missing here.',
    );
  });
  it("text after a closing quote is reported where it starts", () => {
    const result = parseData("id=t", 'a,b\n"x" ,2');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 1, 4)]);
    expect(result.diagnostics[0]!.message).toContain("a space follows the closing quote");
  });
  it("a quote inside an unquoted cell is part of the value, as d3-dsv reads it", () => {
    expect(table("id=t", "height,who\n5'11\",Ann").rows).toEqual([{ height: "5'11\"", who: "Ann" }]);
  });
  it("points into a block indented in a blockquote", () => {
    const results = parseStoryData(story("> ```data id=t\n> a,b\n> 1\n> ```\n"));
    expect(located(results[0]!.diagnostics)).toEqual([at("data/ragged-row", BODY + 1, 3)]);
  });
  it("a ragged TSV row is reported like a CSV one", () => {
    expect(located(parseData("id=t format=tsv", "a\tb\n1").diagnostics)).toEqual([at("data/ragged-row", BODY + 1, 1)]);
  });
});

describe("columns read as text because of a few cells", () => {
  it("a column of numbers with a dash cell is text, with a warning at the first such cell", () => {
    const result = parseData("id=t", "city,jobs\nA,12\nB,-\nC,7\nD,-\nE,5");
    expect(located(result.diagnostics)).toEqual([at("data/mixed-column", BODY + 2, 3)]);
    expect(result.diagnostics[0]!.severity).toBe("warning");
    expect(result.diagnostics[0]!.hint).toContain('types="jobs:string"');
    expect(result.diagnostics[0]!.hint).toContain('missing="NA,-"');
    expect(column(result.table!, "jobs")).toEqual(["12", "-", "7", "-", "5"]);
  });
  it("giving the column the type string keeps it as text without a warning", () => {
    expect(column(table('id=t types="jobs:string"', "jobs\n12\nNA\n7"), "jobs")).toEqual(["12", "NA", "7"]);
  });
});

describe("the types attribute", () => {
  it("a forced string keeps leading zeros", () => {
    const t = table('id=t types="fips:string"', "fips,pop\n01001,55869");
    expect(t.rows).toEqual([{ fips: "01001", pop: 55869 }]);
    expect(t.columns[0]).toEqual({ name: "fips", type: "string" });
  });
  it("a forced date makes years of four-digit integers under any header", () => {
    const t = table('id=t types="season : date"', "season,wins\n2021,3\n2022,5");
    expect(t.columns[0]).toEqual({ name: "season", type: "date", precision: "year" });
    expect(column(t, "season")).toEqual([new Date("2021-01-01T00:00:00Z"), new Date("2022-01-01T00:00:00Z")]);
  });
  it("a forced number turns a year column back into numbers", () => {
    expect(table('id=t types="year:number"', "year\n2021").rows).toEqual([{ year: 2021 }]);
  });
  it("accepts several entries and a type in any case", () => {
    const t = table('id=t types="a:String, b:NUMBER"', "a,b\n1,2");
    expect(t.rows).toEqual([{ a: "1", b: 2 }]);
  });
  it("a value that does not fit its forced type is reported at its cell", () => {
    const result = parseData('id=t types="n:number"', "name,n\nA,1\nB, about 3\nC,4");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 2, 3)]);
    expect(result.diagnostics[0]!.message).toBe('The column "n" is typed as number, but holds "about 3".');
    expect(result.table?.rows[1]).toEqual({ name: "B", n: null });
  });
  it("a value that is not a date in a forced date column is reported with a date hint", () => {
    const result = parseData('id=t types="d:date"', "d\n2025-03\nMarch 2025");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 2, 1)]);
    expect(result.diagnostics[0]!.hint).toBe('Write dates as 2025, 2025-03 or 2025-03-21, or give the way they are written: types="d:date(%b-%Y)" reads Jan-1992.');
  });
  it("a value that is not true/false in a forced boolean column is reported with a boolean hint", () => {
    const result = parseData('id=t types="ok:boolean"', "ok\ntrue\nyes");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 2, 1)]);
    expect(result.diagnostics[0]!.hint).toBe("Write true or false, or leave the cell empty.");
  });
  it("reports at most five values per column that do not fit", () => {
    const body = ["n", ...Array.from({ length: 8 }, () => "x")].join("\n");
    expect(parseData('id=t types="n:number"', body).diagnostics).toHaveLength(5);
  });
  it("an unknown type is reported at the type", () => {
    const result = parseData('id=t types="a:text"', "a\n1");
    expect(located(result.diagnostics)).toEqual([at("data/unknown-type", FENCE_LINE, 23)]);
    expect(result.diagnostics[0]!.message).toBe('"text" is not a column type (given for "a").');
    expect(result.table?.columns[0]?.type).toBe("number");
  });
  it("a type for a column that does not exist is reported at the name, with the nearest column", () => {
    const result = parseData('id=t types="year:date,salery:number"', "year,salary\n2021,1");
    expect(located(result.diagnostics)).toEqual([at("data/type-unknown-column", FENCE_LINE, 31)]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "salary"?');
  });
  it("an entry without a colon is reported", () => {
    const result = parseData('id=t types="year:date, value"', "year,value\n2021,1");
    expect(located(result.diagnostics)).toEqual([at("data/types-syntax", FENCE_LINE, 32)]);
    expect(result.diagnostics[0]!.message).toBe('The types= attribute cannot be read: "value" has no ":" between a column name and its type.');
  });
  it("a column typed twice is reported at its second mention", () => {
    expect(located(parseData('id=t types="a:string,a:number"', "a\n1").diagnostics)).toEqual([at("data/types-syntax", FENCE_LINE, 30)]);
  });
  it("types without a value is reported", () => {
    expect(located(parseData("id=t types", "a\n1").diagnostics)).toEqual([at("data/types-syntax", FENCE_LINE, 14)]);
  });
});

describe("JSON", () => {
  it("a list of objects is a table whose columns are every key in first-seen order", () => {
    const t = table("id=t format=json", '[{"city": "Beijing", "share": 0.33}, {"share": 0.2, "note": "est."}]');
    expect(t.kind).toBe("table");
    expect(t.columns.map((c) => c.name)).toEqual(["city", "share", "note"]);
    expect(t.rows).toEqual([
      { city: "Beijing", share: 0.33, note: null },
      { city: null, share: 0.2, note: "est." },
    ]);
  });
  it("text values follow the cell rules column by column", () => {
    const t = table("id=t format=json", '[{"when": "2025-03", "growth": "22.5%", "ok": "TRUE"}, {"when": "2025-04", "growth": 0.1, "ok": false}]');
    expect(t.rows).toEqual([
      { when: new Date("2025-03-01T00:00:00Z"), growth: 0.225, ok: true },
      { when: new Date("2025-04-01T00:00:00Z"), growth: 0.1, ok: false },
    ]);
    expect(t.columns[0]).toEqual({ name: "when", type: "date", precision: "month" });
  });
  it("a column mixing numbers and other text becomes text", () => {
    expect(column(table("id=t format=json", '[{"n": 1.5}, {"n": "lots"}]'), "n")).toEqual(["1.5", "lots"]);
  });
  it("one object of named values gives values and a name/value table", () => {
    const t = table("id=t format=json", '{"growth": "22.5%", "jobs": 1200, "source": "Liepin"}');
    expect(t.kind).toBe("values");
    expect(t.values).toEqual({ growth: 0.225, jobs: 1200, source: "Liepin" });
    expect(t.columns).toEqual([
      { name: "name", type: "string" },
      { name: "value", type: "string" },
    ]);
    expect(t.rows).toEqual([
      { name: "growth", value: "22.5%" },
      { name: "jobs", value: "1200" },
      { name: "source", value: "Liepin" },
    ]);
  });
  it("named values that are all numbers give a number value column", () => {
    const t = table("id=t format=json", '{"low": "10%", "high": 0.3}');
    expect(t.columns[1]).toEqual({ name: "value", type: "number" });
    expect(t.rows).toEqual([
      { name: "low", value: 0.1 },
      { name: "high", value: 0.3 },
    ]);
  });
  it("types= names a named value to force its type", () => {
    const t = table('id=t format=json types="code:string"', '{"code": "007", "n": "007"}');
    expect(t.values).toEqual({ code: "007", n: 7 });
  });
  it("a key named __proto__ is an ordinary column", () => {
    const t = table("id=t format=json", '[{"__proto__": 1, "a": 2}]');
    expect(Object.keys(t.rows[0]!)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(t.rows[0])).toBe(Object.prototype);
  });
  it("a trailing comma is reported where it is", () => {
    const result = parseData("id=t format=json", '[\n  {"a": 1},\n  {"a": 2},\n]');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 3, 1)]);
    expect(result.diagnostics[0]!.message).toBe('The JSON data cannot be read: a comma comes right before "]"; remove the comma after the last item.');
    expect(result.table).toBeUndefined();
  });
  it("a missing comma is reported where the next value starts", () => {
    const result = parseData("id=t format=json", '[\n  {"a": 1}\n  {"a": 2}\n]');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 2, 3)]);
  });
  it("a name without double quotes is reported at the name", () => {
    const result = parseData("id=t format=json", '[{"a": 1, b: 2}]');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY, 11)]);
  });
  it("single quotes are reported with a hint to use double quotes", () => {
    const result = parseData("id=t format=json", "[{\"a\": 'x'}]");
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY, 8)]);
    expect(result.diagnostics[0]!.message).toContain("double quotes, not single quotes");
  });
  it("an unclosed list is reported at the end", () => {
    expect(located(parseData("id=t format=json", '[{"a": 1}').diagnostics)).toEqual([at("data/syntax", BODY, 10)]);
  });
  it("a bare word is reported", () => {
    const result = parseData("id=t format=json", '[{"a": NaN}]');
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY, 8)]);
    expect(result.diagnostics[0]!.message).toContain('"NaN" is not a JSON value');
  });
  it("a single value is not a table", () => {
    const result = parseData("id=t format=json", "42");
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY, 1)]);
    expect(result.diagnostics[0]!.message).toBe(
      "The JSON data is a single number 42, but Plotline needs a list of rows or a set of named values.",
    );
  });
  it("a list of plain values is not a table, and the message says so", () => {
    const result = parseData("id=t format=json", "[2021, 2022, 2023, 2024]");
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY, 1)]);
    expect(result.diagnostics[0]!.message).toContain("a list of single values (2021, 2022, 2023, …) rather than rows with named columns");
  });
  it("a list with an item that is not a row is reported at the item", () => {
    const result = parseData("id=t format=json", '[{"a": 1},\n [1, 2]]');
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY + 1, 2)]);
    expect(result.diagnostics[0]!.message).toContain("item 2 is a list");
  });
  it("a nested value in a row is reported at the value", () => {
    const result = parseData("id=t format=json", '[{"a": 1, "b": {"c": 2}}]');
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY, 16)]);
    expect(result.diagnostics[0]!.message).toContain('"b" in row 1 holds a nested set of named values');
  });
  it("a nested value among named values is reported at the value", () => {
    const result = parseData("id=t format=json", '{"a": 1,\n "b": [1, 2]}');
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY + 1, 7)]);
  });
  it("columns written as lists are not a table, and the message says so", () => {
    const result = parseData("id=t format=json", '{"year": [2021, 2022], "n": [1, 2]}');
    expect(result.diagnostics[0]!.message).toContain('a set of columns, each a list of values ("year", "n")');
  });
  it("an empty list or object is empty", () => {
    expect(located(parseData("id=t format=json", "[]").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
    expect(located(parseData("id=t format=json", "{}").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
    expect(located(parseData("id=t format=json", "[{}, {}]").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
  });
  it("an empty key is reported at the key", () => {
    const result = parseData("id=t format=json", '[{"a": 1, " ": 2}]');
    expect(located(result.diagnostics)).toEqual([at("data/empty-column-name", BODY, 11)]);
  });
  it("two keys that differ only by spaces are a duplicate column", () => {
    const result = parseData("id=t format=json", '[{"a": 1, "a ": 2}]');
    expect(located(result.diagnostics)).toEqual([at("data/duplicate-column", BODY, 11)]);
  });
  it("a value that does not fit its forced type is reported at the value", () => {
    const result = parseData('id=t format=json types="n:number"', '[\n  {"n": 1},\n  {"n": "one"}\n]');
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 2, 9)]);
  });
});

describe("YAML", () => {
  it("a list of rows is a table", () => {
    const t = table("id=t format=yaml", "- city: Beijing\n  share: 22.5%\n- city: Shanghai\n  share: 0.2");
    expect(t.rows).toEqual([
      { city: "Beijing", share: 0.225 },
      { city: "Shanghai", share: 0.2 },
    ]);
  });
  it("YAML dates arrive as text and become dates; yes stays text", () => {
    const t = table("id=t format=yaml", "- day: 2025-03-21\n  answer: yes\n- day: 2025-03-22\n  answer: no");
    expect(t.columns).toEqual([
      { name: "day", type: "date", precision: "day" },
      { name: "answer", type: "string" },
    ]);
  });
  it("named values are values", () => {
    const t = table("id=t format=yaml", "growth: 22.5%\nyear: 2025\nlabel: AI jobs");
    expect(t.kind).toBe("values");
    expect(t.values).toEqual({ growth: 0.225, year: new Date("2025-01-01T00:00:00Z"), label: "AI jobs" });
  });
  it("null and ~ are missing values", () => {
    expect(table("id=t format=yaml", "- a: 1\n- a: ~\n- a: null").rows).toEqual([{ a: 1 }, { a: null }, { a: null }]);
  });
  it("an unclosed bracket is reported at the bracket, not where YAML notices it", () => {
    const result = parseData("id=t format=yaml", "- a: 1\n- a: [2, 3\n- a: 4");
    // The yaml package notices the unclosed "[" where the next item starts; editors need the "[".
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 1, 6)]);
    expect(result.diagnostics[0]!.message).toContain('a "[" is opened but not closed');
    expect(result.table).toBeUndefined();
  });
  it("a name indented under a value is reported at that value", () => {
    const result = parseData("id=t format=yaml", "growth: 1\n  share: 2");
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY, 9)]);
  });
  it("a name given twice is a syntax error at the second", () => {
    const result = parseData("id=t format=yaml", "a: 1\nb: 2\na: 3");
    expect(located(result.diagnostics)).toEqual([at("data/syntax", BODY + 2, 1)]);
  });
  it("a document with only a comment is empty", () => {
    expect(located(parseData("id=t format=yaml", "# nothing yet").diagnostics)).toEqual([at("data/empty", FENCE_LINE, 1)]);
  });
  it("a list of plain values is not a table", () => {
    const result = parseData("id=t format=yaml", "- 1\n- 2");
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY, 1)]);
    expect(result.diagnostics[0]!.message).toContain("YAML data is a list of single values (1, 2)");
  });
  it("a nested value in a row is reported at the value", () => {
    const result = parseData("id=t format=yaml", "- a: 1\n  b:\n    c: 2");
    expect(located(result.diagnostics)).toEqual([at("data/not-a-table", BODY + 2, 5)]);
  });
  it("a single text is not a table", () => {
    expect(parseData("id=t format=yaml", "hello").diagnostics[0]!.message).toContain('a single text "hello"');
  });
  it("a value that does not fit its forced type is reported at the value", () => {
    const result = parseData('id=t format=yaml types="n:number"', "- n: 1\n- n: one");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 1, 6)]);
  });
  it("a named value that does not fit its forced type is reported at the value", () => {
    const result = parseData('id=t format=yaml types="growth:number"', "source: Liepin\ngrowth: about a fifth");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 1, 9)]);
    expect(result.table?.values).toEqual({ source: "Liepin", growth: null });
  });
  it("an empty key among rows is reported at the key", () => {
    expect(located(parseData("id=t format=yaml", '- a: 1\n  "": 2').diagnostics)).toEqual([at("data/empty-column-name", BODY + 1, 3)]);
  });
});

describe("src= files", () => {
  const files = memoryFiles({
    "jobs-2025.csv": "city,share\nBeijing,22.5%\n",
    "jobs.tsv": "city\tshare\nBeijing\t0.2\n",
    "rates.json": '{"growth": "3%"}',
    "rows.yml": "- a: 1\n",
    "UPPER.CSV": "a\n1\n",
    "notes.txt": "a\n1\n",
    "archive/2019/wages.csv": "a\n1\n",
    "broken.csv": "a,b\n1,2\n3\n",
    "broken.json": '[\n  {"a": 1},\n  {"a": 2}\n  {"a": 3}\n]',
    "broken.yaml": "- a: 1\n - b: 2\n",
    "empty.csv": "",
    "bom-crlf.csv": "\uFEFFname,n\r\nA,1\r\nB,2\r\n",
    "plain.csv": "name,n\nA,1\nB,2\n",
    "bom-crlf-ragged.csv": "\uFEFFname,n\r\nA,1\r\nB\r\n",
    "quoted-crlf.csv": 'name,note\r\nA,"x\r\ny"\r\nB\r\n',
  });

  it("reads a file from the data folder, its format from the extension", () => {
    const t = table('id=t src="jobs-2025.csv"', "", files);
    expect(t.rows).toEqual([{ city: "Beijing", share: 0.225 }]);
    expect(t.src).toBe("jobs-2025.csv");
    expect(table("id=t src=jobs.tsv", "", files).rows).toEqual([{ city: "Beijing", share: 0.2 }]);
    expect(table("id=t src=rates.json", "", files).values).toEqual({ growth: 0.03 });
    expect(table("id=t src=rows.yml", "", files).rows).toEqual([{ a: 1 }]);
    expect(table("id=t src=UPPER.CSV", "", files).rows).toEqual([{ a: 1 }]);
  });
  it("format= wins over the extension", () => {
    expect(table("id=t src=notes.txt format=csv", "", files).rows).toEqual([{ a: 1 }]);
  });
  it("reads a file in a subfolder, also through a .. that stays inside", () => {
    expect(table("id=t src=archive/2019/wages.csv", "", files).src).toBe("archive/2019/wages.csv");
    expect(table("id=t src=archive/../archive/2019/./wages.csv", "", files).src).toBe("archive/2019/wages.csv");
  });
  it("an unknown extension is reported at the src value", () => {
    const result = parseData("id=t src=notes.txt", "", files);
    expect(located(result.diagnostics)).toEqual([at("data/src-unknown-extension", FENCE_LINE, 18)]);
    expect(result.table).toBeUndefined();
  });
  it("an unknown format= on a file of unknown extension is reported once", () => {
    const result = parseData("id=t src=notes.txt format=text", "", files);
    expect(located(result.diagnostics)).toEqual([at("data/unknown-format", FENCE_LINE, 35)]);
  });
  it("a block with both src and rows is reported at its first row", () => {
    const result = parseData("id=t src=jobs-2025.csv", "\ncity,share\nX,1", files);
    expect(located(result.diagnostics)).toEqual([at("data/src-and-body", BODY + 1, 1)]);
    expect(result.table).toBeUndefined();
  });
  it("a block with src and only blank lines is fine", () => {
    expect(table("id=t src=jobs-2025.csv", "\n  \n", files).rows).toHaveLength(1);
  });
  it.each([
    ["../secrets.csv"],
    ["archive/../../secrets.csv"],
    ["/etc/passwd"],
    ["C:/data/jobs.csv"],
    ["c:jobs.csv"],
    ["archive\\2019\\wages.csv"],
    ["~/Downloads/jobs.csv"],
    ["https://example.com/jobs.csv"],
  ])("%s is outside the data folder", (src) => {
    const result = parseData(`id=t src=${src}`, "", files);
    expect(located(result.diagnostics)).toEqual([at("data/src-outside-data", FENCE_LINE, 18)]);
    expect(result.diagnostics[0]!.message).toBe(`"${src}" points outside the data/ folder.`);
  });
  it("resolves paths without leaving the folder", () => {
    expect(resolveSrc("a/./b//c.csv")).toBe("a/b/c.csv");
    expect(resolveSrc("a/../b.csv")).toBe("b.csv");
    expect(resolveSrc("../b.csv")).toBeUndefined();
  });
  it("a missing file is reported at the src value with the nearest file name", () => {
    const result = parseData("id=t src=jobs-2024.csv", "", files);
    expect(located(result.diagnostics)).toEqual([at("data/src-not-found", FENCE_LINE, 18)]);
    expect(result.diagnostics[0]!.message).toBe('There is no file "data/jobs-2024.csv". Did you mean "jobs-2025.csv"?');
  });
  it("a file of the same name in another folder is suggested", () => {
    const result = parseData("id=t src=wages.csv", "", files);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "archive/2019/wages.csv"?');
  });
  it("an empty src is a file that does not exist", () => {
    expect(located(parseData('id=t src=""', "", files).diagnostics)).toEqual([at("data/src-not-found", FENCE_LINE, 19)]);
  });
  it("a file source that fails to read is reported as not found, not thrown", () => {
    const failing = { displayRoot: "data", read: () => { throw new Error("EACCES"); }, list: () => { throw new Error("EACCES"); } };
    expect(located(parseData("id=t src=x.csv", "", failing).diagnostics)).toEqual([at("data/src-not-found", FENCE_LINE, 18)]);
  });
  it("an error inside a CSV file points into that file", () => {
    const result = parseData("id=t src=broken.csv", "", files);
    expect(located(result.diagnostics)).toEqual(["data/ragged-row data/broken.csv:3:1"]);
  });
  it("an error inside a JSON file points into that file", () => {
    expect(located(parseData("id=t src=broken.json", "", files).diagnostics)).toEqual(["data/syntax data/broken.json:4:3"]);
  });
  it("an error inside a YAML file points into that file", () => {
    const result = parseData("id=t src=broken.yaml", "", files);
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}`)).toEqual(["data/syntax data/broken.yaml:2"]);
  });
  it("the data folder's display name is used in positions", () => {
    const other = memoryFiles({ "x.csv": "a,b\n1\n" }, "datasets");
    expect(located(parseData("id=t src=x.csv", "", other).diagnostics)).toEqual(["data/ragged-row datasets/x.csv:2:1"]);
  });
  it("an empty file is reported at the src value", () => {
    expect(located(parseData("id=t src=empty.csv", "", files).diagnostics)).toEqual([at("data/empty", FENCE_LINE, 18)]);
  });
  it("CRLF and a BOM read the same as plain LF", () => {
    expect(table("id=t src=bom-crlf.csv", "", files).rows).toEqual(table("id=t src=plain.csv", "", files).rows);
    expect(table("id=t src=bom-crlf.csv", "", files).columns.map((c) => c.name)).toEqual(["name", "n"]);
  });
  it("CRLF and a BOM do not move line and column numbers", () => {
    expect(located(parseData("id=t src=bom-crlf-ragged.csv", "", files).diagnostics)).toEqual(["data/ragged-row data/bom-crlf-ragged.csv:3:1"]);
    const quoted = parseData("id=t src=quoted-crlf.csv", "", files);
    expect(located(quoted.diagnostics)).toEqual(["data/ragged-row data/quoted-crlf.csv:4:1"]);
  });
  it("a file saved as GBK / GB18030 is read as such, with a warning at the src value", () => {
    // "城市,1" in GBK on line 2.
    const gbk = new Uint8Array([...new TextEncoder().encode("city,n\n"), 0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0x31, 0x0a]);
    const result = parseData("id=t src=gbk.csv", "", memoryFiles({ "gbk.csv": gbk }));
    expect(located(result.diagnostics)).toEqual([at("data/other-encoding", FENCE_LINE, 18)]);
    expect(result.diagnostics[0]!.severity).toBe("warning");
    expect(result.table?.rows).toEqual([{ city: "城市", n: 1 }]);
  });
  it("a file in another encoding (Windows-1252) is reported on the line of the first bad byte", () => {
    // "Zoë," in Windows-1252 on line 2.
    const latin = new Uint8Array([...new TextEncoder().encode("name,n\nZo"), 0xeb, 0x2c, 0x31, 0x0a]);
    const result = parseData("id=t src=latin.csv", "", memoryFiles({ "latin.csv": latin }));
    expect(located(result.diagnostics)).toEqual(["data/encoding data/latin.csv:2:1"]);
    expect(result.diagnostics[0]!.message).toContain("is not saved as UTF-8 text");
    expect(result.table).toBeUndefined();
  });
  it("a UTF-16 file with a byte-order mark is read as UTF-16, with a warning", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x31, 0x00]);
    const result = parseData("id=t src=u.csv", "", memoryFiles({ "u.csv": utf16 }));
    expect(located(result.diagnostics)).toEqual([at("data/other-encoding", FENCE_LINE, 18)]);
    expect(result.table?.rows).toEqual([{ a: 1 }]);
  });
  it("a src of a missing file and a body both get reported", () => {
    const result = parseData("id=t src=nope.csv", "a\n1", files);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["data/src-and-body", "data/src-not-found"]);
  });
});

describe("robustness", () => {
  // A small deterministic generator, so a failure can be replayed.
  function* texts(seed: number, count: number): Generator<string> {
    const pieces = ['"', ",", "\n", "\t", "{", "}", "[", "]", ":", "-", " ", "'", "a", "1", "%", "2025-03", "true", "\\", "#", "&", "- ", "  ", "null", "年"];
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < count; i++) {
      let text = "";
      const length = next() % 40;
      for (let k = 0; k < length; k++) text += pieces[next() % pieces.length];
      yield text;
    }
  }
  it.each(["csv", "tsv", "json", "yaml"])("nothing typed into a %s block throws", (format) => {
    for (const body of texts(format.length * 7919, 400)) {
      // Fences inside the body would end the block early; that is the Markdown parser's business.
      const safe = body.replace(/`/g, "");
      const results = parseStoryData(story(`\`\`\`data id=t format=${format} types="a:number,1:date"\n${safe}\n\`\`\`\n`));
      for (const result of results) {
        for (const d of result.diagnostics) {
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }
    }
  });
  it("a block parsed directly never throws on an odd src file", () => {
    const odd = memoryFiles({ "x.json": "[".repeat(5000), "y.yaml": "a: &a [*a]\n", "z.csv": '"'.repeat(9) });
    for (const src of ["x.json", "y.yaml", "z.csv"]) {
      const [result] = parseStoryData(story(`\`\`\`data id=t src=${src}\n\`\`\`\n`), odd);
      expect(result!.diagnostics.length).toBeGreaterThan(0);
    }
    expect(parseDataBlock).toBeTypeOf("function");
  });
});

describe("missing values written as NA, NaN…", () => {
  it("a column of numbers with NaN cells stays numbers, with one note for the block at the first such cell", () => {
    const result = parseData("id=t", "a,b,c\n1,NaN,x\nNA,2,y\n3,NaN,NA");
    expect(located(result.diagnostics)).toEqual([at("data/missing-values", BODY + 1, 3)]);
    const note = result.diagnostics[0]!;
    expect(note.severity).toBe("warning");
    expect(note.message).toBe('3 cells holding "NA", "NaN" are read as missing values, so charts leave them out ("a" 1, "b" 2).');
    expect(note.hint).toContain('missing="NA,NaN"');
    expect(column(result.table!, "a")).toEqual([1, null, 3]);
    expect(column(result.table!, "b")).toEqual([null, 2, null]);
    // A text column keeps NA as text.
    expect(column(result.table!, "c")).toEqual(["x", "y", "NA"]);
  });
  it("missing= replaces the default markers and silences the note", () => {
    const t = table('id=t missing="-,n.a."', "a,b\n1,-\nn.a.,2\n3,4");
    expect(t.rows).toEqual([
      { a: 1, b: null },
      { a: null, b: 2 },
      { a: 3, b: 4 },
    ]);
    // NaN is no longer a marker: the column is text, with the usual warning.
    const result = parseData('id=t missing="-"', "a\n1\n2\nNaN");
    expect(located(result.diagnostics)).toEqual([at("data/mixed-column", BODY + 3, 1)]);
  });
  it("markers listed with missing= are missing in text columns too", () => {
    expect(column(table('id=t missing="NA"', "country\nFR\nNA"), "country")).toEqual(["FR", null]);
  });
  it('missing="" means no markers: only empty cells are missing', () => {
    expect(column(table('id=t missing=""', "country\nFR\nNA\n"), "country")).toEqual(["FR", "NA"]);
  });
  it("missing without a value is reported at the attribute", () => {
    const result = parseData("id=t missing", "a\n1");
    expect(located(result.diagnostics)).toEqual([at("data/missing-syntax", FENCE_LINE, 14)]);
  });
  it("JSON: a text NaN in a column of numbers is missing; null stays missing without a note", () => {
    const result = parseData("id=t format=json", '[{"a": 1}, {"a": "NaN"}, {"a": null}]');
    expect(located(result.diagnostics)).toEqual([at("data/missing-values", BODY, 18)]);
    expect(column(result.table!, "a")).toEqual([1, null, null]);
    expect(column(table("id=t format=json", '[{"a": 1}, {"a": null}]'), "a")).toEqual([1, null]);
  });
  it("YAML: .nan is missing in a column of numbers", () => {
    const result = parseData("id=t format=yaml", "- a: 1\n- a: .nan");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["data/missing-values"]);
    expect(column(result.table!, "a")).toEqual([1, null]);
  });
  it("named values: a marker is a missing value", () => {
    const result = parseData("id=t format=yaml", "growth: NA\nshare: 22.5%");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["data/missing-values"]);
    expect(result.table!.values).toEqual({ growth: null, share: 0.225 });
  });
});

describe("dates written another way: types= with a format", () => {
  it("reads Jan-1992 at month precision", () => {
    const t = table('id=t types="month:date(%b-%Y)"', "month,sales\nJan-1992,1\nFeb-1992,2");
    expect(t.columns[0]).toEqual({ name: "month", type: "date", precision: "month" });
    expect(column(t, "month")).toEqual([utc("1992-01-01T00:00:00Z"), utc("1992-02-01T00:00:00Z")]);
  });
  it("a format may hold commas and colons, and other types may follow it", () => {
    const t = table('id=t types="when:date(%b %d, %Y %H:%M),code:string"', 'when,code\n"Mar 21, 2025 14:30",007');
    expect(t.rows).toEqual([{ when: utc("2025-03-21T14:30:00Z"), code: "007" }]);
    expect(t.columns[0]!.precision).toBe("time");
  });
  it("a Chinese year and month", () => {
    const t = table('id=t types="月份:date(%Y年%m月)"', "月份,销量\n2025年3月,12\n2025年4月,15");
    expect(column(t, "月份")).toEqual([utc("2025-03-01T00:00:00Z"), utc("2025-04-01T00:00:00Z")]);
  });
  it("a value that does not fit the format is reported at its cell, naming the format", () => {
    const result = parseData('id=t types="d:date(%m/%d/%Y)"', "d\n03/21/2025\n21/03/2025");
    expect(located(result.diagnostics)).toEqual([at("data/bad-typed-value", BODY + 2, 1)]);
    expect(result.diagnostics[0]!.message).toBe('The column "d" is typed as date(%m/%d/%Y), but holds "21/03/2025".');
    expect(result.diagnostics[0]!.hint).toContain("such as 03/21/2025");
  });
  it("an unusable format is reported at the format itself", () => {
    // ```data id=t types="d:date(%Y-%k)" — the format starts at column 28.
    const result = parseData('id=t types="d:date(%Y-%k)"', "d\n2025-1");
    expect(located(result.diagnostics)).toEqual([at("data/bad-date-format", FENCE_LINE, 28)]);
    expect(result.diagnostics[0]!.message).toContain('"%k" is not a date directive');
  });
  it("only dates take a format", () => {
    const result = parseData('id=t types="n:number(%Y)"', "n\n1");
    expect(located(result.diagnostics)).toEqual([at("data/types-syntax", FENCE_LINE, 23)]);
  });
});

describe("numbers written with currency signs in a column typed as number", () => {
  it("read as numbers; inference alone leaves them text", () => {
    const body = 'item,price\nA,"$1,234.50"\nB,-$5\nC,(12)\nD,¥1 234';
    expect(column(table('id=t types="price:number"', body), "price")).toEqual([1234.5, -5, -12, 1234]);
    expect(table("id=t", body).columns[1]!.type).toBe("string");
  });
});

describe("a column kept as text by other cells than markers", () => {
  it("the warning points at the other text, not at the markers", () => {
    const result = parseData("id=t", "n\n1\nNA\n2\n-\n3");
    expect(located(result.diagnostics)).toEqual([at("data/mixed-column", BODY + 4, 1)]);
    expect(result.diagnostics[0]!.hint).toContain('missing="NA,-"');
    expect(column(result.table!, "n")).toEqual(["1", "NA", "2", "-", "3"]);
  });
});
