import { describe, expect, it } from "vitest";
import {
  dateFormatPrecision,
  dateFormatProblem,
  dateFormatReader,
  DEFAULT_MISSING_MARKERS,
  isTimeName,
  nearMiss,
  parseLooseNumber,
  parseNumber,
  typeColumn,
} from "../../../src/engine/data/infer-column-types.ts";
import { parseIsoDate } from "../../../src/engine/iso-date.ts";

const chosen = (...texts: string[]) => ({ texts: new Set(texts), explicit: true });

describe("numbers", () => {
  it("reads plain integers and decimals, with an optional sign", () => {
    expect(parseNumber("42")).toBe(42);
    expect(parseNumber("-3.25")).toBe(-3.25);
    expect(parseNumber("+7")).toBe(7);
    expect(parseNumber("0.5")).toBe(0.5);
  });
  it("reads comma thousands separators in groups of three", () => {
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("1,234,567.89")).toBe(1234567.89);
    expect(parseNumber("-12,000")).toBe(-12000);
  });
  it("rejects commas that are not thousands separators", () => {
    expect(parseNumber("1,23")).toBeUndefined();
    expect(parseNumber("1234,567")).toBeUndefined();
    expect(parseNumber(",123")).toBeUndefined();
    expect(parseNumber("1,2345")).toBeUndefined();
  });
  it("reads an exponent", () => {
    expect(parseNumber("1.5e3")).toBe(1500);
    expect(parseNumber("2E-2")).toBe(0.02);
  });
  it("a percent cell becomes a fraction", () => {
    expect(parseNumber("22.5%")).toBe(0.225);
    expect(parseNumber("-3%")).toBe(-0.03);
    expect(parseNumber("14.1%")).toBe(0.141);
    expect(parseNumber("100%")).toBe(1);
    expect(parseNumber("1,200%")).toBe(12);
  });
  it("rejects currency, spaces inside, bare dots and words", () => {
    for (const text of ["$12", "12 €", "1 234", "12.", ".5", "NaN", "Infinity", "1e", "0x1F", "--1", "12%%", "% 12", "1.2.3", ""]) {
      expect(parseNumber(text), text).toBeUndefined();
    }
  });
  it("ignores spaces around a value and never gives -0", () => {
    expect(parseNumber("  12 ")).toBe(12);
    expect(Object.is(parseNumber("-0"), 0)).toBe(true);
  });
  it("drops leading zeros", () => {
    expect(parseNumber("007")).toBe(7);
  });
});

describe("ISO dates", () => {
  it("reads year-month at month precision, as UTC", () => {
    expect(parseIsoDate("2025-03")).toEqual({ date: new Date("2025-03-01T00:00:00Z"), precision: "month" });
  });
  it("reads year-month-day at day precision, as UTC", () => {
    expect(parseIsoDate("2025-03-21")).toEqual({ date: new Date("2025-03-21T00:00:00Z"), precision: "day" });
  });
  it("reads times without an offset as UTC", () => {
    expect(parseIsoDate("2025-03-21T14:30")).toEqual({ date: new Date("2025-03-21T14:30:00Z"), precision: "time" });
    expect(parseIsoDate("2025-03-21 14:30:15")?.date).toEqual(new Date("2025-03-21T14:30:15Z"));
    expect(parseIsoDate("2025-03-21T14:30:15.25")?.date).toEqual(new Date("2025-03-21T14:30:15.250Z"));
  });
  it("applies Z and ±HH:MM offsets", () => {
    expect(parseIsoDate("2025-03-21T14:30Z")?.date).toEqual(new Date("2025-03-21T14:30:00Z"));
    expect(parseIsoDate("2025-03-21T14:30:00+08:00")?.date).toEqual(new Date("2025-03-21T06:30:00Z"));
    expect(parseIsoDate("2025-03-21T01:00-05:30")?.date).toEqual(new Date("2025-03-21T06:30:00Z"));
  });
  it("cuts fractions of a second finer than milliseconds", () => {
    expect(parseIsoDate("2025-03-21T14:30:15.123456Z")?.date).toEqual(new Date("2025-03-21T14:30:15.123Z"));
  });
  it("rejects dates and times that do not exist", () => {
    for (const text of ["2025-13", "2025-00", "2025-02-30", "2023-02-29", "2025-04-31", "2025-03-21T24:00", "2025-03-21T12:60", "2025-03-21T12:00:60"]) {
      expect(parseIsoDate(text), text).toBeUndefined();
    }
    expect(parseIsoDate("2024-02-29")?.precision).toBe("day");
  });
  it("rejects other ways of writing dates", () => {
    for (const text of ["Jan-1992", "03/21/2025", "21.3.2025", "2025/03/21", "20250321", "2025-3-21", "2025-03-21T1430", "2025-03-21T14:30+0800"]) {
      expect(parseIsoDate(text), text).toBeUndefined();
    }
  });
  it("reads a bare year only where years are allowed", () => {
    expect(parseIsoDate("2021")).toBeUndefined();
    expect(parseIsoDate("2021", true)).toEqual({ date: new Date("2021-01-01T00:00:00Z"), precision: "year" });
  });
  it("reads years before 100 as themselves, not as 19xx", () => {
    expect(parseIsoDate("0050-06-01")?.date.getUTCFullYear()).toBe(50);
  });
});

