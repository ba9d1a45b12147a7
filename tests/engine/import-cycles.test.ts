import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { expect, it } from "vitest";

/**
 * No module of the engine or the CLI may import itself, however far round: a circle of imports means
 * neither module can be read, tested or moved without the other, and the order in which ES modules
 * evaluate a circle is an accident.
 *
 * An edge is any relative specifier of an `import … from`, `export … from`, `import "…"` or `import("…")`
 * with a literal string. Type-only imports (`import type`, `import { type X }`) count: they vanish from
 * the JavaScript, but the one file still cannot be understood without the other, so they are
 * dependencies all the same. Only .ts files are nodes; imports of JSON and of packages are not followed.
 *
 * A regular expression over the text is enough: TypeScript 7 has no JavaScript API to ask, and our
 * imports are all written the one way.
 */

const root = resolve(import.meta.dirname, "../..");
const scanned = ["src/engine", "src/cli"];

const importPattern =
  /^\s*(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s+from\s+["'](\.{1,2}\/[^"']+)["']|^\s*import\s+["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm;

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** For each .ts file under the scanned folders, the .ts files (anywhere) it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of scanned.flatMap((folder) => tsFiles(join(root, folder)))) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(importPattern)]
      .map((match) => match[1] ?? match[2] ?? match[3]!)
      .filter((specifier) => specifier.endsWith(".ts"))
      .map((specifier) => resolve(dirname(file), specifier));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every circle found by a depth-first walk, each as the files round it, first file repeated at the end. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): void => {
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}

it("the scan sees the engine's imports", () => {
  const graph = importGraph();
  const compileStory = graph.get(join(root, "src/engine/compile-story.ts"));
  expect(graph.size).toBeGreaterThan(100);
  expect(compileStory?.length).toBeGreaterThan(10);
});

it("finds a circle when there is one", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a", "d"]],
    ["d", []],
  ]);
  expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
});

it("no module of src/engine or src/cli imports itself round a circle", () => {
  const cycles = findCycles(importGraph()).map((cycle) => cycle.map((file) => relative(root, file)).join(" → "));
  expect(cycles).toEqual([]);
});

/**
 * The folders of the engine form layers too: two folders side by side (chart/ and image/, or
 * chart/spec/ and chart/render/) that import each other are one tangle. A file that sits beside the
 * folders (compile-story.ts beside chart/, compile-chart.ts beside chart/spec/) may use any of them
 * and is not counted.
 */

/** The two sibling folders an import crosses between, under their common parent, if it crosses any. */
function siblingFolders(from: string, to: string): { parent: string; from: string; to: string } | undefined {
  const a = relative(root, dirname(from)).split(sep);
  const b = relative(root, dirname(to)).split(sep);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === a.length || common === b.length) return undefined;
  return { parent: a.slice(0, common).join("/"), from: a[common]!, to: b[common]! };
}

it("no two folders side by side in src/engine or src/cli import each other", () => {
  const edges = new Set<string>();
  const pairs = new Map<string, string>();
  for (const [file, targets] of importGraph()) {
    for (const target of targets) {
      const crossing = siblingFolders(file, target);
      if (!crossing) continue;
      edges.add(`${crossing.parent}: ${crossing.from} → ${crossing.to}`);
      const [first, second] = [crossing.from, crossing.to].sort();
      pairs.set(`${crossing.parent}: ${first} ↔ ${second}`, `${crossing.parent}: ${crossing.to} → ${crossing.from}`);
    }
  }
  const mutual = [...pairs].filter(([, back]) => edges.has(back)).map(([pair]) => pair);
  expect(mutual.sort()).toEqual([]);
});
