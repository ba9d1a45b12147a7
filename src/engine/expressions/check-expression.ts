import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { expressionFunctions, isExpressionFunction, type ValueType } from "./expression-functions.ts";
import type { ExpressionNode, TextRange } from "./parse-expression.ts";

/** What an expression's references resolve to: a column's type, or undefined for a name that is not there. */
export interface ExpressionScope {
  typeOf: (names: readonly string[]) => ValueType | undefined;
}

export type CheckProblem = TextRange &
  (
    | { code: "unknown-reference"; names: string[] }
    | { code: "expr/unknown-function"; name: string; suggestion: string }
    | { code: "expr/wrong-arguments"; name: string; usage: string; given: number }
    | { code: "expr/type"; detail: string }
  );

export interface CheckedExpression {
  /** The type of the expression's values ("any" when it depends on the rows). */
  type: ValueType;
  problems: CheckProblem[];
}

const typeName: Record<ValueType, string> = { number: "a number", string: "a text", date: "a date", boolean: "true or false", any: "a value" };
const describe = (node: ExpressionNode, type: ValueType, text: string): string => `${text.slice(node.start, node.end)} is ${typeName[type]}`;
const fits = (type: ValueType, wanted: ValueType): boolean => type === "any" || wanted === "any" || type === wanted;

/**
 * Checks an expression once, against the types of the columns it names, rather than row by row: an
 * unknown column or function, a wrong number of arguments, month() of a number, "a" < 3. The first
 * problem is reported (at the token that causes it); the expression's type is returned for the caller
 * (a filter must give true or false).
 */
export function checkExpression(node: ExpressionNode, text: string, scope: ExpressionScope): CheckedExpression {
  const problems: CheckProblem[] = [];
  const mismatch = (at: TextRange, detail: string): ValueType => {
    problems.push({ code: "expr/type", detail, start: at.start, end: at.end });
    return "any";
  };
  const need = (arg: ExpressionNode, type: ValueType, wanted: ValueType, what: string): void => {
    if (!fits(type, wanted)) mismatch(arg, `${what} needs ${typeName[wanted]}, but ${describe(arg, type, text)}`);
  };

  const visit = (n: ExpressionNode): ValueType => {
    if (problems.length > 0) return "any";
    switch (n.kind) {
      case "literal":
        return n.value === null ? "any" : typeof n.value === "number" ? "number" : typeof n.value === "string" ? "string" : "boolean";
      case "reference": {
        const type = scope.typeOf(n.names);
        if (type === undefined) {
          problems.push({ code: "unknown-reference", names: n.names, start: n.start, end: n.end });
          return "any";
        }
        return type;
      }
      case "unary": {
        const type = visit(n.argument);
        if (n.operator === "-" || n.operator === "+") need(n.argument, type, "number", `"${n.operator}"`);
        else need(n.argument, type, "boolean", `"${n.operator}"`);
        return n.operator === "-" || n.operator === "+" ? "number" : "boolean";
      }
      case "binary": {
        const left = visit(n.left);
        const right = visit(n.right);
        if (problems.length > 0) return "any";
        const op = n.operator;
        if (n.right.kind === "literal" && n.right.value === null && /^[!=]=/.test(op)) {
          return mismatch(n.right, `comparing with null gives a missing value, never true; write isMissing(${text.slice(n.left.start, n.left.end)})`);
        }
        if (op === "+" && (left === "string" || right === "string")) {
          if (fits(left, "string") && fits(right, "string")) return "string";
          return mismatch(n.operatorRange, `"+" joins two texts or adds two numbers, but ${describe(n.left, left, text)} and ${describe(n.right, right, text)}; use concat() to write them together`);
        }
        if (["+", "-", "*", "/", "%", "**"].includes(op)) {
          need(n.left, left, "number", `"${op}"`);
          need(n.right, right, "number", `"${op}"`);
          return "number";
        }
        if (["==", "!=", "===", "!==", "<", "<=", ">", ">="].includes(op)) {
          if (!fits(left, right)) {
            const hint = (left === "date" && right === "string") || (left === "string" && right === "date") ? '; write the date as date("2014-01-31")' : "";
            return mismatch(n.operatorRange, `${describe(n.left, left, text)} and ${describe(n.right, right, text)}: they cannot be compared${hint}`);
          }
          if (/[<>]/.test(op) && left === "boolean") return mismatch(n.operatorRange, `true and false cannot be put in order with "${op}"`);
          return "boolean";
        }
        if (op === "??") return fits(left, right) ? (left === "any" ? right : left) : mismatch(n.operatorRange, `${describe(n.left, left, text)} and ${describe(n.right, right, text)}`);
        need(n.left, left, "boolean", `"${op}"`);
        need(n.right, right, "boolean", `"${op}"`);
        return "boolean";
      }
      case "conditional": {
        const test = visit(n.test);
        need(n.test, test, "boolean", '"? :"');
        const then = visit(n.then);
        const otherwise = visit(n.otherwise);
        if (problems.length > 0) return "any";
        if (!fits(then, otherwise)) return mismatch(n.otherwise, `both sides of ":" must be of one kind, but ${describe(n.then, then, text)} and ${describe(n.otherwise, otherwise, text)}`);
        return then === "any" ? otherwise : then;
      }
      case "call": {
        if (!isExpressionFunction(n.name)) {
          problems.push({ code: "expr/unknown-function", name: n.name, suggestion: didYouMean(n.name, Object.keys(expressionFunctions)), ...n.nameRange });
          return "any";
        }
        const fn = expressionFunctions[n.name]!;
        const args = n.args.map(visit);
        if (problems.length > 0) return "any";
        const min = fn.params.length - (fn.optional ?? 0);
        const max = fn.variadic ? Infinity : fn.params.length;
        if (args.length < min || args.length > max) {
          problems.push({ code: "expr/wrong-arguments", name: n.name, usage: fn.usage, given: args.length, start: n.start, end: n.end });
          return "any";
        }
        args.forEach((type, i) => need(n.args[i]!, type, fn.params[Math.min(i, fn.params.length - 1)]!, `${n.name}()`));
        if (n.name === "date" && args.length > 1) need(n.args[0]!, args[0]!, "number", "date(year, month, day)");
        if (n.name === "date" && args.length === 1 && !fits(args[0]!, "string") && !fits(args[0]!, "number")) need(n.args[0]!, args[0]!, "string", 'date("2014-01-31")');
        return typeof fn.returns === "function" ? fn.returns(args) : fn.returns;
      }
    }
  };
  const type = visit(node);
  return { type: problems.length ? "any" : type, problems: problems.slice(0, 1) };
}
