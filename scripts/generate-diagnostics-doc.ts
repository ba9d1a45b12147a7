/**
 * Writes docs/diagnostics.md, the editors' reference of every problem Plotline reports, from the
 * catalogue (src/engine/diagnostics/catalog.ts) and one example story per code in
 * docs/examples/diagnostics/<code with "/" replaced by "-">.md. Each example is compiled with the real
 * engine, so the message, position, code frame and hint shown are exactly what `npm run check` prints.
 *
 *   node scripts/generate-diagnostics-doc.ts           # rewrite docs/diagnostics.md
 *   node scripts/generate-diagnostics-doc.ts --check   # exit 1 if it is out of date
 *
 * Example stories read `src=` files from docs/examples/data/ (shown to editors as data/…). An example
 * may start with one line `<!-- path: content/stories/Some Name.md -->` to be compiled under that path
 * (for problems with the file name itself); the line is removed before compiling and is not shown.
 * It may then have one line `<!-- setup: [{"symlink": "public/notes.txt", "target": "/home/li/notes.txt"}] -->`
 * (symbolic links, as in tests/bad-inputs/): the example is then put in a temporary project with those
 * links, for the problems of the project's files (projectFileDiagnostics), and the links are listed.
 * Files too large to keep in the repository are stood in for by `largeExampleFiles` (their size only).
 * A test (tests/docs/diagnostics-doc.test.ts) checks that every code has an example, that each example
 * produces its code and nothing else, and that docs/diagnostics.md is up to date.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { storyInputFromBytes } from "../src/engine/project/read-story-file.ts";
import { compileStory } from "../src/engine/compile-story.ts";
import { compileStoryAsync } from "../src/engine/compile-story-async.ts";
import type { SqlOptions } from "../src/engine/sql/story-queries.ts";
import type { DataFileSource } from "../src/engine/data/data-file-source.ts";
import { decodeDataFile } from "../src/engine/data/decode-data-file.ts";
import { nodeDataFiles } from "../src/engine/data/node-data-files.ts";
import { catalog, docsAnchor, type DiagnosticCode } from "../src/engine/diagnostics/catalog.ts";
import type { Diagnostic } from "../src/engine/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../src/engine/diagnostics/format-diagnostic.ts";
import { checkLinks } from "../src/engine/project/check-links.ts";
import { checkTranslations } from "../src/engine/project/translations.ts";
import { listPublicFiles } from "../src/engine/project/public-files.ts";
import { listStoryFiles, projectFileDiagnostics } from "../src/engine/project/compile-project.ts";
import { normalizeSource } from "../src/engine/story/normalize-source.ts";
import { showControlChars } from "../src/engine/diagnostics/terminal-text.ts";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const examplesDir = join(repoRoot, "docs/examples/diagnostics");
export const exampleDataDir = join(repoRoot, "docs/examples/data");
export const diagnosticsDocPath = join(repoRoot, "docs/diagnostics.md");

/** Every code of the catalogue, in catalogue order. */
export const allCodes = Object.keys(catalog) as DiagnosticCode[];

/** The example story's file name of a code: `plot/unknown-column` → `plot-unknown-column.md`. */
export const exampleFileName = (code: string): string => `${code.replace("/", "-")}.md`;

/** The anchor of a code inside docs/diagnostics.md, as docsAnchor() links to it. */
export const anchorOf = (code: DiagnosticCode): string => docsAnchor(code).slice(docsAnchor(code).indexOf("#") + 1);

export interface DiagnosticsExample {
  code: DiagnosticCode;
  /** The path the story is compiled under, as editors see it in messages. */
  path: string;
  /** The story as compiled and shown (without the path line). */
  text: string;
  /** Files under data/ the story reads, by their path under data/. */
  dataFiles: string[];
  /** Symbolic links made beside the story (the setup line). */
  links: { symlink: string; target: string }[];
  diagnostics: Diagnostic[];
}

const PATH_LINE = /^<!-- path: (.+?) -->\r?\n/;
const SETUP_LINE = /^<!-- setup: (.+?) -->\r?\n/;
/**
 * `<!-- sql: {"timeout": 0.2} -->`: the project's SQL settings for the example (plotline.config.mjs `sql`);
 * `{"run": false}` compiles it as a program calling compileStory alone does, without running its queries.
 */
const SQL_LINE = /^<!-- sql: (.+?) -->\r?\n/;

/** Data files of the examples that are too large to keep in the repository: their size, in bytes. */
export const largeExampleFiles: Readonly<Record<string, number>> = { "visits-2024.csv": 12_582_912 };

