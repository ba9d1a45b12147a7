/**
 * What a link in a story points at, decided the way a browser would (WHATWG URL parsing against the
 * story's own address), so that it can be checked against the site and written out under the base path.
 * Editors write links as if the site lived at "/": the base path is added when the page is written.
 */

export interface LinkContext {
  /** The root path of the page the link is on: "/stories/ai-jobs/". */
  pagePath: string;
  /** The site's address ("https://news.example.com"): links written with it count as internal. */
  site?: string | undefined;
  /** The site's base path, "/" or "/newsroom/": the site's own absolute addresses live under it. */
  base?: string | undefined;
}

export type ResolvedLink =
  /** Another site, mailto:, tel: and the like: never fetched, never checked. */
  | { kind: "external" }
  /** Cannot be read as an address: why, in editors' words. */
  | { kind: "malformed"; detail: string }
  | {
      kind: "internal";
      /** How it was written: "#part", "/stories/x/", "../x/", or the site's own address in full. */
      written: "fragment" | "root" | "relative" | "absolute";
      /** The root path it goes to, percent-decoded: "/stories/x/", "/favicon.svg". */
      path: string;
      /** The query and fragment as the URL parser wrote them ("?a=1", "#part"), to write back out. */
      search: string;
      hash: string;
      /** The fragment, percent-decoded (as browsers look it up); undefined without "#". */
      fragment?: string;
    };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
/** Any host will do: only the path, query and fragment of a resolved internal link are used. */
const ORIGIN = "https://plotline.invalid";

export function resolveLink(href: string, context: LinkContext): ResolvedLink {
  // Browsers ignore spaces around an address (raw HTML may have them).
  const written = href.trim();
  const scheme = SCHEME.exec(written)?.[1]?.toLowerCase();
  let url: URL;
  let path: string;
  let how: "fragment" | "root" | "relative" | "absolute";
  if (scheme !== undefined) {
    if (scheme !== "http" && scheme !== "https") return { kind: "external" };
    const parsed = parse(written);
    if (!parsed) return { kind: "malformed", detail: hostProblem(written) };
    const base = context.base ?? "/";
    if (!isOwnSite(parsed, context.site) || !parsed.pathname.startsWith(base)) return { kind: "external" };
    url = parsed;
    path = `/${parsed.pathname.slice(base.length)}`;
    how = "absolute";
  } else if (written.startsWith("//")) {
    // Another host, without a scheme ("//cdn.example.com/x.png").
    return parse(`https:${written}`) ? { kind: "external" } : { kind: "malformed", detail: hostProblem(written) };
  } else {
    const parsed = parse(written, `${ORIGIN}${context.pagePath}`);
    if (!parsed) return { kind: "malformed", detail: "it cannot be read as an address on this site" };
    url = parsed;
    path = parsed.pathname;
    how = written.startsWith("#") ? "fragment" : written.startsWith("/") ? "root" : "relative";
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { kind: "malformed", detail: 'it has a "%" that is not followed by two hexadecimal digits (write a percent sign as %25)' };
  }
  const hash = url.hash === "" && written.endsWith("#") ? "#" : url.hash;
  const resolved: ResolvedLink = { kind: "internal", written: how, path: decoded, search: url.search, hash };
  if (hash !== "") resolved.fragment = decodeOrKeep(hash.slice(1));
  return resolved;
}

/** Why the site's name in an absolute address cannot be read, in editors' words. */
function hostProblem(written: string): string {
  const host = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/*([^/?#]*)/.exec(written)?.[1] ?? "";
  const name = host.replace(/^[^@]*@/, "");
  if (name === "") return "there is no site name after the //";
  if (/\s/.test(name)) return `the site's name "${name}" has a space in it`;
  const port = /:([^:\]]*)$/.exec(name)?.[1];
  if (port !== undefined && !/^\d{0,5}$/.test(port)) return `":${port}" after the site's name is not a port number`;
  return `"${name}" cannot be a site's name`;
}

function parse(href: string, base?: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

function isOwnSite(url: URL, site: string | undefined): boolean {
  if (!site) return false;
  const own = parse(site);
  // http: and https: addresses of the same host are the same site.
  return own !== undefined && own.host === url.host;
}

/** Browsers look a fragment up as written, then percent-decoded; an undecodable one only as written. */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
