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
  | { largeCsv: string; megabytes: number };

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
  copy(join(c.dir, c.story), join(root, c.story));
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
