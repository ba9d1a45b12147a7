// Where the site is published and what it is called. This is the one place to set it;
// astro.config.mjs, the pages and the build command read it from here.
//
//   site         The address of the site's home, without a path: "https://news.example.com".
//                Used for canonical links and absolute URLs (feeds, sitemap, social previews).
//   base         The path the site lives under on that host: "/" for the root of the domain,
//                "/graphics/" if the pages are served from https://news.example.com/graphics/.
//   name         The site's name: in the header and footer, page titles ("Headline — Name"), feeds,
//                og:site_name and the publisher in search engines' structured data.
//   description  One sentence about the site: the home page's meta description and the feeds'
//                description. Either one text for every language, or one per language
//                ({ en: "…", "zh-CN": "…" }); a language left out uses the English one.
//
//   sql          Settings of SQL data blocks (```data format=sql, see docs/authoring.md "Preparing data"):
//                timeout  seconds a query may run before it is stopped (30);
//                remote   address prefixes queries may read besides data/, e.g. ["s3://bucket/prefix/"]:
//                         off by default; needs DuckDB's httpfs extension installed on the build
//                         machine and credentials in the environment (see README, "Scale beyond one machine").
//
//   images       Pictures the build draws:
//                chartPng  true to draw a PNG of every chart at build time, published beside its SVG
//                          (_plotline/charts/<story>/<chart>.png). Off by default: a reader's browser
//                          draws the PNG from the chart's SVG when asked (readers without JavaScript
//                          get the SVG), and a build of a large archive is several times faster.
//                Each story's social card (a PNG for link previews) is drawn either way.
//
//   additions    The house style: which of Plotline's automatic additions charts get (all by default;
//                see docs/authoring.md "What Plotline adds"). false for none, or switches by name:
//                { endLabels: false, compactTicks: false }. The names: bandDates, accessibleColors,
//                symbols, endLabels, labelMargins, compactTicks, mapProjection, mapLegend, mapNoData, tickThinning,
//                labelCollisions.
//                A chart's own `plotline:` wins
//                (`plotline: {endLabels: true}` brings one back for that chart).
//
// For one-off builds (a staging copy, a preview) set environment variables instead of editing:
//   PLOTLINE_SITE=https://staging.example.com PLOTLINE_BASE=/preview/ npm run build

const defaults = {
  site: "https://example.org",
  base: "/",
  name: "Plotline",
  description: {
    en: "Data journalism: stories with charts and the numbers behind them.",
    "zh-CN": "数据新闻：图表和背后的数字。",
  },
};

/** Always "/" or "/a/path/": one leading and one trailing slash, so links can be joined to it. */
function normalizeBase(value) {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export const site = (process.env.PLOTLINE_SITE || defaults.site).trim().replace(/\/+$/, "");
export const base = normalizeBase(process.env.PLOTLINE_BASE || defaults.base);

export const name = defaults.name.trim();
export const sql = { timeout: 30, remote: [] };
export const images = { chartPng: false };
export const additions = {};
/** @type {{ en: string, "zh-CN": string }} */
export const description =
  typeof defaults.description === "string"
    ? { en: defaults.description, "zh-CN": defaults.description }
    : { en: defaults.description.en, "zh-CN": defaults.description["zh-CN"] ?? defaults.description.en };

export default { site, base, name, description, sql, images, additions };
