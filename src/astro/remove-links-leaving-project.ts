import { rmSync } from "node:fs";
import { join } from "node:path";
import { publicDir, scanPublicFiles } from "../engine/project/public-files.ts";

/**
 * Astro copies public/ into the site following symbolic links. `plotline build` stops before that when
 * a link leads out of the project (public/link-outside); this takes what such links copied back out of
 * a site built by `astro build` alone. Returns the paths removed, under the site's folder.
 */
export function removeLinksLeavingProject(root: string, outDir: string): string[] {
  const removed: string[] = [];
  for (const { path } of scanPublicFiles(root).outside) {
    if (path === publicDir) throw new Error("Plotline: public/ is a symbolic link to a folder outside the project, so none of its files are published. Copy them into the project.");
    const inSite = path.slice(publicDir.length + 1);
    rmSync(join(outDir, ...inSite.split("/")), { recursive: true, force: true });
    removed.push(inSite);
  }
  return removed;
}
