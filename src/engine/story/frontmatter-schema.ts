import { z } from "zod";
import { parseIsoDate } from "../iso-date.ts";

/** A date as editors write it: 2025-03-21, or a full ISO date-time with an offset. */
/** Read by the same rules as dates in data (2025-03-21, 2025-03-21T09:30+08:00, …), without bare years. */
const dateValue = z.union([z.date(), z.string()]).transform((value, context) => {
  if (value instanceof Date) return value;
  const parsed = parseIsoDate(value);
  if (!parsed || parsed.precision === "month") {
    context.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
  return parsed.date;
});

/** A single string is accepted where a list is expected, so `authors: Li Quan` works. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(item));

const source = z.preprocess(
  (value) => (typeof value === "string" ? { name: value } : value),
  z.strictObject({ name: z.string().trim().min(1), url: z.url({ protocol: /^https?$/ }).optional() }),
);

export const languages = ["en", "zh-CN"] as const;
export type StoryLanguage = (typeof languages)[number];

export const frontmatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  dek: z.string().trim().min(1),
  date: dateValue,
  lang: z.enum(languages).default("en"),
  authors: listOf(z.string().trim().min(1)).default([]),
  tags: listOf(z.string().trim().min(1)).default([]),
  sources: listOf(source).default([]),
  draft: z.boolean().default(false),
  updated: dateValue.optional(),
  /**
   * The slug (file name without .md) of this story's translation into the other language. Checked
   * against the other stories by the project (src/engine/project/translations.ts); the link goes both ways.
   */
  translationOf: z.preprocess((value) => (typeof value === "number" ? String(value) : value), z.string().trim().min(1)).optional(),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;

export const frontmatterKeys = Object.keys(frontmatterSchema.shape) as (keyof Frontmatter)[];

/** How each key is explained to an editor whose value does not fit. */
export const frontmatterHelp: Record<keyof Frontmatter, { problem: string; example: string }> = {
  title: { problem: "must be the headline, as text", example: "title: Chinese tech firms want AI experts" },
  dek: { problem: "must be a one-sentence summary, as text", example: "dek: Postings for AI jobs rose by a fifth, but few graduates qualify." },
  date: { problem: "must be a date written as year-month-day", example: "date: 2025-03-21" },
  lang: { problem: 'must be "en" or "zh-CN"', example: "lang: zh-CN" },
  authors: { problem: "must be a list of names", example: "authors: [Li Quan, Jane Doe]" },
  tags: { problem: "must be a list of words", example: "tags: [technology, jobs]" },
  sources: {
    problem: "must be a list of sources, each with a name and an optional web address (url)",
    example: 'sources:\n  - name: Liepin\n    url: "https://www.liepin.com"',
  },
  draft: { problem: "must be true or false", example: "draft: true" },
  updated: { problem: "must be a date written as year-month-day", example: "updated: 2025-03-22" },
  translationOf: {
    problem: "must be the file name, without .md, of the story that is this one in the other language",
    example: "translationOf: ai-jobs-zh",
  },
};