describe("headers that name a time", () => {
  it("knows the English names, in any case and with spaces around", () => {
    for (const name of ["year", "Years", "YR", "date", "Month", "period", "time", " Year "]) expect(isTimeName(name), name).toBe(true);
  });
  it("knows names ending in _year, ' year' or -year", () => {
    for (const name of ["fiscal_year", "School year", "tax-year"]) expect(isTimeName(name), name).toBe(true);
  });
  it("knows the Chinese names", () => {
    for (const name of ["年", "年份", "年度", "日期", "时间", "月份"]) expect(isTimeName(name), name).toBe(true);
  });
  it("does not take other names for times", () => {
    for (const name of ["population", "yearly", "years_old", "count", "day", "updated"]) expect(isTimeName(name), name).toBe(false);
  });
});

describe("typing a column", () => {
  it("types a column of true/false in any case as boolean", () => {
    const typed = typeColumn("ok", ["true", "FALSE", "True", ""]);
    expect(typed.column).toEqual({ name: "ok", type: "boolean" });
    expect(typed.cells).toEqual([true, false, true, null]);
  });
  it("does not take yes/no or 1/0 for booleans", () => {
    expect(typeColumn("ok", ["yes", "no"]).column.type).toBe("string");
    expect(typeColumn("ok", ["1", "0"]).column.type).toBe("number");
  });
  it("types a column of numbers as number", () => {
    const typed = typeColumn("share", ["22.5%", "3", "1,000", " "]);
    expect(typed.column.type).toBe("number");
    expect(typed.cells).toEqual([0.225, 3, 1000, null]);
  });
  it("four-digit integers under a time header are years", () => {
    const typed = typeColumn("Year", ["2021", "2023"]);
    expect(typed.column).toEqual({ name: "Year", type: "date", precision: "year" });
    expect(typed.cells).toEqual([new Date("2021-01-01T00:00:00Z"), new Date("2023-01-01T00:00:00Z")]);
  });
  it("four-digit integers under another header are numbers", () => {
    expect(typeColumn("population", ["2021", "2023"]).column.type).toBe("number");
  });
  it("a time header with numbers that are not all four-digit integers stays a number column", () => {
    expect(typeColumn("year", ["2021", "2021.5"]).column.type).toBe("number");
    expect(typeColumn("year", ["2021", "99"]).column.type).toBe("number");
  });
  it("years and finer dates share a date column under a time header, at the finest precision", () => {
    const typed = typeColumn("date", ["2021", "2022-03", "2022-03-05"]);
    expect(typed.column).toEqual({ name: "date", type: "date", precision: "day" });
  });
  it("a date column records the finest precision written", () => {
    expect(typeColumn("when", ["2025-01", "2025-02"]).column.precision).toBe("month");
    expect(typeColumn("when", ["2025-01-01", "2025-02-01T10:00"]).column.precision).toBe("time");
  });
  it("a bare year next to dates under an ordinary header makes a string column", () => {
    expect(typeColumn("when", ["2021", "2022-03"]).column.type).toBe("string");
  });
  it("one non-number makes the whole column text, values as written and trimmed", () => {
    const typed = typeColumn("count", ["12", " n.a. ", "7"]);
    expect(typed.column.type).toBe("string");
    expect(typed.cells).toEqual(["12", "n.a.", "7"]);
  });
  it("empty cells are missing", () => {
    expect(typeColumn("x", ["1", "", "   "]).cells).toEqual([1, null, null]);
    expect(typeColumn("x", ["1", "", "   "]).missing).toEqual([]);
  });
  it("a column of only missing values is a string column", () => {
    expect(typeColumn("x", ["", null]).column.type).toBe("string");
    expect(typeColumn("x", []).column.type).toBe("string");
  });
  it("real JSON numbers, booleans and nulls keep their meaning", () => {
    expect(typeColumn("n", [1.5, null, "2"]).cells).toEqual([1.5, null, 2]);
    expect(typeColumn("b", [true, "false"]).cells).toEqual([true, false]);
  });
  it("real numbers mixed with text that is not a number make a string column", () => {
    const typed = typeColumn("n", [1.5, "many"]);
    expect(typed.column.type).toBe("string");
    expect(typed.cells).toEqual(["1.5", "many"]);
  });
  it("real four-digit integers under a time header are years, as in CSV", () => {
    expect(typeColumn("year", [2021, "2022"]).column).toEqual({ name: "year", type: "date", precision: "year" });
    expect(typeColumn("count", [2021, 2022]).column.type).toBe("number");
  });
  it("a forced type converts what fits and lists what does not", () => {
    const typed = typeColumn("fips", ["01001", "1,000", ""], "string");
    expect(typed.cells).toEqual(["01001", "1,000", null]);
    const numbers = typeColumn("n", ["1", "two", "3%"], "number");
    expect(numbers.cells).toEqual([1, null, 0.03]);
    expect(numbers.bad).toEqual([1]);
  });
  it("a forced date accepts bare years whatever the header", () => {
    const typed = typeColumn("season", ["2021", "2022-06"], "date");
    expect(typed.column).toEqual({ name: "season", type: "date", precision: "month" });
    expect(typed.bad).toEqual([]);
  });
  it("a forced boolean rejects anything but true/false", () => {
    expect(typeColumn("ok", ["true", "yes"], "boolean").bad).toEqual([1]);
  });
});

