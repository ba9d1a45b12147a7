// The picture social networks show with a link to a page (og:image, twitter:image, the image of the
// structured data): a story's social card, a file the build writes under the site root.
import type { SocialCard } from "../engine/image/social-card.ts";
import { absoluteUrl, withBase } from "./present.ts";

/** A page's preview image, by its absolute address (networks fetch it from elsewhere). */
export interface SocialImage {
  url: string;
  type: string;
  width: number;
  height: number;
  alt: string;
}

const types: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

/** The card as a preview image under the site and base; undefined when there is no card or no site. */
export function socialImage(card: SocialCard | undefined, site: URL | undefined, base: string): SocialImage | undefined {
  if (!card) return undefined;
  const url = absoluteUrl(site, withBase(base, card.path.split("/").map(encodeURIComponent).join("/")));
  if (!url) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(card.path)?.[1]?.toLowerCase() ?? "";
  return { url, type: types[extension] ?? "image/png", width: card.width, height: card.height, alt: card.alt };
}
