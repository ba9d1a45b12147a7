/**
 * The bad-input corpus (see README.md here): reading the cases and making their temporary projects.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";

export const corpusDir = import.meta.dirname;

export interface ExpectedDiagnostic {
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  message?: string;
}

export type SetupStep =
  | { symlink: string; target: string }
  | { fifo: string }
  | { file: string; text: string }
  | { file: string; repeat: string; times: number }
  | { file: string; pieces: Piece[] }
  | { largeCsv: string; megabytes: number };

/** A part of a file written by a `pieces` step: some text, or one string repeated. */
export type Piece = { text: string } | { repeat: string; times: number; indent?: string };

export interface BadInputCase {
  name: string;
  dir: string;
  /** content/stories/<name>.md, relative to the project root. */
  story: string;
  about: string;
  setup: SetupStep[];
  diagnostics: ExpectedDiagnostic[];
}

export function readCases(): BadInputCase[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(corpusDir, entry.name);
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Partial<BadInputCase>;
      return {
        name: entry.name,
        dir,
        story: `content/stories/${entry.name}.md`,
        about: expected.about ?? "",
        setup: expected.setup ?? [],
        diagnostics: expected.diagnostics ?? [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Puts a case into a project: its story, its data files and its setup. Returns the paths it made (deepest
 * first), so that `removeCase` can take them out again and leave the project as it was.
 */
export function addCase(root: string, c: BadInputCase): string[] {
  const made: string[] = [];
  const copy = (from: string, to: string) => {
    if (existsSync(to)) throw new Error(`${c.name}: ${to} exists already; give the case's files names of their own`);
    cpSync(from, to, { recursive: true });
    made.push(to);
  };
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  // A story too large or too odd to commit is written by a setup step instead.
  if (existsSync(join(c.dir, c.story))) copy(join(c.dir, c.story), join(root, c.story));
  else if (!c.setup.some((step) => "file" in step && step.file === c.story)) throw new Error(`${c.name}: no ${c.story}, and no setup step writes it`);
  const dataDir = join(c.dir, "data");
  if (existsSync(dataDir)) {
    mkdirSync(join(root, "data"), { recursive: true });
    for (const name of readdirSync(dataDir)) copy(join(dataDir, name), join(root, "data", name));
  }
  for (const step of c.setup) {
    const path = join(root, "symlink" in step ? step.symlink : "fifo" in step ? step.fifo : "file" in step ? step.file : step.largeCsv);
    if (existsSync(path)) throw new Error(`${c.name}: ${path} exists already`);
    mkdirSync(dirname(path), { recursive: true });
    if ("symlink" in step) symlinkSync(step.target, path);
    else if ("fifo" in step) {
      const made = spawnSync("mkfifo", [path]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    } else if ("text" in step) writeFileSync(path, step.text);
    else if ("repeat" in step) writeFileSync(path, step.repeat.repeat(step.times));
    else if ("pieces" in step) writePieces(path, step.pieces);
    else writeLargeCsv(path, step.megabytes);
    made.push(path);
  }
  return made.reverse();
}

export function removeCase(made: string[]): void {
  for (const path of made) rmSync(path, { recursive: true, force: true });
}

/** A CSV of plausible rows, `megabytes` MiB long, written in 1 MiB chunks. */
function writeLargeCsv(path: string, megabytes: number): void {
  const header = "year,region,count\n";
  const row = "2024,North-East,12345\n";
  const chunkSize = 1024 * 1024;
  const chunk = Buffer.from(row.repeat(Math.ceil(chunkSize / row.length)).slice(0, chunkSize));
  const fd = openSync(path, "w");
  try {
    writeSync(fd, header);
    for (let i = 0; i < megabytes; i++) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** A file of pieces written one after another, so a file of many megabytes never has to be one string. */
function writePieces(path: string, pieces: Piece[]): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of pieces) {
      if ("text" in piece) writeSync(fd, piece.text);
      else if (piece.indent !== undefined) {
        for (let i = 0; i < piece.times; i++) writeSync(fd, piece.indent.repeat(i) + piece.repeat);
      } else {
        // Repeats are written in chunks of about 1 MiB.
        const perChunk = Math.max(1, Math.floor((1024 * 1024) / Math.max(1, piece.repeat.length)));
        const chunk = piece.repeat.repeat(Math.min(perChunk, piece.times));
        let left = piece.times;
        for (; left >= perChunk; left -= perChunk) writeSync(fd, chunk);
        if (left > 0) writeSync(fd, piece.repeat.repeat(left));
      }
    }
  } finally {
    closeSync(fd);
  }
}
