import { describe, expect, it } from "vitest";
import type { Cell } from "../../../src/engine/data/data-table.ts";
import { checkExpression } from "../../../src/engine/expressions/check-expression.ts";
import { expressionFunctions, type ValueType } from "../../../src/engine/expressions/expression-functions.ts";
import { expressionEvaluator } from "../../../src/engine/expressions/expression-evaluator.ts";
import { parseExpression } from "../../../src/engine/expressions/parse-expression.ts";

const types: Record<string, ValueType> = {
  Close: "number",
  Open: "number",
  Volume: "number",
  Date: "date",
  name: "string",
  city: "string",
  "Life expectancy": "number",
  城市: "string",
  up: "boolean",
  blank: "number",
};
const ROW: Record<string, Cell> = {
  Close: 10,
  Open: 8,
  Volume: 2_500_000,
  Date: new Date(Date.UTC(2014, 2, 5, 15)),
  name: "  Ana Lima ",
  city: "Beijing",
  "Life expectancy": 71.5,
  城市: "北京",
  up: true,
  blank: null,
};
const scope = { typeOf: (names: readonly string[]) => (names.length === 1 && Object.hasOwn(types, names[0]!) ? types[names[0]!] : undefined) };

/** The value of an expression over ROW (or `row`); throws with the problem when it does not check. */
function value(text: string, row: Record<string, Cell> = ROW): Cell {
  const parsed = parseExpression(text);
  if (!parsed.node) throw new Error(`does not parse: ${JSON.stringify(parsed.problems)}`);
  const checked = checkExpression(parsed.node, text, scope);
  if (checked.problems.length) throw new Error(`does not check: ${JSON.stringify(checked.problems)}`);
  return expressionEvaluator(parsed.node)((names) => (Object.hasOwn(row, names[0]!) ? row[names[0]!] : null));
}

/** The one problem of an expression: its code, and the text it points at. */
function problem(text: string): { code: string; at: string } {
  const parsed = parseExpression(text);
  const found = parsed.node ? checkExpression(parsed.node, text, scope).problems[0] : parsed.problems[0];
  if (!found) throw new Error(`no problem in ${text}`);
  return { code: found.code, at: text.slice(found.start, found.end) };
}

describe("expressions: operators", () => {
  it.each([
    ["Close - Open", 2],
    ["Close + Open * 2", 26],
    ["(Close + Open) * 2", 36],
    ["Volume / 1e6", 2.5],
    ["Close % 3", 1],
    ["2 ** 3 ** 2", 512],
    ["-Close", -10],
    ["(-2) ** 2", 4],
    ["Close > Open", true],
    ["Close >= 10 && Open < 8", false],
    ["Close == 10", true],
    ["Close === 10", true],
    ["Close != 10", false],
    ["city == 'Beijing'", true],
    ['city == "Beijing"', true],
    ["Close > Open and not (Open > 9)", true],
    ["up or blank > 1", true],
    ["!up", false],
    ["Close > Open ? 'up' : 'down'", "up"],
    ["city + ' (China)'", "Beijing (China)"],
    ["`Life expectancy` > 70", true],
    ["城市 == '北京'", true],
    ["Date > date('2014-01-01')", true],
    ["Date == date(2014, 3, 5)", false],
    ["blank ?? 0", 0],
  ] as const)("%s is %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe("expressions: missing values", () => {
  it.each([
    ["blank + 1"],
    ["blank > 1"],
    ["-blank"],
    ["round(blank)"],
    ["blank > 1 ? 'a' : 'b'"],
    ["Close / 0"],
    ["Close % 0"],
    ["log(0)"],
    ["sqrt(-1)"],
    ["up and blank > 1"],
    ["date('not a date')"],
  ])("%s is missing (null), never NaN or a text", (text) => {
    expect(value(text)).toBeNull();
  });
  it("and/or decide without the missing side when they can, as in SQL", () => {
    expect(value("!up and blank > 1")).toBe(false);
    expect(value("up or blank > 1")).toBe(true);
  });
  it("isMissing and coalesce see missing values", () => {
    expect(value("isMissing(blank)")).toBe(true);
    expect(value("isMissing(Close)")).toBe(false);
    expect(value("coalesce(blank, Open, 1)")).toBe(8);
  });
});

describe("expressions: every function", () => {
  const cases: Record<string, [string, Cell]> = {
    year: ["year(Date)", 2014],
    month: ["month(Date)", 3],
    day: ["day(Date)", 5],
    weekday: ["weekday(Date)", 3],
    hour: ["hour(Date)", 15],
    quarter: ["quarter(Date)", 1],
    date: ["year(date(2020, 12, 31)) + month(date('1999-07'))", 2027],
    lower: ["lower(city)", "beijing"],
    upper: ["upper(城市 + city)", "北京BEIJING"],
    trim: ["trim(name)", "Ana Lima"],
    length: ["length(城市)", 2],
    contains: ["contains(name, 'Lima')", true],
    startsWith: ["startsWith(city, 'Bei')", true],
    endsWith: ["endsWith(city, 'x')", false],
    slice: ["slice(city, 0, 3) + slice(城市, -1)", "Bei京"],
    concat: ["concat(city, ' ', Close, ' ', up)", "Beijing 10 true"],
    abs: ["abs(Open - Close)", 2],
    sqrt: ["sqrt(16)", 4],
    exp: ["exp(0)", 1],
    log: ["log(exp(2))", 2],
    log10: ["log10(1000)", 3],
    floor: ["floor(-1.5)", -2],
    ceil: ["ceil(1.2)", 2],
    round: ["round(1.005, 2) + round(2.5)", 4.01],
    min: ["min(Close, Open, 9)", 8],
    max: ["max(Close, Open)", 10],
    isMissing: ["isMissing(blank)", true],
    coalesce: ["coalesce(blank, 5)", 5],
  };
  it("has a case here for each function of the set", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(expressionFunctions).sort());
  });
  it.each(Object.entries(cases))("%s", (_, [text, expected]) => {
    expect(value(text)).toBe(expected);
  });
});

