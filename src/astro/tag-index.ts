// Every tag on the site with its stories: the pages under /tags/. Tags that differ only in case,
// width or spacing share a slug (see tag-slug.ts) and so a page.
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { tagSlug } from "./tag-slug.ts";

interface TaggedStory {
  id: string;
  data: { tags: readonly string[]; lang: StoryLanguage };
}

export interface Tag<T> {
  slug: string;
  /** The spelling editors use most; on a tie, the one of the first story given (the newest). */
  name: string;
  /** The stories that carry it, in the order given, each once. */
  stories: T[];
  /** The language of the tag's page: its stories' language when they share one, else English (like the home page). */
  lang: StoryLanguage;
}

// Latin names first, then the rest; the same order on every machine.
const collator = new Intl.Collator(["en", "zh-CN"], { sensitivity: "base", numeric: true });

/** The tags of these stories, ordered by name. */
export function tagIndex<T extends TaggedStory>(stories: readonly T[]): Tag<T>[] {
  const bySlug = new Map<string, { stories: T[]; spellings: Map<string, number> }>();
  for (const story of stories) {
    for (const tag of story.data.tags) {
      const slug = tagSlug(tag);
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { stories: [], spellings: new Map() }));
      if (entry.stories.at(-1) !== story) entry.stories.push(story);
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    }
  }
  return [...bySlug]
    .map(([slug, { stories, spellings }]) => {
      // Map keeps insertion order, so on a tie the first spelling met wins.
      const name = [...spellings].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
      const langs = new Set(stories.map((story) => story.data.lang));
      const lang: StoryLanguage = langs.size === 1 ? [...langs][0]! : "en";
      return { slug, name, stories, lang };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

/**
 * A story's tags as its page, feed items and structured data name them: one per tag page (the first
 * spelling of "AI", "ai", "ＡＩ"), runs of spaces written as one.
 */
export function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const slug = tagSlug(tag);
    if (seen.has(slug)) continue;
    seen.add(slug);
    result.push(tag.replace(/\s+/g, " "));
  }
  return result;
}

/**
 * The language a tag's name is written in, for its lang attribute where the page's language differs:
 * Chinese if it has Han characters, English if it has Latin letters, else undefined (digits, symbols).
 */
export function tagNameLanguage(name: string): StoryLanguage | undefined {
  if (/\p{Script=Han}/u.test(name)) return "zh-CN";
  if (/\p{Script=Latin}/u.test(name)) return "en";
  return undefined;
}
