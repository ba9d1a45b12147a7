import type { ExpressionNode } from "./parse-expression.ts";

export type ReferenceNode = ExpressionNode & { kind: "reference" };

/** The references of an expression (the columns, or in prose the block.name values, it reads), in the order written. */
export function expressionReferences(node: ExpressionNode): ReferenceNode[] {
  switch (node.kind) {
    case "reference":
      return [node];
    case "literal":
      return [];
    case "unary":
      return expressionReferences(node.argument);
    case "binary":
      return [...expressionReferences(node.left), ...expressionReferences(node.right)];
    case "conditional":
      return [...expressionReferences(node.test), ...expressionReferences(node.then), ...expressionReferences(node.otherwise)];
    case "call":
      return node.args.flatMap(expressionReferences);
  }
}