describe("expressions: problems, at the offending token", () => {
  it.each([
    ["Close >", "expr/syntax", ""],
    ["Close = Open", "expr/syntax", "="],
    ["Close Open", "expr/syntax", "Open"],
    ["'Death", "expr/syntax", ""],
    ["`Life expectancy > 70", "expr/syntax", "`"],
    ["-Close ** 2", "expr/syntax", "**"],
    ["Close & Open", "expr/not-allowed", "&"],
    ["Close.toString()", "expr/not-allowed", "Close.toString()"],
    ["this", "expr/not-allowed", "this"],
    ["[1, 2]", "expr/not-allowed", "1"],
    ["~Close", "expr/not-allowed", "~"],
    ["Clsoe > Open", "unknown-reference", "Clsoe"],
    ["Close > Opne", "unknown-reference", "Opne"],
    ["monht(Date)", "expr/unknown-function", "monht"],
    ["round()", "expr/wrong-arguments", "round()"],
    ["month(Close)", "expr/type", "Close"],
    ["Close + city", "expr/type", "+"],
    ["city > 3", "expr/type", ">"],
    ["Date > '2014-01-01'", "expr/type", ">"],
    ["Close ? 1 : 2", "expr/type", "Close"],
    ["up ? 1 : 'one'", "expr/type", "'one'"],
    ["Close == null", "expr/type", "null"],
    ["lower(Close)", "expr/type", "Close"],
  ])("%s: %s at %j", (text, code, at) => {
    expect(problem(text)).toEqual({ code, at });
  });
});

describe("expressions cannot reach JavaScript", () => {
  it.each([
    ["constructor(1)", "expr/unknown-function", "constructor"],
    ["__proto__(Close)", "expr/unknown-function", "__proto__"],
    ["toString(Close)", "expr/unknown-function", "toString"],
    ["hasOwnProperty('x')", "expr/unknown-function", "hasOwnProperty"],
    ["Close.constructor", "expr/not-allowed", "Close.constructor"],
    ["city['constructor']", "expr/not-allowed", "city['constructor']"],
    ["Close.__proto__.polluted", "expr/not-allowed", "Close.__proto__.polluted"],
    ["constructor", "unknown-reference", "constructor"],
    ["__proto__", "unknown-reference", "__proto__"],
    ["globalThis", "unknown-reference", "globalThis"],
    ["process", "unknown-reference", "process"],
    ["eval('1')", "expr/unknown-function", "eval"],
    ["Function('return 1')", "expr/unknown-function", "Function"],
    ["round.call(null, 1)", "expr/not-allowed", "round.call(null, 1)"],
    ["(0, round)(1)", "expr/syntax", "round)(1)"],
  ])("%s is refused (%s)", (text, code, at) => {
    expect(problem(text)).toEqual({ code, at });
  });
  it("a row's own __proto__ or constructor column is read as a column, never as the row's prototype", () => {
    const parsed = parseExpression("`__proto__` + 1");
    const row = Object.fromEntries([["__proto__", 41]]) as Record<string, Cell>;
    const evaluate = expressionEvaluator(parsed.node!);
    expect(evaluate((names) => (Object.hasOwn(row, names[0]!) ? row[names[0]!] : null))).toBe(42);
    expect(evaluate(() => ({}) as Cell)).toBeNull();
  });
  it("refuses expressions too long to be a formula, and does not crash on deep nesting", () => {
    expect(parseExpression("1+".repeat(1500) + "1").problems[0]?.code).toBe("expr/syntax");
    const deep = "(".repeat(900) + "1" + ")".repeat(900);
    expect(() => parseExpression(deep)).not.toThrow();
  });
});

describe("the catalogue", () => {
  it("lists every function of expressions in the hint of expr/unknown-function", async () => {
    const { catalog } = await import("../../../src/engine/diagnostics/catalog.ts");
    const hint = catalog["expr/unknown-function"].hint({ name: "x", suggestion: "" });
    const listed = hint.replace(/^The functions are /, "").replace(/\.$/, "").split(/, | and /);
    expect(listed.sort()).toEqual(Object.keys(expressionFunctions).sort());
  });
});
