import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { gunzipSync } from "node:zlib";
import type { PublishedStory } from "../../src/engine/project/published-story.ts";
import { storyCacheDir } from "../../src/engine/project/story-cache.ts";

/**
 * The stories a project's story cache holds, as written on disk (a header line, then the gzipped entry),
 * whether or not the files they name are there: what a stopped build left, read without the checks a
 * build makes before using an entry.
 */
export function storyCacheEntries(root: string): PublishedStory[] {
  const dir = join(root, storyCacheDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".bin.gz"))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      const newline = bytes.indexOf(10);
      return (deserialize(gunzipSync(bytes.subarray(newline + 1))) as { published: PublishedStory }).published;
    });
}

/** The files a cached story names (PNGs included) that are not in the project. */
export const missingFiles = (root: string, story: PublishedStory): string[] => story.assets.map((asset) => asset.file).filter((file) => !existsSync(join(root, file)));
