import { shortenName } from "./name-limit.ts";

/** The web-address slug of a story: its file name without `.md`. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(md|markdown)$/i, "");
}

export const isValidSlug = (slug: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);

/** A slug an editor could rename the file to. */
export function suggestSlug(slug: string): string {
  const ascii = slug
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return shortenName(ascii) || "story";
}