/** Example stories that stand for files too large to keep in the repository: their size on disk, in bytes. */
export const largeExampleStories: Readonly<Record<string, number>> = { "story-too-large.md": 25_165_824 };

/** docs/examples/data/ as a project's data/ folder, with the large files stood in for by their size. */
export function exampleDataFiles(): DataFileSource {
  const files = nodeDataFiles(exampleDataDir);
  const large = (path: string) => Object.hasOwn(largeExampleFiles, path);
  return {
    displayRoot: files.displayRoot,
    list: () => [...files.list(), ...Object.keys(largeExampleFiles)].sort(),
    read: (path) => (large(path) ? new Uint8Array(largeExampleFiles[path]!) : files.read(path)),
    realPath: (path) => (large(path) ? undefined : files.realPath?.(path)),
    lookup: (path) => (large(path) ? { kind: "file", size: largeExampleFiles[path]! } : (files.lookup?.(path) ?? { kind: "missing" })),
  };
}

/** Reads and compiles the example of a code; undefined when it has none. */
export async function compileExample(code: DiagnosticCode): Promise<DiagnosticsExample | undefined> {
  const file = join(examplesDir, exampleFileName(code));
  if (!existsSync(file)) return undefined;
  // Read as Plotline reads stories (a story saved in GB18030 is the example of story/encoding).
  const input = storyInputFromBytes("", readFileSync(file));
  let text = input.text;
  const pathLine = PATH_LINE.exec(text);
  const path = pathLine ? pathLine[1]! : `content/stories/${exampleFileName(code)}`;
  if (pathLine) text = text.slice(pathLine[0].length);
  const setupLine = SETUP_LINE.exec(text);
  const links = setupLine ? (JSON.parse(setupLine[1]!) as { symlink: string; target: string }[]) : [];
  if (setupLine) text = text.slice(setupLine[0].length);
  const sqlLine = SQL_LINE.exec(text);
  const sql = sqlLine ? (JSON.parse(sqlLine[1]!) as SqlOptions & { run?: boolean }) : {};
  if (sqlLine) text = text.slice(sqlLine[0].length);
  const project = setupLine || !/^content\/stories\/[^/]+\.md$/.test(path) ? projectFileProblems(path, text, links) : { built: true, diagnostics: [] };
  // The project-level checks (translationOf, links) too, with the example as a project of one story
  // and the repository's public/ folder.
  // A story standing for a file too large to keep is compiled as Plotline meets such a file: by its size, unread.
  const tooLarge = largeExampleStories[exampleFileName(code)];
  const storyInput = tooLarge === undefined ? { ...input, path, text } : { path, text: "", tooLarge };
  const { run = true, ...sqlOptions } = sql;
  const story = run
    ? await compileStoryAsync(storyInput, { dataFiles: exampleDataFiles(), sql: sqlOptions })
    : compileStory(storyInput, { dataFiles: exampleDataFiles() });
  const [checked] = checkLinks(checkTranslations([story], () => text), { publicFiles: listPublicFiles(repoRoot) });
  const compiled = { diagnostics: [...(project.built ? checked!.diagnostics : []), ...project.diagnostics] };
  const dataFiles = [...text.matchAll(/^\s*(?:`{3,}|~{3,})\s*data\b.*?\bsrc=(?:"([^"]*)"|'([^']*)'|(\S+))/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .filter((src) => src !== "" && !src.startsWith(".") && existsSync(join(exampleDataDir, src)) && statSync(join(exampleDataDir, src)).isFile());
  return { code, path, text, dataFiles, links, diagnostics: compiled.diagnostics };
}

/** The example in a temporary project of its own with its links: whether it is built, and the problems of the project's files. */
function projectFileProblems(path: string, text: string, links: readonly { symlink: string; target: string }[]): { built: boolean; diagnostics: Diagnostic[] } {
  const root = mkdtempSync(join(tmpdir(), "plotline-diagnostics-example-"));
  try {
    const file = (relative: string) => join(root, ...relative.split("/"));
    mkdirSync(dirname(file(path)), { recursive: true });
    writeFileSync(file(path), text);
    for (const { symlink, target } of links) {
      mkdirSync(dirname(file(symlink)), { recursive: true });
      symlinkSync(target, file(symlink));
    }
    return { built: listStoryFiles(root).includes(path), diagnostics: projectFileDiagnostics(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Example files whose code is not in the catalogue (a renamed or mistyped file name). */
export function orphanExamples(): string[] {
  const expected = new Set(allCodes.map(exampleFileName));
  return readdirSync(examplesDir).filter((name) => name.endsWith(".md") && !expected.has(name)).sort();
}

/** A fence longer than any run of backticks in the text; control characters are shown as their pictures (␋). */
function fence(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(Math.max(3, longest + 1));
  return `${marks}${info}\n${showControlChars(text).replace(/\n*$/, "")}\n${marks}`;
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent));
}

/** A data file as an editor would see it in a text editor that guesses its encoding, with a note on how it is saved. */
function dataFileText(path: string): { text?: string; note: string } {
  const bytes = readFileSync(join(exampleDataDir, path));
  const decoded = decodeDataFile(bytes);
  if (decoded.ok) {
    const note = decoded.encoding === "GB18030" ? " (saved as GB18030/GBK, as Excel does on Chinese Windows; shown here decoded)" : decoded.encoding ? ` (saved as ${decoded.encoding}; shown here decoded)` : "";
    return { text: decoded.text, note };
  }
  if (decoded.problem === "binary") return { note: `, which is ${decoded.what} (not shown)` };
  return { text: new TextDecoder("windows-1252").decode(bytes), note: " (saved as Windows-1252; shown here decoded)" };
}

/** An example as shown: long data blocks cut to their first rows. */
function shortened(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if (!/^(`{3,}|~{3,})data\b/.test(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && !/^(`{3,}|~{3,})\s*$/.test(lines[end]!)) end++;
    const body = lines.slice(i + 1, end);
    if (body.length > 14) {
      out.push(...body.slice(0, 8), `⋮ (${body.length - 10} more lines like these) ⋮`, ...body.slice(-2));
      i = end - 1;
    }
  }
  return out.join("\n");
}

/** The output `npm run check` prints for an example, with code frames from the story or its data files. */
function printed(example: DiagnosticsExample): string {
  return example.diagnostics
    .map((d) => {
      let source: string | undefined;
      // A story too large to read has no code frame (print-diagnostics.ts does not read it either).
      if (d.span.file === example.path && largeExampleStories[exampleFileName(example.code)] === undefined) source = normalizeSource(example.text);
      else if (d.span.file.startsWith("data/") && existsSync(join(exampleDataDir, d.span.file.slice(5)))) {
        source = normalizeSource(readFileSync(join(exampleDataDir, d.span.file.slice(5)), "utf8"));
      }
      return formatDiagnostic(d, source === undefined ? {} : { source });
    })
    .join("\n\n");
}

const groups: { prefix: string; title: string; intro: string }[] = [
  { prefix: "story/", title: "Stories and frontmatter", intro: "Problems with a story file as a whole: its name and its frontmatter." },
  { prefix: "block/", title: "Block attributes", intro: "Problems with the attributes written after ```data or ```plot." },
  { prefix: "data/", title: "Data blocks", intro: "Problems reading a data block or its file, and typing its values." },
  { prefix: "plot/", title: "Chart blocks", intro: "Problems reading, checking and drawing a chart." },
  { prefix: "sql/", title: "SQL data blocks", intro: "Problems running a ```data format=sql block: queries DuckDB cannot read or run, statements and files a story may not use, and results charts cannot take." },
  { prefix: "value/", title: "Numbers in prose", intro: "Problems with `:value[…]` references from sentences to the data." },
  { prefix: "section/", title: "Sections that move", intro: "Problems with `:::scrolly` and `:::toggle` sections: what they hold and how they are written." },
  { prefix: "mark/", title: "Marked words in prose", intro: "Problems with `:mark[…]`, words in a sentence that light a series or bar of a chart." },
  { prefix: "expr/", title: "Expressions", intro: "Problems with expressions: computed channels, filters and sort keys of charts, and arithmetic in `:value[…]`." },
  { prefix: "public/", title: "Files in public/", intro: "Problems with the files copied into the site as they are." },
  { prefix: "html/", title: "Raw HTML", intro: "HTML written into a story that would hide what follows it." },
  { prefix: "link/", title: "Links", intro: "Links and pictures in stories that go to a page, file or part of a page the site does not have, that the page would not keep, or that come from other sites. Links to other sites are not checked." },
];

const severityText = { error: "Error: stops the build.", warning: "Warning: does not stop the build; check the result." } as const;

async function section(code: DiagnosticCode): Promise<string> {
  const entry = catalog[code];
  const example = await compileExample(code);
  const own = example?.diagnostics.find((d) => d.code === code);
  const lines = [`<a id="${anchorOf(code)}"></a>`, "", `### \`${code}\` — ${entry.title}`, "", `**${severityText[entry.severity]}**`, ""];
  if (!example || !own) {
    lines.push(`_No example yet: add docs/examples/diagnostics/${exampleFileName(code)} and run \`node scripts/generate-diagnostics-doc.ts\`._`, "");
    return lines.join("\n");
  }
  const [hintFirst = "", ...hintRest] = own.hint.split("\n");
  lines.push(`**What it means.** ${own.message}`, "", `**What to do.** ${hintFirst}`, "");
  // Hints with several lines show an example under their first line: keep its indentation.
  if (hintRest.length) lines.push(fence(dedent(hintRest).join("\n"), "yaml"), "");
  const storySize = largeExampleStories[exampleFileName(code)];
  const sized = storySize === undefined ? "" : `, ${Math.round(storySize / 1_048_576)} MB on disk: like this, with hundreds of thousands of rows in its data block`;
  lines.push(`Example: \`${example.path}\`${sized}`, "", fence(shortened(example.text), "markdown"), "");
  for (const { symlink, target } of example.links) lines.push(`with \`${symlink}\`, a symbolic link to \`${target}\`.`, "");
  for (const path of example.dataFiles) {
    const { text, note } = dataFileText(path);
    if (text === undefined) lines.push(`with \`data/${path}\`${note}.`, "");
    else lines.push(`with \`data/${path}\`${note}:`, "", fence(text, "text"), "");
  }
  for (const path of Object.keys(largeExampleFiles).filter((p) => example.text.includes(`"${p}"`))) {
    lines.push(`with \`data/${path}\`, a file of ${Math.round(largeExampleFiles[path]! / 1_048_576)} MB.`, "");
  }
  lines.push("`npm run check` prints:", "", fence(printed(example), "text"), "");
  return lines.join("\n");
}

/** The whole of docs/diagnostics.md. */
export async function generateDiagnosticsDoc(): Promise<string> {
  const grouped = groups.map((g) => ({ ...g, codes: allCodes.filter((c) => c.startsWith(g.prefix)) }));
  const others = allCodes.filter((c) => !groups.some((g) => c.startsWith(g.prefix)));
  if (others.length) grouped.push({ prefix: "", title: "Other problems", intro: "", codes: others });
  const out: string[] = [
    "<!-- Generated by scripts/generate-diagnostics-doc.ts from src/engine/diagnostics/catalog.ts and docs/examples/diagnostics/. Do not edit by hand: run `node scripts/generate-diagnostics-doc.ts`. -->",
    "",
    "# Diagnostics",
    "",
    "Every problem `npm run check` and `npm run build` report has a permanent code. This page lists them all, each with",
    "what it means, what to do, a small story that causes it, and exactly what Plotline prints for it.",
    "A report reads:",
    "",
    "```text",
    "content/stories/ai-jobs.md:27:15 error plot/unknown-column Column \"citty\" is not in data \"cities\". Did you mean \"city\"?",
    "```",
    "",
    "- `content/stories/ai-jobs.md:27:15` — the file, line and column (a problem inside a data file names that file, e.g. `data/cities.csv:3:1`);",
    "- `error` or `warning` — errors stop the build (the site stays as it was); warnings do not, but say something probably looks wrong;",
    "- `plot/unknown-column` — the code, listed below;",
    "- then the message, the lines around the problem with `>` and `^` pointing at it, and a hint.",
    "",
    "How to write stories, data and charts is in [authoring.md](authoring.md).",
    "",
  ];
  for (const g of grouped) {
    if (g.codes.length === 0) continue;
    out.push(`- **${g.title}**: ${g.codes.map((c) => `[\`${c}\`](#${anchorOf(c)})`).join(", ")}`);
  }
  out.push("");
  for (const g of grouped) {
    if (g.codes.length === 0) continue;
    out.push(`## ${g.title}`, "");
    if (g.intro) out.push(g.intro, "");
    for (const code of g.codes) out.push(await section(code));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = await generateDiagnosticsDoc();
  const missing: DiagnosticCode[] = [];
  for (const code of allCodes) if (!(await compileExample(code))?.diagnostics.some((d) => d.code === code)) missing.push(code);
  if (process.argv.includes("--check")) {
    const current = existsSync(diagnosticsDocPath) ? readFileSync(diagnosticsDocPath, "utf8") : "";
    if (current !== doc) {
      process.stderr.write("docs/diagnostics.md is out of date: run node scripts/generate-diagnostics-doc.ts\n");
      process.exit(1);
    }
  } else {
    writeFileSync(diagnosticsDocPath, doc);
    process.stdout.write(`Wrote docs/diagnostics.md: ${allCodes.length} codes.\n`);
  }
  for (const code of missing) process.stderr.write(`No working example for ${code}: add docs/examples/diagnostics/${exampleFileName(code)}\n`);
  for (const name of orphanExamples()) process.stderr.write(`docs/examples/diagnostics/${name} is not the example of any code in the catalogue.\n`);
}
