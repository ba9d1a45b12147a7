// Where the site is published. This is the one place to set it; astro.config.mjs and the
// build command read it from here.
//
//   site  The address of the site's home, without a path: "https://news.example.com".
//         Used for canonical links and absolute URLs.
//   base  The path the site lives under on that host: "/" for the root of the domain,
//         "/graphics/" if the pages are served from https://news.example.com/graphics/.
//
// For one-off builds (a staging copy, a preview) set environment variables instead of editing:
//   PLOTLINE_SITE=https://staging.example.com PLOTLINE_BASE=/preview/ npm run build

const defaults = {
  site: "https://example.org",
  base: "/",
};

/** Always "/" or "/a/path/": one leading and one trailing slash, so links can be joined to it. */
function normalizeBase(value) {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export const site = (process.env.PLOTLINE_SITE || defaults.site).trim().replace(/\/+$/, "");
export const base = normalizeBase(process.env.PLOTLINE_BASE || defaults.base);

export default { site, base };
