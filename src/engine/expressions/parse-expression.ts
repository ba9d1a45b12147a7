import jsep from "jsep";
import { MAX_EXPRESSION_LENGTH } from "../limits.ts";

/**
 * Plotline's expressions (computed channels, filters and sort keys of charts; `:value[…]` in prose) are
 * read by jsep, a small parser that only builds a tree: nothing in a story is ever run as JavaScript.
 * The tree is turned here into Plotline's own, smaller one, refusing what the language does not have
 * (member access, `this`, arrays, bitwise operators…), and every node keeps where it was written, so
 * problems point at the offending token.
 */

/** Offsets into the expression text; `end` is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export type ExpressionNode = TextRange &
  (
    | { kind: "reference"; /** A column ("Close"), or in prose a data block and name (["facts", "growth"]). */ names: string[] }
    | { kind: "literal"; value: number | string | boolean | null }
    | { kind: "unary"; operator: UnaryOperator; argument: ExpressionNode; operatorRange: TextRange }
    | { kind: "binary"; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode; operatorRange: TextRange }
    | { kind: "call"; name: string; nameRange: TextRange; args: ExpressionNode[] }
    | { kind: "conditional"; test: ExpressionNode; then: ExpressionNode; otherwise: ExpressionNode }
  );

export type UnaryOperator = "-" | "+" | "!" | "not";
export type BinaryOperator =
  | "+" | "-" | "*" | "/" | "%" | "**"
  | "==" | "!=" | "===" | "!==" | "<" | "<=" | ">" | ">="
  | "&&" | "||" | "and" | "or" | "??";

const unaryOperators = new Set<string>(["-", "+", "!", "not"]);
const binaryOperators = new Set<string>(["+", "-", "*", "/", "%", "**", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "&&", "||", "and", "or", "??"]);


export interface ExpressionProblem extends TextRange {
  code: "expr/syntax" | "expr/not-allowed";
  detail: string;
}

export interface ParsedExpression {
  text: string;
  node?: ExpressionNode;
  problems: ExpressionProblem[];
}

export interface ParseOptions {
  /** In prose, references are `block.name`: one level of member access, onto a data block. */
  blockReferences?: boolean;
}

// jsep is configured once: the words and/or/not as operators, and `Life expectancy` in backticks as a name.
jsep.addBinaryOp("and", 2);
jsep.addBinaryOp("or", 1);
jsep.addUnaryOp("not");
const BACKTICK = 96;
jsep.hooks.add("gobble-token", function (this: JsepParser, env: { node?: unknown }) {
  if (this.code !== BACKTICK) return;
  const start = this.index;
  const close = this.expr.indexOf("`", start + 1);
  if (close < 0) this.throwError("Unclosed `");
  this.index = close + 1;
  env.node = this.gobbleTokenProperty({ type: "Identifier", name: this.expr.slice(start + 1, close), quoted: true });
});
interface JsepParser {
  code: number;
  index: number;
  expr: string;
  throwError(message: string): never;
  gobbleTokenProperty(node: object): object;
}

type JsepNode = jsep.Expression;

