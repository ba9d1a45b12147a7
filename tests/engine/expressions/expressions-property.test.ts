/**
 * Whatever an editor types as an expression, nothing throws: it is read, or refused with a problem
 * inside the text; a checked expression evaluates, on any row, to a value a chart or a CSV can hold
 * (a number that is finite, a text, true or false, a date, or missing), never NaN, an object or a function.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { checkExpression } from "../../../src/engine/expressions/check-expression.ts";
import { expressionEvaluator } from "../../../src/engine/expressions/expression-evaluator.ts";
import { parseExpression } from "../../../src/engine/expressions/parse-expression.ts";

const SEED = Number(process.env["PLOTLINE_FC_SEED"] ?? 20261203);
const tokens = [
  "Close", "Open", "Date", "name", "blank", "`Life expectancy`", "`", "constructor", "__proto__", "this", "prototype",
  "1", "0", "1e6", ".5", "'a'", '"北京"', "'", '"', "true", "false", "null",
  "+", "-", "*", "/", "%", "**", "==", "!=", "===", "<", ">=", "&&", "||", "and", "or", "not", "!", "?", ":", "??", "=", "&", "|", "~",
  "(", ")", "[", "]", ".", ",", ";", " ", "\\",
  "month(", "round(", "date(", "slice(", "concat(", "coalesce(", "isMissing(", "min(", "log(", "lower(", "eval(", "toString(",
];
const expressionText = fc.oneof(fc.array(fc.constantFrom(...tokens), { maxLength: 14 }).map((t) => t.join("")), fc.string({ maxLength: 30 }));
const types = { Close: "number", Open: "number", Date: "date", name: "string", blank: "number", "Life expectancy": "number" } as const;
const row: Record<string, unknown> = { Close: 10, Open: 0, Date: new Date(0), name: "a", blank: null, "Life expectancy": 70 };
const isCell = (v: unknown) => v === null || typeof v === "string" || typeof v === "boolean" || v instanceof Date || (typeof v === "number" && Number.isFinite(v));

describe("any expression text", () => {
  it("is read or refused inside its text, and evaluates only to values", () => {
    fc.assert(
      fc.property(expressionText, (text) => {
        const parsed = parseExpression(text);
        for (const p of parsed.problems) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(text.length);
        }
        if (!parsed.node) return;
        const checked = checkExpression(parsed.node, text, { typeOf: (names) => (Object.hasOwn(types, names[0]!) ? types[names[0] as keyof typeof types] : undefined) });
        if (checked.problems.length > 0) return;
        const value = expressionEvaluator(parsed.node)((names) => (Object.hasOwn(row, names[0]!) ? (row[names[0]!] as never) : null));
        expect(isCell(value)).toBe(true);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it("as a chart's filter or channel, compiles into diagnostics or a chart, never a crash", () => {
    fc.assert(
      fc.property(expressionText, (text) => {
        const quoted = JSON.stringify(text);
        const md = `---\ntitle: T\ndek: D\ndate: 2025-03-21\n---\n\n\`\`\`data id=p\nDate,Open,Close\n2013-05-13,64.5,64.9\n2013-05-14,64.8,\n\`\`\`\n\n\`\`\`plot data=p id=c\ntitle: T\nalt: A.\nmarks:\n  - dot: {x: Date, y: {expr: ${quoted}}, filter: ${quoted}}\n\`\`\`\n`;
        const story = compileStory({ path: "content/stories/t.md", text: md }, { dataFiles: { displayRoot: "data", read: () => undefined, list: () => [] } });
        for (const d of story.diagnostics) expect(d.span.start.line).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
