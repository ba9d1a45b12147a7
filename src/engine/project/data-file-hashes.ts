import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataDir } from "./project-dirs.ts";

/** Where the hashes of a project's data files are kept between builds. */
export const dataFileHashesPath = ".plotline/cache/data-hashes.json";

/** A file's size, modification and change times and inode: what says it has not been written since it was hashed. */
type Known = { stamp: string; digest: string };

/**
 * The SHA-256 of data files (under data/), for the story cache: a story is compiled again when a file
 * it reads changed. Stories share files (a thousand stories may read one), so each file is read and
 * hashed once per process, and between builds a file whose size, times and inode are as they were is
 * not read again (at 1,000 stories that was 2,363 files, 0.3 s of every build). A file written less
 * than two seconds before it was hashed is not kept for the next build: a second write within the
 * file system's time resolution would leave its times as they were.
 */
const known = new Map<string, Known>();
/** Files hashed within two seconds of being written: not kept for the next build. */
const recent = new Set<string>();
/** Projects whose kept hashes this process has read, and whether it has new ones to keep. */
const projects = new Map<string, { changed: boolean }>();

export function dataFileHash(root: string, path: string): string {
  loadKept(root);
  const file = join(root, dataDir, path);
  try {
    const stats = statSync(file);
    const stamp = `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino}`;
    const entry = known.get(file);
    if (entry?.stamp === stamp) return entry.digest;
    const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
    known.set(file, { stamp, digest });
    if (Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) > 2000) {
      recent.delete(file);
      projects.get(root)!.changed = true;
    } else recent.add(file);
    return digest;
  } catch {
    return "missing";
  }
}

/** Keeps the hashes worked out in this process for the next build (only the main thread's are kept). */
export function saveDataFileHashes(root: string): void {
  if (!projects.get(root)?.changed) return;
  const prefix = join(root, dataDir);
  const kept: Record<string, Known> = {};
  for (const [file, entry] of known) if (file.startsWith(prefix) && !recent.has(file)) kept[file.slice(prefix.length + 1)] = entry;
  const target = join(root, dataFileHashesPath);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.${process.pid}.partial`, JSON.stringify(kept));
    renameSync(`${target}.${process.pid}.partial`, target);
    projects.get(root)!.changed = false;
  } catch {
    // Not kept: the next build hashes the files again.
  }
}

function loadKept(root: string): void {
  if (projects.has(root)) return;
  projects.set(root, { changed: false });
  try {
    const kept = JSON.parse(readFileSync(join(root, dataFileHashesPath), "utf8")) as Record<string, Known>;
    for (const [path, entry] of Object.entries(kept)) {
      if (typeof entry?.stamp === "string" && typeof entry.digest === "string") known.set(join(root, dataDir, path), entry);
    }
  } catch {
    // None kept yet, or unreadable: every file is hashed.
  }
}
