import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { resolveInProject } from "./resolve-in-project.ts";

/** Where a project keeps files copied to the site as they are (favicon, images), relative to its root. */
export const publicDir = "public";

export interface PublicFiles {
  /** The files of public/, by their path under it with "/" ("favicon.svg", "img/map.png"), sorted. */
  files: string[];
  /**
   * Symbolic links in public/ (or public/ itself) that lead outside the project, by their path from the
   * root ("public/notes.txt") with their target as written: never published (see public/link-outside).
   */
  outside: { path: string; target: string }[];
}

/**
 * What public/ holds, following symbolic links that stay inside the project (a link to data/jobs.csv is
 * a file of the site) and none that leave it. A folder that cannot be read lists nothing (links into it
 * are then reported, never a crash); broken links and loops list nothing.
 */
export function scanPublicFiles(root: string): PublicFiles {
  const found: PublicFiles = { files: [], outside: [] };
  const visit = (path: string, under: string, ancestors: ReadonlySet<string>) => {
    const where = resolveInProject(root, join(root, ...path.split("/")));
    if (where.kind === "outside") found.outside.push({ path, target: where.target });
    if (where.kind !== "inside") return;
    try {
      const stats = statSync(where.real);
      if (!stats.isDirectory()) {
        if (stats.isFile() && under !== "") found.files.push(under);
        return;
      }
    } catch {
      return;
    }
    // A link to a folder that holds it would go on for ever: followed once.
    if (ancestors.has(where.real)) return;
    let names: string[];
    try {
      names = readdirSync(where.real);
    } catch {
      return;
    }
    const inside = new Set([...ancestors, where.real]);
    for (const name of names.sort()) visit(`${path}/${name}`, under === "" ? name : `${under}/${name}`, inside);
  };
  visit(publicDir, "", new Set());
  found.files.sort();
  return found;
}

/** The files of public/ the site has (see scanPublicFiles): links to them are checked against this list. */
export function listPublicFiles(root: string): string[] {
  return scanPublicFiles(root).files;
}
