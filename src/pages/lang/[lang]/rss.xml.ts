/// <reference types="astro/client" />
// The feed of one language's stories, like its list: /lang/en/rss.xml, /lang/zh-cn/rss.xml (see
// src/astro/story-feed.ts). (The reference above types astro:content before Astro has generated
// .astro/types.d.ts.)
import type { APIRoute, GetStaticPaths } from "astro";
import { getCollection } from "astro:content";
import { languageOfSlug, languageSlug } from "../../../astro/present.ts";
import { storyFeed } from "../../../astro/story-feed.ts";
import { languages } from "../../../engine/story/frontmatter-schema.ts";

export const getStaticPaths = (() => languages.map((lang) => ({ params: { lang: languageSlug[lang] } }))) satisfies GetStaticPaths;

export const GET = (async ({ site, params }) => {
  const lang = languageOfSlug(params.lang ?? "");
  if (!lang) return new Response(null, { status: 404 });
  if (!site) throw new Error("Plotline: feeds need the site's address (site in plotline.config.mjs)");
  const stories = await getCollection("stories");
  return new Response(storyFeed(stories, { site, base: import.meta.env.BASE_URL, lang }), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}) satisfies APIRoute;
