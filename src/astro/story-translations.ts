/**
 * Which stories link to a translation on the site's pages. A module of its own, without the site's
 * configuration, so the build command can use it (src/cli/page-plan.ts) without loading
 * plotline.config.mjs before it has read and checked it.
 */
import { linkTranslations } from "../engine/project/translations.ts";
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";

/** A story as pages see it: its slug (the collection entry's id) and frontmatter. */
interface StoryEntry {
  id: string;
  data: { lang: StoryLanguage; translationOf?: string | undefined; draft: boolean };
}

/**
 * Slug → the story's translation, for every link Plotline can draw: by the same rules the build
 * checks (src/engine/project/translations.ts), over all stories, drafts included, so a link never
 * changes with what is published; a link is kept only when both stories are on the site.
 */
export function translationsOf<T extends StoryEntry>(entries: readonly T[], published: (entry: T) => boolean): Map<string, T> {
  const { links } = linkTranslations(entries.map(({ id, data }) => ({ slug: id, lang: data.lang, translationOf: data.translationOf })));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const result = new Map<string, T>();
  for (const [from, to] of links) {
    const story = byId.get(from);
    const translation = byId.get(to);
    if (story && translation && published(story) && published(translation)) result.set(from, translation);
  }
  return result;
}
