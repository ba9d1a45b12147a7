import { describe, expect, it } from "vitest";
import { isTimeName, nearMiss, parseIsoDate, parseNumber, typeColumn } from "../../../src/engine/data/infer-column-types.ts";

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
    const typed = typeColumn("count", ["12", " n/a ", "7"]);
    expect(typed.column.type).toBe("string");
    expect(typed.cells).toEqual(["12", "n/a", "7"]);
  });
  it("only empty cells are missing; NA and NaN are text", () => {
    expect(typeColumn("x", ["1", "NA"]).cells).toEqual(["1", "NA"]);
    expect(typeColumn("x", ["1", "NaN"]).column.type).toBe("string");
    expect(typeColumn("x", ["1", "", "   "]).cells).toEqual([1, null, null]);
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
