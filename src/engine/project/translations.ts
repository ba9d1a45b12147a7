/**
 * Translations: a story may name the story that is itself in the other language with
 * `translationOf: <slug>`. One story naming the other is enough: the link goes both ways.
 *
 * Stories cannot check this alone, so the project does, after every story is compiled (compileProject
 * and compileProjectInWorkers, so both `plotline check` and `plotline build` report it), and the pages
 * use linkTranslations to draw the links, by the same rules:
 *
 * - a slug that names no story is story/unknown-translation;
 * - a story naming itself, or a story in the same language, is story/translation-mismatch;
 * - a story linked to two others (two stories naming the same translation, or A naming B while B names C)
 *   is story/translation-mismatch, on every translationOf line that takes part; none of those links is drawn.
 *
 * Plain functions without file access, so pages can use linkTranslations too.
 */
import type { CompiledStory } from "../compile-story.ts";
import { diagnostic, hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { SourceFile, type SourceSpan } from "../diagnostics/source-file.ts";
import type { StoryLanguage } from "../story/frontmatter-schema.ts";
import { normalizeSource } from "../story/normalize-source.ts";
import { parseFrontmatter } from "../story/parse-frontmatter.ts";

export interface TranslationSource {
  slug: string;
  /** Undefined when the story's frontmatter could not be read: it exists, but is never linked. */
  lang?: StoryLanguage | undefined;
  translationOf?: string | undefined;
  /** The story's file, for messages; content/stories/<slug>.md by default. */
  path?: string | undefined;
}

export type TranslationProblem =
  | { slug: string; code: "story/unknown-translation"; params: { slug: string; suggestion: string } }
  | { slug: string; code: "story/translation-mismatch"; params: { slug: string; detail: string } };

export interface TranslationLinks {
  /** Slug → slug of its translation, both ways, for every link without a problem. */
  links: Map<string, string>;
  /** One per translationOf that cannot be honoured, on the story that wrote it, in slug order. */
  problems: TranslationProblem[];
}

const languageWords: Record<StoryLanguage, string> = { en: "an English story (lang: en)", "zh-CN": "a Chinese story (lang: zh-CN)" };

/** Which stories are translations of which, and what is wrong with the translationOf keys that are not. */
export function linkTranslations(stories: readonly TranslationSource[]): TranslationLinks {
  const bySlug = new Map<string, TranslationSource>();
  for (const story of stories) if (!bySlug.has(story.slug)) bySlug.set(story.slug, story);
  const pathOf = (slug: string) => bySlug.get(slug)?.path ?? `content/stories/${slug}.md`;
  const sorted = [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const problems: TranslationProblem[] = [];
  const edges: { from: string; to: string }[] = [];

  for (const story of sorted) {
    const named = story.translationOf;
    if (named === undefined || story.lang === undefined) continue;
    const target = bySlug.get(named);
    if (!target) {
      problems.push({ slug: story.slug, code: "story/unknown-translation", params: { slug: named, suggestion: suggestSlug(named, story.slug, bySlug) } });
    } else if (target.slug === story.slug) {
      problems.push({ slug: story.slug, code: "story/translation-mismatch", params: { slug: named, detail: "it is this story itself" } });
    } else if (target.lang === undefined) {
      // Its frontmatter has errors of its own; link nothing until they are fixed.
      continue;
    } else if (target.lang === story.lang) {
      problems.push({ slug: story.slug, code: "story/translation-mismatch", params: { slug: named, detail: `it is ${languageWords[target.lang]} too` } });
    } else {
      edges.push({ from: story.slug, to: target.slug });
    }
  }

  // Every story's partners, whichever of the two named the other.
  const partners = new Map<string, Set<string>>();
  const partnersOf = (slug: string) => partners.get(slug) ?? partners.set(slug, new Set()).get(slug)!;
  for (const { from, to } of edges) {
    partnersOf(from).add(to);
    partnersOf(to).add(from);
  }
  const links = new Map<string, string>();
  for (const { from, to } of edges) {
    const othersOfTarget = [...partnersOf(to)].filter((slug) => slug !== from).sort();
    const othersOfStory = [...partnersOf(from)].filter((slug) => slug !== to).sort();
    if (othersOfTarget.length === 0 && othersOfStory.length === 0) {
      links.set(from, to);
      links.set(to, from);
      continue;
    }
    const reasons = [
      ...othersOfTarget.map((other) =>
        bySlug.get(other)?.translationOf === to ? `${pathOf(other)} names it as its translation too` : `it names "${other}" as its translation`,
      ),
      // The story names only `to`, so its other partners are stories that name it.
      ...othersOfStory.map((other) => `${pathOf(other)} names this story as its translation`),
    ];
    problems.push({
      slug: from,
      code: "story/translation-mismatch",
      params: { slug: to, detail: `${reasons.join("; ")}, and a story can have only one translation` },
    });
  }
  return { links, problems };
}

/** ` Did you mean "x"?` over the other stories' slugs, or an empty string. "ai-jobs.md" means "ai-jobs". */
function suggestSlug(named: string, own: string, bySlug: ReadonlyMap<string, TranslationSource>): string {
  const candidates = [...bySlug.keys()].filter((slug) => slug !== own);
  const stem = named.replace(/\.md$/i, "");
  const match = candidates.includes(stem) ? stem : closestMatch(named, candidates);
  return match === undefined ? "" : ` Did you mean "${match}"?`;
}

/**
 * Adds the translation problems of a project to the stories that have them (their diagnostics, and
 * `ok`), at the value of their translationOf key. `readSource` gives a story file's text as Plotline read
 * it, to find that line; it is asked only for stories with a problem.
 */
export function checkTranslations<Story extends Pick<CompiledStory, "slug" | "path" | "frontmatter" | "diagnostics" | "ok">>(
  stories: readonly Story[],
  readSource: (path: string) => string | undefined,
): Story[] {
  const { problems } = linkTranslations(
    stories.map((story) => ({ slug: story.slug, lang: story.frontmatter?.lang, translationOf: story.frontmatter?.translationOf, path: story.path })),
  );
  if (problems.length === 0) return [...stories];
  const bySlug = new Map<string, TranslationProblem[]>();
  for (const problem of problems) bySlug.set(problem.slug, [...(bySlug.get(problem.slug) ?? []), problem]);
  return stories.map((story) => {
    const own = bySlug.get(story.slug);
    if (!own) return story;
    // Two files with one slug (a.md and a.MD): linkTranslations looked at the first.
    bySlug.delete(story.slug);
    const span = translationOfSpan(story.path, readSource);
    const added = own.map((problem) =>
      problem.code === "story/unknown-translation"
        ? diagnostic("story/unknown-translation", problem.params, span)
        : diagnostic("story/translation-mismatch", problem.params, span),
    );
    const diagnostics = sortDiagnostics([...story.diagnostics, ...added]);
    return { ...story, diagnostics, ok: story.ok && !hasErrors(added) };
  });
}

/** Where the value of a story's translationOf is (its key if the value is empty, else the first line). */
function translationOfSpan(path: string, readSource: (path: string) => string | undefined): SourceSpan {
  let text: string | undefined;
  try {
    text = readSource(path);
  } catch {
    text = undefined;
  }
  const file = new SourceFile(path, normalizeSource(text ?? ""));
  const position = text === undefined ? undefined : parseFrontmatter(file).positions?.["translationOf"];
  return position?.value ?? position?.key ?? file.lineSpan(1);
}

