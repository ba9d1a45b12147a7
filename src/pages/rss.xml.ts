/// <reference types="astro/client" />
// The feed of every story, newest first, like the home page: /rss.xml (see src/astro/story-feed.ts).
// (The reference above types astro:content before Astro has generated .astro/types.d.ts.)
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { storyFeed } from "../astro/story-feed.ts";

export const GET = (async ({ site }) => {
  if (!site) throw new Error("Plotline: feeds need the site's address (site in plotline.config.mjs)");
  const stories = await getCollection("stories");
  return new Response(storyFeed(stories, { site, base: import.meta.env.BASE_URL }), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}) satisfies APIRoute;
