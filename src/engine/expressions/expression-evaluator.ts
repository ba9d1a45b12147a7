import type { Cell } from "../data/data-table.ts";
import { expressionFunctions, isExpressionFunction } from "./expression-functions.ts";
import type { ExpressionNode } from "./parse-expression.ts";

/** Reads the value a reference names (a column of the row, or in prose a block's value). */
export type ReadReference = (names: readonly string[]) => Cell | undefined;

/** An expression made ready to evaluate: a tree of small functions over the values, no code from the story. */
export type Evaluator = (read: ReadReference) => Cell;

const missing = (value: Cell | undefined): value is null | undefined => value === null || value === undefined;
/** NaN and ±Infinity (0/0, log(0), sqrt(-1)) are missing values: a chart cannot draw them and prose cannot print them. */
const finite = (value: Cell): Cell => (typeof value === "number" && !Number.isFinite(value) ? null : value);
const comparable = (value: Cell): number | string | boolean => (value instanceof Date ? value.getTime() : (value as number | string | boolean));
const sameKind = (a: Cell, b: Cell): boolean => (a instanceof Date) === (b instanceof Date) && typeof a === typeof b;

/**
 * Evaluates the checked tree of an expression. Missing values propagate: any operation or function on a
 * missing value gives a missing value (except isMissing, coalesce and ??), and so do division by zero
 * and results that are not finite numbers. `and`/`or` follow the logic of SQL: false and missing is
 * false, true or missing is true. Values of kinds an operator does not take (only possible where the
 * types could not be checked beforehand) give a missing value, never an error.
 */
export function expressionEvaluator(node: ExpressionNode): Evaluator {
  switch (node.kind) {
    case "literal": {
      const value = node.value;
      return () => value;
    }
    case "reference": {
      const names = node.names;
      return (read) => read(names) ?? null;
    }
    case "unary": {
      const argument = expressionEvaluator(node.argument);
      const operator = node.operator;
      return (read) => {
        const value = argument(read);
        if (missing(value)) return null;
        if (operator === "-" || operator === "+") return typeof value === "number" ? (operator === "-" ? -value : value) : null;
        return typeof value === "boolean" ? !value : null;
      };
    }
    case "binary":
      return binary(node.operator, expressionEvaluator(node.left), expressionEvaluator(node.right));
    case "conditional": {
      const test = expressionEvaluator(node.test);
      const then = expressionEvaluator(node.then);
      const otherwise = expressionEvaluator(node.otherwise);
      return (read) => {
        const condition = test(read);
        return condition === true ? then(read) : condition === false ? otherwise(read) : null;
      };
    }
    case "call": {
      if (!isExpressionFunction(node.name)) return () => null;
      const fn = expressionFunctions[node.name]!;
      const args = node.args.map(expressionEvaluator);
      return (read) => {
        const values = args.map((arg) => arg(read) ?? null);
        if (!fn.takesMissing && values.some(missing)) return null;
        try {
          return finite(fn.call(values));
        } catch {
          return null;
        }
      };
    }
  }
}

function binary(operator: string, left: Evaluator, right: Evaluator): Evaluator {
  switch (operator) {
    case "&&":
    case "and":
      return (read) => {
        const a = left(read);
        if (a === false) return false;
        const b = right(read);
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    case "||":
    case "or":
      return (read) => {
        const a = left(read);
        if (a === true) return true;
        const b = right(read);
        if (b === true) return true;
        return a === false && b === false ? false : null;
      };
    case "??":
      return (read) => {
        const a = left(read);
        return missing(a) ? right(read) : a;
      };
  }
  return (read) => {
    const a = left(read);
    const b = right(read);
    if (missing(a) || missing(b)) return null;
    if (typeof a === "number" && typeof b === "number") {
      switch (operator) {
        case "+": return finite(a + b);
        case "-": return finite(a - b);
        case "*": return finite(a * b);
        case "/": return b === 0 ? null : finite(a / b);
        case "%": return b === 0 ? null : finite(a % b);
        case "**": return finite(a ** b);
      }
    }
    if (operator === "+") return typeof a === "string" && typeof b === "string" ? a + b : null;
    if (!sameKind(a, b)) return null;
    const x = comparable(a);
    const y = comparable(b);
    switch (operator) {
      case "==":
      case "===": return x === y;
      case "!=":
      case "!==": return x !== y;
      case "<": return x < y;
      case "<=": return x <= y;
      case ">": return x > y;
      case ">=": return x >= y;
    }
    return null;
  };
}
