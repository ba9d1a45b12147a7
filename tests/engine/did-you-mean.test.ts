import { describe, expect, it } from "vitest";
import { closestMatch } from "../../src/engine/diagnostics/did-you-mean.ts";

describe("closestMatch", () => {
  it("suggests the column a typo was meant to be", () => {
    expect(closestMatch("salery", ["city", "salary", "share"])).toBe("salary");
  });
  it("matches names that differ only in case", () => {
    expect(closestMatch("City", ["city", "share"])).toBe("city");
  });
  it("counts two swapped neighbouring letters as one typo", () => {
    expect(closestMatch("yaer", ["year", "value"])).toBe("year");
    expect(closestMatch("titel", ["title", "dek", "date"])).toBe("title");
  });
  it("suggests nothing when no candidate is close", () => {
    expect(closestMatch("population", ["city", "share"])).toBeUndefined();
  });
});