/** Parses an expression into Plotline's tree, or says where and why it cannot be read. */
export function parseExpression(text: string, options: ParseOptions = {}): ParsedExpression {
  const fail = (detail: string, start: number, end = start + 1, code: ExpressionProblem["code"] = "expr/syntax"): ParsedExpression => ({
    text,
    problems: [{ code, detail, start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(Math.max(end, start + 1), text.length)) }],
  });
  if (text.trim() === "") return fail("it is empty", 0, text.length);
  if (text.length > MAX_EXPRESSION_LENGTH) return fail(`it is ${text.length} characters long, more than the ${MAX_EXPRESSION_LENGTH} an expression may have`, 0, text.length);
  let tree: JsepNode;
  try {
    tree = jsep(text);
  } catch (error) {
    const index = typeof (error as { index?: unknown }).index === "number" ? (error as { index: number }).index : 0;
    const description = (error as { description?: unknown }).description;
    return fail(explainSyntax(typeof description === "string" ? description : "it cannot be read", text, index), index);
  }
  const leaves = leafRanges(text);
  let next = 0;
  const problems: ExpressionProblem[] = [];
  const refuse = (detail: string, range: TextRange, code: ExpressionProblem["code"] = "expr/not-allowed") => {
    problems.push({ code, detail, ...range });
    return undefined;
  };
  const leaf = (): TextRange => leaves[next++] ?? { start: 0, end: text.length };
  // Between two nodes, where the operator is written.
  const operatorAt = (operator: string, from: number, to: number): TextRange => {
    const at = text.indexOf(operator, from);
    return at >= 0 && at < to ? { start: at, end: at + operator.length } : { start: from, end: Math.max(from + 1, to) };
  };

  const convert = (node: JsepNode): ExpressionNode | undefined => {
    switch (node.type) {
      case "Identifier": {
        const range = leaf();
        return { kind: "reference", names: [node["name"] as string], ...range };
      }
      case "Literal": {
        const range = leaf();
        const value = node["value"];
        if (value instanceof RegExp) return refuse("regular expressions are not part of expressions", range);
        return { kind: "literal", value: value as number | string | boolean | null, ...range };
      }
      case "ThisExpression":
        return refuse('"this" is not part of expressions; name a column instead', leaf());
      case "UnaryExpression": {
        const operator = node["operator"] as string;
        const before = next;
        const argument = convert(node["argument"] as JsepNode);
        if (!argument) return undefined;
        const start = leaves[before] ? text.lastIndexOf(operator, leaves[before]!.start) : argument.start;
        const operatorRange = { start: Math.max(0, start), end: Math.max(0, start) + operator.length };
        if (!unaryOperators.has(operator)) return refuse(`"${operator}" is not an operator of expressions`, operatorRange);
        return { kind: "unary", operator: operator as UnaryOperator, argument, operatorRange, start: operatorRange.start, end: argument.end };
      }
      case "BinaryExpression": {
        const left = convert(node["left"] as JsepNode);
        const right = left && convert(node["right"] as JsepNode);
        if (!left || !right) return undefined;
        const operator = node["operator"] as string;
        const operatorRange = operatorAt(operator, left.end, right.start);
        if (!binaryOperators.has(operator)) {
          const instead = operator === "&" ? ' Did you mean "&&" (and)?' : operator === "|" ? ' Did you mean "||" (or)?' : operator === "^" ? ' Did you mean "**" (power)?' : "";
          return refuse(`"${operator}" is not an operator of expressions.${instead}`, operatorRange);
        }
        if (operator === "**" && left.kind === "unary" && !/\(\s*$/.test(text.slice(0, left.start))) {
          // -2 ** 2: JavaScript refuses it, mathematicians read -(2 ** 2), jsep (-2) ** 2. Ask which.
          return refuse("write (-x) ** 2 or -(x ** 2): which one is meant is not clear without brackets", operatorRange, "expr/syntax");
        }
        return { kind: "binary", operator: operator as BinaryOperator, left, right, operatorRange, start: left.start, end: right.end };
      }
      case "ConditionalExpression": {
        const test = convert(node["test"] as JsepNode);
        const then = test && convert(node["consequent"] as JsepNode);
        const otherwise = then && convert(node["alternate"] as JsepNode);
        if (!test || !then || !otherwise) return undefined;
        return { kind: "conditional", test, then, otherwise, start: test.start, end: otherwise.end };
      }
      case "CallExpression": {
        const callee = node["callee"] as JsepNode;
        if (callee.type !== "Identifier") {
          const first = convert(callee);
          return first ? refuse("only the functions of expressions can be called, by their name: round(x, 1)", { start: first.start, end: first.end }) : undefined;
        }
        const nameRange = leaf();
        const args: ExpressionNode[] = [];
        for (const arg of node["arguments"] as JsepNode[]) {
          const converted = convert(arg);
          if (!converted) return undefined;
          args.push(converted);
        }
        const close = text.indexOf(")", args.length ? args[args.length - 1]!.end : nameRange.end);
        return { kind: "call", name: callee["name"] as string, nameRange, args, start: nameRange.start, end: close >= 0 ? close + 1 : nameRange.end };
      }
      case "MemberExpression": {
        const object = node["object"] as JsepNode;
        const property = node["property"] as JsepNode;
        if (options.blockReferences && object.type === "Identifier" && !node["computed"] && property.type === "Identifier") {
          const block = leaf();
          const name = leaf();
          return { kind: "reference", names: [object["name"] as string, property["name"] as string], start: block.start, end: name.end };
        }
        const first = leaves[next] ?? { start: 0, end: text.length };
        const where = node["computed"] ? "[…]" : `.${(property["name"] as string | undefined) ?? ""}`;
        const hint = options.blockReferences
          ? "write a data block and one of its names or columns, like facts.growth"
          : 'a column whose name has spaces or dots is written in backticks, like `Life expectancy`';
        return refuse(`"${where}" reaches inside a value, which expressions cannot do; ${hint}`, { start: first.start, end: text.length });
      }
      case "ArrayExpression":
        return refuse("lists in square brackets are not part of expressions; a column whose name has spaces is written in backticks, like `Life expectancy`", leaves[next] ?? { start: 0, end: text.length });
      case "Compound":
      case "SequenceExpression": {
        const parts = ((node["body"] ?? node["expressions"]) as JsepNode[]).filter(Boolean);
        // "," or ";" alone: jsep reads separators and nothing between them.
        if (parts.length === 0) return refuse("it holds no value", { start: 0, end: text.length }, "expr/syntax");
        const first = convert(parts[0]!);
        const secondStart = first ? (leaves[next]?.start ?? first.end) : 0;
        return refuse(
          "it holds two expressions side by side; join them with an operator, compare with == (not =), or write a column whose name has spaces in backticks, like `Life expectancy`",
          { start: secondStart, end: text.length },
          "expr/syntax",
        );
      }
      default:
        return refuse(`"${node.type}" is not part of expressions`, { start: 0, end: text.length });
    }
  };
  let node: ExpressionNode | undefined;
  try {
    node = convert(tree);
  } catch {
    // A tree of a shape jsep may build that Plotline does not expect: refused, never a crash.
    return fail("it cannot be read", 0, text.length);
  }
  return node && problems.length === 0 ? { text, node, problems } : { text, problems: problems.slice(0, 1) };
}

