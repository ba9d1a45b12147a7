/**
 * data/dates-as-text: a text column whose every value is a date written one of the common non-ISO
 * ways is read as text (as before), with a warning that names the types= that reads it as dates.
 */
import { describe, expect, it } from "vitest";
import { at, column, FENCE_LINE, located, parseData, utc } from "./helpers.ts";

const BODY = FENCE_LINE + 1;

describe("dates written as text", () => {
  it("a column of month names and years (Jan-1992) warns at its first value, naming the format that reads it", () => {
    const result = parseData("id=sales", "Date,Sales\nJan-1992,146376\nFeb-1992,147079\nMar-1992,NA");
    expect(located(result.diagnostics.filter((d) => d.code === "data/dates-as-text"))).toEqual([at("data/dates-as-text", BODY + 1, 1)]);
    const warning = result.diagnostics.find((d) => d.code === "data/dates-as-text")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain('"Jan-1992"');
    expect(warning.hint).toContain('types="Date:date(%b-%Y)"');
    expect(warning.hint).toContain('types="Date:string"');
    expect(column(result.table!, "Date")).toEqual(["Jan-1992", "Feb-1992", "Mar-1992"]);
  });

  it("the format it names reads the column as dates, without the warning", () => {
    const result = parseData('id=sales types="Date:date(%b-%Y)"', "Date,Sales\nJan-1992,146376\nFeb-1992,147079");
    expect(result.diagnostics.map((d) => d.code)).not.toContain("data/dates-as-text");
    expect(column(result.table!, "Date")).toEqual([utc("1992-01-01"), utc("1992-02-01")]);
  });

  it("finds other common ways (March 2020, 21 Mar 2025, 03/21/2025, 2025/03/21, 2025年3月), whatever the column is called", () => {
    const cases: [string, string][] = [
      ["March 2020\nApril 2020", "%B %Y"],
      ["21 Mar 2025\n22 Mar 2025", "%d %b %Y"],
      ["03/21/2025\n03/22/2025", "%m/%d/%Y"],
      ["21/03/2025\n22/03/2025", "%d/%m/%Y"],
      ["2025/03/21\n2025/03/22", "%Y/%m/%d"],
      ["2025年3月\n2025年4月", "%Y年%m月"],
    ];
    for (const [values, format] of cases) {
      const result = parseData("id=t", `when\n${values}`);
      expect(result.diagnostics.find((d) => d.code === "data/dates-as-text")?.hint, values).toContain(`types="when:date(${format})"`);
    }
  });

  it("says nothing of text that is not all dates, of one repeated value, or of a column kept as text with types=", () => {
    for (const [info, body] of [
      ["id=t", "city\nJan-1992\nParis"],
      ["id=t", "label\nJan-1992\nJan-1992"],
      ['id=t types="Date:string"', "Date\nJan-1992\nFeb-1992"],
      // A specifier with a typo is an error of its own (data/bad-date-format): no guess on top of it.
      ['id=t types="Date:date(%b-%k)"', "Date\nJan-1992\nFeb-1992"],
      ["id=t", "Date\n2025-03-21\n2025-03-22"],
    ] as const) {
      expect(parseData(info, body).diagnostics.map((d) => d.code), body).not.toContain("data/dates-as-text");
    }
  });
});
