import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Where a project keeps files copied to the site as they are (favicon, images), relative to its root. */
export const publicDir = "public";

/**
 * The files of public/, by their path under it with "/" ("favicon.svg", "img/map.png"): the site has
 * each at that path under its base, so links to them are checked against this list. A folder that
 * cannot be read lists nothing (links into it are then reported, never a crash).
 */
export function listPublicFiles(root: string): string[] {
  const dir = join(root, publicDir);
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        isFile = statSync(path).isFile();
      } catch {
        isFile = false;
      }
    }
    if (isFile) files.push(relative(dir, path).split(sep).join("/"));
  }
  return files.sort();
}
