import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";

/** Offsets of a YAML node or key, relative to the YAML text that was parsed. */
export interface YamlRange {
  start: number;
  end: number;
}

const rangeOf = (node: Node | null | undefined): YamlRange | undefined =>
  node?.range ? { start: node.range[0], end: node.range[1] } : undefined;

/** The pair of a mapping whose key is `key`, if the node is a mapping that has it. */
export function findPair(node: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Node, Node>;
  }
  return undefined;
}

/** The node at a path of keys and indexes, or undefined. */
export function nodeAt(root: unknown, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = root;
  for (const step of path) {
    if (typeof step === "number" && isSeq(node)) node = node.items[step];
    else if (typeof step === "string") node = findPair(node, step)?.value;
    else return undefined;
    if (node == null) return undefined;
  }
  return node as Node;
}

/**
 * Where to point for a problem at `path`: the value if `target` is "value" and it exists, else the key,
 * else the nearest parent that exists. Falls back to the start of the document.
 */
export function locate(doc: Document, path: readonly (string | number)[], target: "key" | "value" = "value"): YamlRange {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const step = path[depth - 1]!;
    const parent = parentPath.length === 0 ? doc.contents : nodeAt(doc.contents, parentPath);
    if (typeof step === "string") {
      const pair = findPair(parent, step);
      if (pair) {
        const valueRange = rangeOf(pair.value);
        if (target === "value" && depth === path.length && valueRange) return valueRange;
        const keyRange = rangeOf(pair.key);
        if (keyRange) return keyRange;
      }
    } else if (isSeq(parent)) {
      const item = parent.items[step] as Node | undefined;
      const range = rangeOf(item);
      if (range) return range;
    }
  }
  return rangeOf(doc.contents as Node) ?? { start: 0, end: 0 };
}