describe("columns that are numbers or dates but for a few cells", () => {
  it("are noticed, with the cells in the way", () => {
    expect(nearMiss("sales", ["1", "2", "NA", "3", "NA"])).toEqual({ type: "number", misfits: [2, 4] });
    expect(nearMiss("when", ["2025-01-01", "2025-02-01", "TBD"])).toEqual({ type: "date", misfits: [2] });
  });
  it("are not noticed when too few values fit or too many different texts are in the way", () => {
    expect(nearMiss("n", ["1", "many"])).toBeUndefined();
    expect(nearMiss("n", ["1", "2", "a", "b"])).toBeUndefined();
    expect(nearMiss("n", ["1", "2", "3", "4", "5", "6", "7", "8", "a", "b", "c", "d"])).toBeUndefined();
    expect(nearMiss("city", ["Beijing", "Shanghai"])).toBeUndefined();
  });
});

describe("missing-value markers", () => {
  it("the default markers are missing in a column of numbers, which stays numbers", () => {
    const typed = typeColumn("mass", ["3750", "NaN", " NA ", "N/A", "n/a", "null", "NULL", "#N/A", "3800"]);
    expect(typed.column.type).toBe("number");
    expect(typed.cells).toEqual([3750, null, null, null, null, null, null, null, 3800]);
    expect(typed.missing).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(DEFAULT_MISSING_MARKERS).toEqual(["NA", "N/A", "n/a", "NaN", "null", "NULL", "#N/A"]);
  });
  it("markers are missing in date and boolean columns too", () => {
    expect(typeColumn("when", ["2025-01", "NA"]).column).toEqual({ name: "when", type: "date", precision: "month" });
    expect(typeColumn("ok", ["true", "NA"]).cells).toEqual([true, null]);
  });
  it("markers with any spaces around them are markers", () => {
    expect(typeColumn("n", ["1", "\u00a0  NaN\t ", "\u3000NA"]).cells).toEqual([1, null, null]);
  });
  it("markers are compared exactly, after trimming: other spellings are text", () => {
    expect(typeColumn("x", ["1", "na"]).column.type).toBe("string");
    expect(typeColumn("x", ["1", "Nan"]).column.type).toBe("string");
  });
  it("in a column of text, the default markers stay text: NA is Namibia", () => {
    const typed = typeColumn("country", ["FR", "NA", "DE"]);
    expect(typed.cells).toEqual(["FR", "NA", "DE"]);
    expect(typed.missing).toEqual([]);
  });
  it("a column of only markers is a column of missing values", () => {
    const typed = typeColumn("x", ["NA", "NaN", ""]);
    expect(typed.cells).toEqual([null, null, null]);
    expect(typed.missing).toEqual([0, 1]);
  });
  it("a column typed string keeps the default markers as text; one typed number reads them as missing", () => {
    expect(typeColumn("code", ["NA", "FR"], "string").cells).toEqual(["NA", "FR"]);
    const typed = typeColumn("n", ["1", "NaN"], "number");
    expect(typed.cells).toEqual([1, null]);
    expect(typed.bad).toEqual([]);
    expect(typed.missing).toEqual([1]);
  });
  it("markers the editor chose replace the defaults and are missing in every column", () => {
    const dash = chosen("-");
    expect(typeColumn("n", ["1", "-", "NaN"], undefined, dash).column.type).toBe("string");
    expect(typeColumn("n", ["1", "-"], undefined, dash).cells).toEqual([1, null]);
    expect(typeColumn("country", ["FR", "NA"], undefined, chosen("NA")).cells).toEqual(["FR", null]);
    expect(typeColumn("country", ["FR", "NA"], "string", chosen("NA")).cells).toEqual(["FR", null]);
  });
  it("no markers at all: only empty cells are missing", () => {
    const typed = typeColumn("n", ["1", "NaN", ""], undefined, chosen());
    expect(typed.cells).toEqual(["1", "NaN", null]);
    expect(typed.missing).toEqual([]);
  });
  it("JSON and YAML values: text markers are missing, real numbers and null keep their meaning", () => {
    expect(typeColumn("n", [1.5, "NaN", null]).cells).toEqual([1.5, null, null]);
  });
});

