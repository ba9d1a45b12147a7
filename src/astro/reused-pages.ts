import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Puts the pages of stories that have not changed since the last build (see src/cli/page-plan.ts) into
 * the new site: their story page and their charts' embed pages, from the last build's site. Hard links
 * where the file system allows (nothing is copied; the old site is removed after the new one is in
 * place, and no build writes into a page it did not make), copies elsewhere.
 */
export function linkReusedPages(previousSite: string, outDir: string, slugs: Iterable<string>): number {
  let files = 0;
  for (const slug of slugs) {
    // A story without charts has no embed pages.
    for (const folder of [join("stories", slug), join("embed", slug)]) if (existsSync(join(previousSite, folder))) files += linkTree(join(previousSite, folder), join(outDir, folder));
  }
  return files;
}

/** Links (or copies) every file under `from` to the same place under `to`; answers with how many. */
export function linkTree(from: string, to: string): number {
  let files = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      files += linkTree(source, target);
      continue;
    }
    if (!linkFile(source, target)) copyFileSync(source, target);
    files++;
  }
  return files;
}

/** Hard-links `source` at `target`; false if it cannot (no such file, another file system). */
export function linkFile(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch {
    return false;
  }
}
