import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { linkFile, linkFileAsync, linkOrCopy } from "../astro/link-files.ts";
import { searchablePage } from "./searchable-page.ts";

/**
 * The searchable copies of story pages (searchable-page.ts) that a build keeps for the next one in
 * `dir` (.plotline/search-pages/): `<slug>/<page key>.html`. A copy is named by the key of the page
 * it was made from (page-plan.ts), so a kept page is only ever indexed from a copy of itself, even
 * after a build that failed in between; a page without one is read whole.
 */
export interface SearchPageCopies {
  dir: string;
  /** Story slug → the key of its page in this build. */
  keys: Readonly<Record<string, string>>;
}

const copyPath = (copies: SearchPageCopies, slug: string) => join(copies.dir, slug, `${copies.keys[slug]}.html`);
const storyPage = (siteDir: string, slug: string) => join(siteDir, "stories", slug, "index.html");

/**
 * Makes the searchable copy of each of `slugs`' pages in `siteDir` (replacing older ones) and puts it
 * in `to` as stories/<slug>/index.html, for Pagefind to read from there.
 */
export function copySearchablePages(copies: SearchPageCopies, siteDir: string, slugs: Iterable<string>, to: string): void {
  for (const slug of slugs) {
    const target = storyPage(to, slug);
    mkdirSync(join(to, "stories", slug), { recursive: true });
    // Read as latin1: byte for byte, and faster than UTF-8 (searchable-page.ts only looks for ASCII).
    const copy = searchablePage(readFileSync(storyPage(siteDir, slug), "latin1"));
    const key = copies.keys[slug];
    if (key === undefined) {
      writeFileSync(target, copy, "latin1");
      continue;
    }
    const folder = join(copies.dir, slug);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    // Written whole, then named: a build stopped halfway never leaves a partial copy under a key.
    const partial = `${copyPath(copies, slug)}.${process.pid}.partial`;
    writeFileSync(partial, copy, "latin1");
    renameSync(partial, copyPath(copies, slug));
    if (!linkFile(copyPath(copies, slug), target)) copyFileSync(copyPath(copies, slug), target);
  }
}

/**
 * Puts each of `slugs`' pages in `to` as stories/<slug>/index.html: its searchable copy where one was
 * made from the page as it is (same key), else the page itself from `siteDir`. Asynchronous, on Node's
 * thread pool: done while Astro starts, these 2,000 calls at 1,000 stories took 130 ms of its thread.
 */
export async function linkSearchablePages(copies: SearchPageCopies | undefined, siteDir: string, slugs: Iterable<string>, to: string): Promise<void> {
  await Promise.all(
    [...slugs].map(async (slug) => {
      const target = storyPage(to, slug);
      await mkdir(join(to, "stories", slug), { recursive: true });
      const copy = copies && copies.keys[slug] !== undefined ? copyPath(copies, slug) : undefined;
      if (copy && (await linkFileAsync(copy, target))) return;
      await linkOrCopy(storyPage(siteDir, slug), target);
    }),
  );
}

/** Removes the copies of stories that are no longer published. */
export function forgetSearchablePages(copies: SearchPageCopies): void {
  if (!existsSync(copies.dir)) return;
  for (const slug of readdirSync(copies.dir)) if (copies.keys[slug] === undefined) rmSync(join(copies.dir, slug), { recursive: true, force: true });
}