describe("numbers in a column typed as number", () => {
  it("read currency signs, spaces between thousands and accounting negatives", () => {
    const cases: [string, number][] = [
      ["¥1,234", 1234],
      ["$1,234.50", 1234.5],
      ["1 234", 1234],
      ["1\u00a0234\u00a0567", 1234567],
      ["1\u202f234,5", NaN],
      ["€ 12", 12],
      ["12 €", 12],
      ["-$5", -5],
      ["$-5", -5],
      ["(1,234)", -1234],
      ["($1,234.50)", -1234.5],
      ["12%", 0.12],
      ["£0", 0],
    ];
    for (const [text, expected] of cases) {
      if (Number.isNaN(expected)) expect(parseLooseNumber(text), text).toBeUndefined();
      else expect(parseLooseNumber(text), text).toBe(expected);
    }
  });
  it("refuse what is still not a number", () => {
    for (const text of ["$", "$$5", "1 23", "12 34 5", "(-5)", "5 $ 5", "USD 5", "(5", "abc"]) {
      expect(parseLooseNumber(text), text).toBeUndefined();
    }
  });
  it("inference stays strict: $1,234 alone makes a text column", () => {
    expect(typeColumn("price", ["$1,234", "$5"]).column.type).toBe("string");
    expect(typeColumn("price", ["$1,234", "$5"], "number").cells).toEqual([1234, 5]);
  });
  it("a typed column of percentages still reads back as percentages", () => {
    expect(typeColumn("share", ["12%", "3.5%"], "number").column).toEqual({ name: "share", type: "number", percent: true });
  });
});

