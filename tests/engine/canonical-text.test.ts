import { describe, expect, it } from "vitest";
import { serialize } from "node:v8";
import { canonicalText } from "../../src/engine/canonical-text.ts";

describe("canonicalText", () => {
  it("writes a number the same however V8 holds it (as an integer, or as a double in a field that held a fraction)", () => {
    // A field that once held 1.5 keeps numbers as doubles; a new object keeps 120 as an integer.
    const wasFractional = { n: 1.5 };
    wasFractional.n = 120;
    const fresh = Object.fromEntries([["n", 120]]);
    // The reason for canonicalText: Node's serialiser tells the two apart.
    expect(Buffer.compare(serialize(wasFractional), serialize(fresh))).not.toBe(0);
    expect(canonicalText(wasFractional)).toBe(canonicalText(fresh));
  });

  it("tells apart values that JSON would confuse: a date and its text, a number and its text, -0 and 0, a map and an object", () => {
    const pairs: [unknown, unknown][] = [
      [new Date("2024-01-01T00:00:00Z"), "2024-01-01T00:00:00.000Z"],
      [1, "1"],
      [-0, 0],
      [new Map([["a", 1]]), { a: 1 }],
      [new Set([1]), [1]],
      [[undefined], [null]],
      [{ a: "b", c: "d" }, { a: 'b",c:"d' }],
    ];
    for (const [a, b] of pairs) expect(canonicalText(a), `${String(a)}`).not.toBe(canonicalText(b));
  });

  it("is undefined for what is not plain data: a function, a class instance, a key that is a symbol", () => {
    expect(canonicalText({ f: () => 1 })).toBeUndefined();
    expect(canonicalText([new Intl.NumberFormat("en")])).toBeUndefined();
    expect(canonicalText({ [Symbol.for("plotline.shape")]: {}, name: "x" })).toBeUndefined();
    expect(canonicalText({ nested: [{ deep: new Map([["k", { f: Symbol("s") }]]) }] })).toBeUndefined();
  });
});
