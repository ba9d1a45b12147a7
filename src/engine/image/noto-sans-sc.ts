import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { renameFont } from "./sfnt.ts";
import { woffToSfnt } from "./woff-to-sfnt.ts";

/**
 * The fonts PNGs are drawn with: Noto Sans SC from @fontsource/noto-sans-sc, so that a build machine
 * needs nothing but npm install, and Latin and Chinese text look the same on every machine.
 *
 * The package ships the font cut by Unicode range into ~100 small WOFF files per weight (as Google
 * Fonts serves it). resvg 2.6 reads a font's whole file again for every piece of text it sets, so a
 * drawing gets small files only: the Latin cut, in which text is set (family "Noto Sans SC"), and the
 * cuts holding the drawing's other characters (a Chinese chart: usually 10–20 files of 40–90 KB), which
 * only fill in characters (family "… Fill-in", marked so that bold text is filled in from bold cuts:
 * see renameFont). The package's one-file Chinese cut (2.5 MB) made drawings 5–10 times slower.
 * Cuts are unpacked to TrueType (resvg reads TrueType and OpenType only) once per machine, in the
 * system's temporary directory.
 */
export const FONT_FAMILY = "Noto Sans SC";
const FILL_IN_FAMILY = "Noto Sans SC Fill-in";
const MAIN_CUT = "latin";

/** Weights drawn: regular for chart text, bold for titles and labels (other weights get the nearest). */
const WEIGHTS = [400, 700] as const;

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("@fontsource/noto-sans-sc/package.json"));
const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;

/** Bump when unpacked files would differ (a change to how they are made), so old ones are not reused. */
const FORMAT = 3;
/** Names the fonts drawings are made with: part of the PNG cache key (see png-cache.ts). */
export const FONT_VERSION = `noto-sans-sc-${version}-${FORMAT}`;
const defaultFontDir = join(tmpdir(), "plotline-fonts", FONT_VERSION);

/** The TrueType file of one cut and weight, unpacked from its WOFF and renamed on first use. */
function fontFile(cut: string, weight: number, fontDir: string): string {
  const main = cut === MAIN_CUT;
  const file = join(fontDir, `noto-sans-sc-${cut}-${weight}.ttf`);
  if (existsSync(file)) return file;
  const woff = readFileSync(join(packageDir, "files", `noto-sans-sc-${cut}-${weight}-normal.woff`));
  mkdirSync(fontDir, { recursive: true });
  // Written under a name of its own and then renamed, so workers unpacking the same file at once never read half of one.
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, renameFont(woffToSfnt(woff), { family: main ? FONT_FAMILY : FILL_IN_FAMILY, bold: weight >= 700, fillInOnly: !main }));
  renameSync(partial, file);
  return file;
}

let subsetOf: Map<number, string> | undefined;

/** Code point → the subset holding it, from unicode.json ({"[119]": "U+4e00,U+4e09-4e0b,…", "latin": …}). */
function subsets(): Map<number, string> {
  if (subsetOf) return subsetOf;
  const ranges = JSON.parse(readFileSync(join(packageDir, "unicode.json"), "utf8")) as Record<string, string>;
  subsetOf = new Map();
  // The Latin cut first: characters in two cuts (arrows, quotes) then come from the one every drawing has.
  const cuts = Object.entries(ranges).sort(([a], [b]) => Number(b === MAIN_CUT) - Number(a === MAIN_CUT));
  for (const [key, list] of cuts) {
    const subset = key.replace(/^\[|\]$/g, "");
    for (const range of list.split(",")) {
      const match = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(range);
      if (!match) continue;
      const start = parseInt(match[1]!, 16);
      const end = match[2] ? parseInt(match[2], 16) : start;
      for (let code = start; code <= end; code++) if (!subsetOf.has(code)) subsetOf.set(code, subset);
    }
  }
  return subsetOf;
}

const cache = new Map<string, string[]>();

/** The font files that draw every character of `text` that Noto Sans SC has, in regular and bold. */
export function notoSansScFiles(text: string, fontDir = defaultFontDir): string[] {
  const main = WEIGHTS.map((weight) => fontFile(MAIN_CUT, weight, fontDir));
  const extra = new Set<string>();
  for (const char of new Set(text)) {
    const subset = subsets().get(char.codePointAt(0)!);
    if (subset && subset !== MAIN_CUT) extra.add(subset);
  }
  const key = `${fontDir}\n${[...extra].sort().join(",")}`;
  let files = cache.get(key);
  if (!files) {
    files = [...main, ...[...extra].sort().flatMap((subset) => WEIGHTS.map((weight) => fontFile(subset, weight, fontDir)))];
    cache.set(key, files);
  }
  return files;
}
