import { contentSecurityPolicy } from "./content-security-policy.ts";

/**
 * Folders whose files are named by their content (a changed file gets a new name), so browsers and
 * CDNs may keep them for a year without asking again.
 */
export const contentHashedFolders = ["_astro/", "_plotline/payloads/"] as const;

/** Pages that other sites must not show inside a frame (chart embeds, under embed/, are meant to be). */
const unframablePages = ["", "stories/*", "lang/*", "tags/*", "search/*"] as const;

/**
 * The `_headers` file read by Netlify, Cloudflare Pages and other static hosts that follow its format:
 * security headers for every file, the Content-Security-Policy the pages are tested against, and long
 * caching for content-hashed files. Hosts combine every rule a path matches and join repeated headers
 * with commas, so no header is set by two rules that can match the same path.
 */
export function staticHostHeaders(base: string): string {
  const at = (path: string) => `${base}${path}`;
  const rules: [string, string[]][] = [
    [
      at("*"),
      [
        `Content-Security-Policy: ${contentSecurityPolicy}`,
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: strict-origin-when-cross-origin",
      ],
    ],
    ...unframablePages.map((path): [string, string[]] => [at(path), ["X-Frame-Options: SAMEORIGIN"]]),
    ...contentHashedFolders.map((folder): [string, string[]] => [at(`${folder}*`), ["Cache-Control: public, max-age=31536000, immutable"]]),
  ];
  const lines = [
    "# Written by plotline build. Read by Netlify, Cloudflare Pages and hosts that follow their _headers format.",
    "# Hosts without it (GitHub Pages, S3) serve the site as well, without these headers: see README, Hosting.",
  ];
  for (const [path, headers] of rules) lines.push("", path, ...headers.map((header) => `  ${header}`));
  return `${lines.join("\n")}\n`;
}
