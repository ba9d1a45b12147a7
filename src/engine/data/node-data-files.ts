import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { isInside } from "../is-inside.ts";
import type { DataFileLookup, DataFileSource } from "./data-file-source.ts";

/** A relative path that stays inside its folder on every system: no absolute paths, backslashes, drive letters or "..". */
function isPlainRelative(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[A-Za-z]:/.test(path)) return false;
  return path.split("/").every((segment) => segment !== "..");
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;

/**
 * The project's data/ folder, read with node:fs. Reads never leave the folder, also not through a
 * symbolic link pointing outside it, and a path must match the file name's case exactly (so a
 * story that builds on a case-insensitive Mac also builds on Linux). Only regular files are read:
 * never a folder, a named pipe or a device (reading those could wait forever).
 */
export function nodeDataFiles(dataDir: string): DataFileSource {
  const root = resolve(dataDir);
  let realRoot: string | null | undefined;
  let listing: string[] | undefined;

  const getRealRoot = (): string | null => {
    if (realRoot === undefined) {
      try {
        realRoot = realpathSync(root);
      } catch {
        realRoot = null;
      }
    }
    return realRoot;
  };

  // Folder → its entries, read once per source: one source serves a whole build (or one dev compile),
  // and an archive's data/ holds thousands of files that every story's lookups would read again.
  const entries = new Map<string, Set<string>>();
  const namesIn = (dir: string): Set<string> => {
    let names = entries.get(dir);
    if (!names) entries.set(dir, (names = new Set(readdirSync(dir))));
    return names;
  };

  /** Whether each segment of `path` exists under `root` with exactly this spelling. */
  const exactCase = (segments: string[]): boolean => {
    let dir = root;
    for (const segment of segments) {
      if (segment === "." || segment === "") continue;
      if (!namesIn(dir).has(segment)) return false;
      dir = resolve(dir, segment);
    }
    return true;
  };

  const lookup = (relativePath: string): DataFileLookup => {
    if (!isPlainRelative(relativePath)) return relativePath === "" ? { kind: "missing" } : { kind: "outside" };
    const full = resolve(root, relativePath);
    if (!isInside(root, full)) return { kind: "outside" };
    const real = getRealRoot();
    if (real === null) return { kind: "missing" };
    let target: string;
    try {
      target = realpathSync(full);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ELOOP") return { kind: "unreadable", reason: "a symbolic link that leads back to itself (a loop of links)" };
      if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "in a folder Plotline is not allowed to open" };
      try {
        // realpath fails on a link whose target is gone; the link itself is still there.
        if (lstatSync(full).isSymbolicLink()) return { kind: "unreadable", reason: "a symbolic link to a file that does not exist" };
      } catch {
        // Nothing there at all.
      }
      return { kind: "missing" };
    }
    if (!isInside(real, target)) return { kind: "outside" };
    try {
      if (!exactCase(relativePath.split("/"))) return { kind: "missing" };
      const stats = statSync(target);
      if (stats.isDirectory()) return { kind: "directory" };
      if (!stats.isFile()) return { kind: "unreadable", reason: "not a regular file but a named pipe, socket or device" };
      return { kind: "file", size: stats.size };
    } catch (error) {
      const code = errorCode(error);
      if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "in a folder Plotline is not allowed to open" };
      return { kind: "missing" };
    }
  };

  return {
    displayRoot: "data",
    lookup,
    read(relativePath) {
      if (!isPlainRelative(relativePath)) return undefined;
      const full = resolve(root, relativePath);
      const real = getRealRoot();
      if (real === null || !isInside(root, full)) return undefined;
      try {
        const target = realpathSync(full);
        if (!isInside(real, target) || !statSync(target).isFile()) return undefined;
        if (!exactCase(relativePath.split("/"))) return undefined;
        return readFileSync(target);
      } catch {
        return undefined;
      }
    },
    realPath(relativePath) {
      if (lookup(relativePath).kind !== "file") return undefined;
      try {
        return realpathSync(resolve(root, relativePath));
      } catch {
        return undefined;
      }
    },
    list() {
      listing ??= walk(root, getRealRoot());
      return listing;
    },
  };
}

/** Every file under `root` (relative, forward slashes, sorted), skipping dotfiles and anything that resolves outside it. */
function walk(root: string, realRoot: string | null): string[] {
  if (realRoot === null) return [];
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, prefix: string) => {
    let realDir: string;
    let names: string[];
    try {
      realDir = realpathSync(dir);
      if (seen.has(realDir) || !isInside(realRoot, realDir)) return;
      seen.add(realDir);
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const full = resolve(dir, name);
      try {
        const real = realpathSync(full);
        if (!isInside(realRoot, real)) continue;
        const stats = statSync(real);
        if (stats.isDirectory()) visit(full, `${prefix}${name}/`);
        else if (stats.isFile()) files.push(`${prefix}${name}`);
      } catch {
        continue;
      }
    }
  };
  visit(root, "");
  return files.sort();
}
