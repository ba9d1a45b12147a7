/// <reference types="astro/client" />
// robots.txt: every page may be crawled, and the sitemap (written by src/astro/sitemap.ts) is named
// by its absolute address, so the file knows the site and base it is built for. Crawlers only read
// robots.txt at the root of a host: a site under a base path is served its own copy at
// <base>robots.txt, whose Sitemap line belongs in the host's /robots.txt.
import type { APIRoute } from "astro";
import { absoluteUrl, withBase } from "../astro/present.ts";

export const GET = (({ site }) => {
  const sitemap = absoluteUrl(site, withBase(import.meta.env.BASE_URL, "sitemap.xml"));
  const lines = ["User-agent: *", "Allow: /", ...(sitemap ? ["", `Sitemap: ${sitemap}`] : []), ""];
  return new Response(lines.join("\n"), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}) satisfies APIRoute;