/** jsep's messages, in an editor's terms. */
function explainSyntax(description: string, text: string, index: number): string {
  const at = text[index];
  if (at === "=" && text[index + 1] !== "=") return 'a single "=" is not a comparison; write "==" to compare';
  if (/^Unclosed quote/.test(description)) return "a quoted text is not closed";
  if (/^Unclosed `/.test(description)) return "a name in backticks is not closed";
  if (/^Unclosed \(|^Expected \)/.test(description)) return 'a "(" is not closed';
  if (/^Expected expression after/.test(description)) return `${description.replace(/^Expected expression after (.*)$/, 'something is missing after "$1"')}`;
  if (/^Variable names cannot start with a number/.test(description)) return "a name cannot start with a digit; write it in backticks, like `2020 total`";
  if (at === undefined) return "it ends too early";
  return `"${at}" is not expected here`;
}

const isIdentifierStart = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || (code >= 128 && !(String.fromCharCode(code) in jsep.binary_ops));
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isIdentifierPart = (code: number): boolean => isIdentifierStart(code) || isDigit(code);

/**
 * Where each leaf of the tree (name, number, text, true/false/null) is written, in order: jsep keeps no
 * positions, but it reads leaves left to right, so the n-th leaf of the tree is the n-th found here.
 */
function leafRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let afterLeaf = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const start = i;
    if (code === 39 || code === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== code; i++) if (text[i] === "\\") i++;
      i++;
    } else if (code === BACKTICK) {
      const close = text.indexOf("`", i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(i + 1)) && !afterLeaf)) {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text[i] === ".") for (i++; isDigit(text.charCodeAt(i)); ) i++;
      if (text[i] === "e" || text[i] === "E") {
        i++;
        if (text[i] === "+" || text[i] === "-") i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    } else if (isIdentifierStart(code)) {
      while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      const isOperator = ((word === "and" || word === "or") && afterLeaf) || (word === "not" && !afterLeaf);
      if (isOperator) {
        afterLeaf = false;
        continue;
      }
    } else {
      i++;
      if (code === 41 || code === 93) afterLeaf = true;
      else if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 46) afterLeaf = false;
      continue;
    }
    ranges.push({ start, end: Math.min(i, text.length) });
    afterLeaf = true;
  }
  return ranges;
}