describe("dates written another way (types= with a d3-time-format specifier)", () => {
  it("reads month names, US order and Chinese months, in UTC", () => {
    expect(dateFormatReader("%b-%Y")("Jan-1992")).toEqual(new Date("1992-01-01T00:00:00Z"));
    expect(dateFormatReader("%m/%d/%Y")("03/21/2025")).toEqual(new Date("2025-03-21T00:00:00Z"));
    expect(dateFormatReader("%m/%d/%Y")("3/5/2025")).toEqual(new Date("2025-03-05T00:00:00Z"));
    expect(dateFormatReader("%Y年%m月")("2025年3月")).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(dateFormatReader("%b %d, %Y")("Mar 21, 2025")).toEqual(new Date("2025-03-21T00:00:00Z"));
    expect(dateFormatReader("%Y-%m-%d %H:%M")("2025-03-21 14:30")).toEqual(new Date("2025-03-21T14:30:00Z"));
    expect(dateFormatReader("%e %B %Y")("5 march 2025")).toEqual(new Date("2025-03-05T00:00:00Z"));
    expect(dateFormatReader("%d/%m/%y %I:%M %p")("21/03/25 2:30 PM")).toEqual(new Date("2025-03-21T14:30:00Z"));
  });
  it("refuses values that do not match or name a date that does not exist", () => {
    const us = dateFormatReader("%m/%d/%Y");
    expect(us("21/03/2025")).toBeUndefined();
    expect(us("02/30/2025")).toBeUndefined();
    expect(us("03/21/2025 extra")).toBeUndefined();
    expect(dateFormatReader("%b-%Y")("1992-01")).toBeUndefined();
  });
  it("the precision is the finest directive of the specifier", () => {
    expect(dateFormatPrecision("%Y")).toBe("year");
    expect(dateFormatPrecision("%b-%Y")).toBe("month");
    expect(dateFormatPrecision("%Y年%m月")).toBe("month");
    expect(dateFormatPrecision("%m/%d/%Y")).toBe("day");
    expect(dateFormatPrecision("%d.%m.%Y %H:%M")).toBe("time");
  });
  it("an unusable specifier says why", () => {
    expect(dateFormatProblem("%b-%Y")).toBeUndefined();
    expect(dateFormatProblem("%-m/%-d/%Y")).toBeUndefined();
    expect(dateFormatProblem("100%% %Y")).toBeUndefined();
    expect(dateFormatProblem("%Y-%k")).toContain('"%k" is not a date directive');
    expect(dateFormatProblem("YYYY-MM")).toContain("no directive");
    expect(dateFormatProblem("%Y%")).toContain('ends with a "%"');
    expect(dateFormatProblem("")).toBe("it is empty");
  });
  it("a typed column records the precision and lists the values that do not fit", () => {
    const typed = typeColumn("month", ["Jan-1992", "Feb-1992", "Febr-1992", "NA"], { type: "date", format: "%b-%Y" });
    expect(typed.column).toEqual({ name: "month", type: "date", precision: "month" });
    expect(typed.cells).toEqual([new Date("1992-01-01T00:00:00Z"), new Date("1992-02-01T00:00:00Z"), null, null]);
    expect(typed.bad).toEqual([2]);
    expect(typed.missing).toEqual([3]);
  });
});
