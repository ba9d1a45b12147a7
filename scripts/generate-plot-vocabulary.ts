/**
 * Reads Observable Plot's type declarations and writes the names Plotline validates chart specs
 * against: marks and their options, top-level and scale options. Run after upgrading Plot:
 *   node scripts/generate-plot-vocabulary.ts
 * A test fails when the committed file no longer matches the installed Plot.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const plotDir = join(root, "node_modules/@observablehq/plot");
export const vocabularyPath = join(root, "src/engine/chart/spec/plot-vocabulary.json");

interface TypeDef {
  keys: string[];
  /** Other types this one is made of, each with keys it leaves out (Omit) or keeps only (Pick). */
  parts: { name: string; omit: string[]; pick?: string[] }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith(".d.ts") ? [join(dir, entry.name)] : [],
  );
}

/** Splits `A, B<C, D>, Omit<E, "x">` at top-level commas (or ampersands). */
function splitTopLevel(text: string, separator: "," | "&"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "<" || char === "(" || char === "{") depth++;
    if (char === ">" || char === ")" || char === "}") depth--;
    if (char === separator && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function parsePart(text: string): TypeDef["parts"][number] | undefined {
  const omit = /^Omit<\s*(\w+)\s*,\s*(.+)>$/s.exec(text);
  if (omit) return { name: omit[1]!, omit: [...omit[2]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!) };
  const pick = /^Pick<\s*(\w+)\s*,\s*(.+)>$/s.exec(text);
  if (pick) return { name: pick[1]!, omit: [], pick: [...pick[2]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!) };
  const plain = /^(\w+)(<.*>)?$/s.exec(text);
  return plain ? { name: plain[1]!, omit: [] } : undefined;
}

const types = new Map<string, TypeDef>();
const markSignatures = new Map<string, { optionsType: string; takesData: boolean }>();

for (const file of walk(join(plotDir, "src"))) {
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/^(?:export )?interface (\w+)(?:<[^{]*?>)?(?: extends ([^{]+))?\s*(?:\{\}|\{\n([\s\S]*?)^\})/gm)) {
    const keys = [...(match[3] ?? "").matchAll(/^ {2}(?:readonly )?([A-Za-z_$][\w$]*)\??:/gm)].map((m) => m[1]!);
    const parts = match[2] ? splitTopLevel(match[2], ",").map(parsePart).filter((p) => p !== undefined) : [];
    const existing = types.get(match[1]!);
    types.set(match[1]!, { keys: [...(existing?.keys ?? []), ...keys], parts: [...(existing?.parts ?? []), ...parts] });
  }
  for (const match of source.matchAll(/^(?:export )?type (\w+) = ([^;]+);/gm)) {
    const parts = splitTopLevel(match[2]!.trim(), "&").map(parsePart).filter((p) => p !== undefined);
    if (parts.length > 0 && !types.has(match[1]!)) types.set(match[1]!, { keys: [], parts });
  }
  if (!file.includes(`${join("src", "marks")}`)) continue;
  for (const match of source.matchAll(/^export function (\w+)\((data\?: [^,]+, )?options\?: ([^)]+)\): (\w+);/gm)) {
    const [, name, dataParam, optionsType, returns] = match;
    if (!/Mark|^[A-Z]/.test(returns!) || returns === "Map" || /Function$/.test(returns!)) continue;
    const previous = markSignatures.get(name!);
    markSignatures.set(name!, {
      optionsType: optionsType!.trim(),
      takesData: Boolean(dataParam) || Boolean(previous?.takesData),
    });
  }
}

function keysOf(typeText: string, seen = new Set<string>()): Set<string> {
  const result = new Set<string>();
  for (const partText of splitTopLevel(typeText, "&")) {
    const part = parsePart(partText);
    if (!part || seen.has(part.name)) continue;
    const def = types.get(part.name);
    if (!def) continue;
    const inner = new Set(def.keys);
    for (const sub of def.parts) {
      const subKeys = keysOf(sub.name, new Set([...seen, part.name]));
      for (const key of subKeys) if (!sub.omit.includes(key) && (!sub.pick || sub.pick.includes(key))) inner.add(key);
    }
    for (const key of inner) if (!part.omit.includes(key) && (!part.pick || part.pick.includes(key))) result.add(key);
  }
  return result;
}

const sorted = (set: Iterable<string>) => [...new Set(set)].sort();
const exported = Object.keys(await import("@observablehq/plot"));
const marks: Record<string, { takesData: boolean; options: string[] }> = {};
for (const [name, { optionsType, takesData }] of [...markSignatures].sort(([a], [b]) => a.localeCompare(b))) {
  if (!exported.includes(name) || name === "autoSpec") continue;
  marks[name] = { takesData, options: sorted(keysOf(optionsType)) };
}

const transformOptionTypes = ["BinOptions", "DodgeOptions", "HexbinOptions", "MapOptions", "NormalizeOptions", "PointerOptions", "SelectOptions", "StackOptions", "WindowOptions"];
const vocabulary = {
  plotVersion: (JSON.parse(readFileSync(join(plotDir, "package.json"), "utf8")) as { version: string }).version,
  plotOptions: sorted(keysOf("PlotOptions")),
  scaleOptions: sorted(keysOf("ScaleOptions")),
  marks,
  transformOptions: Object.fromEntries(transformOptionTypes.map((t) => [t, sorted(keysOf(t))])),
};

export const vocabularyJson = `${JSON.stringify(vocabulary, null, 2)}\n`;
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(vocabularyPath, vocabularyJson);
  console.log(`Wrote ${Object.keys(marks).length} marks to ${vocabularyPath}`);
}
