// The address of a tag's page: /tags/<slug>/.
//
// Tags are written by editors in any language and case ("AI", "ai", "Data Journalism", "人工智能"), so
// the slug folds what should not make a different page: full-width and compatibility forms (NFKC, so
// "ＡＩ" is "AI"), case, and runs of spaces and punctuation ("data journalism", "Data  Journalism" and
// "data-journalism" are one page). Letters, digits and marks of every script are kept as they are:
// the built folder is dist/tags/人工智能/, and links name it percent-encoded UTF-8
// (/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/), which every static host maps back to that folder.
// Characters a host might treat specially in a path ("/", "?", "#", "%", "+", ".") never reach it; "+"
// and a "#" after a letter are spelled out first, so C, C++ and C# are three pages, not one.
import { withBase } from "./present.ts";

/** Longest slug, in UTF-8 bytes: file systems allow 255 bytes per name. */
const MAX_BYTES = 200;

/** "Data Journalism" → "data-journalism"; "人工智能" → "人工智能"; "C++" → "c-plus-plus". */
export function tagSlug(tag: string): string {
  const folded = tag
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\+/g, "-plus-")
    .replace(/(?<=\p{L})#/gu, "-sharp-")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // A tag of other symbols alone ("★", "%") still gets a page: its code points, in hex.
  const slug = folded || [...tag.trim()].map((c) => `u${c.codePointAt(0)!.toString(16)}`).join("-");
  return truncateBytes(slug, MAX_BYTES);
}

/** The link to a tag's page, under the base path: "/newsroom/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/". */
export function tagHref(base: string, tag: string): string {
  return withBase(base, `tags/${encodeURIComponent(tagSlug(tag))}/`);
}

const utf8 = new TextEncoder();

function truncateBytes(text: string, max: number): string {
  let result = "";
  let bytes = 0;
  for (const char of text) {
    bytes += utf8.encode(char).length;
    if (bytes > max) break;
    result += char;
  }
  return result.replace(/-+$/, "");
}
