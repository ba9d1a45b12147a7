import type { PngJob } from "./deferred-rasterizer.ts";
import type { PublishedStory } from "./published-story.ts";
import type { StoryCacheFile } from "./story-cache-file.ts";

/** The PNGs a compile worker left to draw for one story (deferred-rasterizer.ts), and what waits for them. */
export interface PendingPngs {
  /** The story's file, for messages. */
  story: string;
  /** Each with its path under the site root ("_plotline/cards/<slug>.png"), for messages. */
  pngs: (PngJob & { path: string })[];
  /** The story's cache entry, to be written once its PNGs are drawn; none for a story with errors. */
  entry?: StoryCacheFile;
}

/** A story's undrawn PNGs, named as the site will have them; undefined when there are none. */
export function pendingPngs(story: PublishedStory, jobs: readonly PngJob[], entry: StoryCacheFile | undefined): PendingPngs | undefined {
  if (jobs.length === 0) return undefined;
  const pathOf = new Map(story.assets.map((asset) => [asset.file, asset.path]));
  return {
    story: story.path,
    pngs: jobs.map((job) => ({ ...job, path: pathOf.get(job.file) ?? job.file })),
    ...(entry ? { entry } : {}),
  };
}
