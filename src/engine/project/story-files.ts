import { lstatSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import { storiesDir } from "./project-dirs.ts";
import { linkTarget, resolveInProject } from "./resolve-in-project.ts";

export interface StoryFiles {
  /** The story files of the project, relative to its root, sorted: content/stories/*.md, not hidden. */
  stories: string[];
  /** A warning for each Markdown file there that is not built, saying why: never silence. */
  notBuilt: Diagnostic[];
}

/** Other endings editors' tools give Markdown files. */
const otherMarkdown = /\.(markdown|mdown|mkdn|mkd|mdwn|mdtxt|mdtext)$/i;
const isStoryName = (name: string) => /\.md$/i.test(name);
const isMarkdown = (name: string) => isStoryName(name) || otherMarkdown.test(name);
const asStoryName = (name: string) => name.replace(otherMarkdown, ".md");

/** The first line of a file, for diagnostics about the file as a whole rather than a place in it. */
export const wholeFile = (file: string): SourceSpan => ({ file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });

/**
 * The stories of a project: the files directly in content/stories/ whose names end in .md and do not
 * start with ".". A story may be a symbolic link to a file inside the project; one that leads outside
 * it, or to nothing, is not read. Markdown files left out (another ending, in a folder, such a link)
 * each get a warning.
 */
export function scanStoryFiles(root: string): StoryFiles {
  const found: StoryFiles = { stories: [], notBuilt: [] };
  const dir = join(root, storiesDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = `${storiesDir}/${name}`;
    const full = join(dir, name);
    const entry = describe(root, full);
    if (entry.kind === "folder") found.notBuilt.push(...storiesInFolder(root, full, path));
    else if (!isMarkdown(name)) continue;
    else if (entry.kind === "link-not-followed") found.notBuilt.push(diagnostic("story/link-not-followed", { path, target: entry.target, reason: entry.reason }, wholeFile(path)));
    else if (entry.kind !== "file") continue;
    else if (isStoryName(name)) found.stories.push(path);
    else found.notBuilt.push(diagnostic("story/markdown-extension", { path, rename: `${storiesDir}/${asStoryName(name)}` }, wholeFile(path)));
  }
  return found;
}

type Entry =
  | { kind: "file" }
  /** A real folder (a linked one is never looked into: it could hold the project itself). */
  | { kind: "folder" }
  | { kind: "link-not-followed"; target: string; reason: "outside" | "broken" | "not-a-file" }
  | { kind: "other" };

function describe(root: string, full: string): Entry {
  try {
    const link = lstatSync(full).isSymbolicLink();
    const where = resolveInProject(root, full);
    if (where.kind === "outside" || where.kind === "broken") return { kind: "link-not-followed", target: where.target, reason: where.kind };
    if (where.kind !== "inside") return { kind: "other" };
    const stats = statSync(where.real);
    if (stats.isFile()) return { kind: "file" };
    if (link) return { kind: "link-not-followed", target: linkTarget(full) ?? "", reason: "not-a-file" };
    return stats.isDirectory() ? { kind: "folder" } : { kind: "other" };
  } catch {
    return { kind: "other" };
  }
}

/** A warning for every Markdown file in a folder inside content/stories/, at any depth. */
function storiesInFolder(root: string, dir: string, path: string): Diagnostic[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith(".")) return [];
    const full = join(dir, name);
    const inner = `${path}/${name}`;
    if (describe(root, full).kind === "folder") return storiesInFolder(root, full, inner);
    if (!isMarkdown(name)) return [];
    return [diagnostic("story/in-subfolder", { path: inner, moveTo: `${storiesDir}/${asStoryName(basename(name))}` }, wholeFile(inner))];
  });
}
