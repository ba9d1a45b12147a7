/**
 * Links editors write, in a site built under a base path (PLOTLINE_BASE=/newsroom/) from tests/sites/links:
 * every form of link (no trailing slash, index.html, relative, reference-style, raw HTML, the site's full
 * address, chart downloads, images) is written under the base, and every link the check accepted really goes somewhere in
 * dist/ (the file, and the element its #fragment names). And the engine's picture of the site
 * (links/site-page.ts, the ids of story pages) is held to what Astro built. Broken links through the CLI
 * (check and build fail, dist/ untouched) are in the bad-input corpus: tests/bad-inputs/broken-links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutIds } from "../../src/engine/links/page-anchors.ts";
import { builtFiles, sitePage } from "../../src/engine/links/site-page.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { createTempProject, publishedAt, repoRoot, runPlotline, runPlotlineWith } from "../support/temp-project.ts";
import { checkSiteXml } from "../support/well-formed-site.ts";

const BASE = "/newsroom/";
const ORIGIN = "https://example.org";

/** Every file under a folder, by path relative to it with "/". */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

describe("links in a site built under a base path", () => {
  let project: ReturnType<typeof createTempProject>;
  let result: ReturnType<typeof runPlotline>;
  let dist: string;

  beforeAll(() => {
    project = createTempProject(join(repoRoot, "tests", "sites", "links"));
    dist = join(project.root, "dist");
    result = runPlotlineWith(project.root, publishedAt(BASE, ORIGIN), "build");
  }, 300_000);
  afterAll(() => project?.cleanup());

  const document = (path: string) => parseHTML(readFileSync(join(dist, path), "utf8")).document;
  /** The addresses of the story's body (the editor's part of the page), in order. */
  const bodyAddresses = (slug: string) =>
    [...document(`stories/${slug}/index.html`).querySelectorAll(".story-body a[href], .story-body img[src]")]
      .filter((element) => !element.closest("figure, .plotline-data, .plotline-table"))
      .map((element) => element.getAttribute("href") ?? element.getAttribute("src")!);

  it("builds, with no link reported", () => {
    expect(result.stderr).not.toContain("link/");
    expect(result.status, result.stderr).toBe(0);
  });

  it("writes only well-formed XML: every .svg and .xml file, and every chart SVG inside a page", () => {
    const xml = checkSiteXml(dist);
    expect(xml.problems).toEqual([]);
    expect(xml.svgFiles).toBeGreaterThan(0);
    expect(xml.xmlFiles).toBeGreaterThan(0);
    expect(xml.inlineSvgs).toBeGreaterThan(xml.svgFiles);
  });

  it("writes every link to a page in the site's own form under the base, files under the base, and the rest as written", () => {
    expect(bodyAddresses("jobs")).toEqual([
      "/newsroom/stories/pay/",
      "/newsroom/stories/pay/#the-gap",
      "/newsroom/stories/pay/",
      "/newsroom/stories/pay/",
      "https://example.org/newsroom/stories/pay/#the-gap",
      "/newsroom/stories/pay/#the-gap",
      "#chart-degrees",
      "#data-degrees",
      "#method",
      "#top",
      "/newsroom/",
      "/newsroom/lang/zh-cn/",
      "/newsroom/favicon.svg",
      "/newsroom/_plotline/data/jobs/degrees.csv",
      "/newsroom/_plotline/charts/jobs/degrees.svg",
      "../../_plotline/charts/jobs/degrees.svg",
      "https://www.sixthtone.com/",
      "/newsroom/favicon.svg",
    ]);
    expect(bodyAddresses("pay")).toEqual(["/newsroom/stories/jobs/#chart-degrees", "/newsroom/stories/jobs/#method"]);
  });

  it("every link of every story body goes to a file of dist/, and to an element with its #fragment's id", () => {
    const pages = filesUnder(dist).filter((path) => /^stories\/[^/]+\/index\.html$/.test(path));
    expect(pages.length).toBe(2);
    let checked = 0;
    for (const page of pages) {
      const pageUrl = new URL(`${BASE}${page.replace(/index\.html$/, "")}`, ORIGIN);
      for (const address of bodyAddresses(page.split("/")[1]!)) {
        const url = new URL(address, pageUrl);
        if (url.origin !== ORIGIN) continue;
        const where = `${page}: ${address}`;
        expect(url.pathname.startsWith(BASE), where).toBe(true);
        const path = decodeURIComponent(url.pathname.slice(BASE.length));
        const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
        expect(existsSync(join(dist, file)) && statSync(join(dist, file)).isFile(), where).toBe(true);
        const id = decodeURIComponent(url.hash.slice(1));
        if (id !== "" && id !== "top") expect(document(file).querySelector(`[id="${id}"], a[name="${id}"]`), where).not.toBeNull();
        checked++;
      }
    }
    expect(checked).toBe(19);
  });

  it("every page Astro built is a page the link check knows, and every file it knows is built", () => {
    const built = filesUnder(dist);
    const pages = built.filter((path) => path.endsWith("index.html")).map((path) => `/${path}`);
    expect(pages.filter((path) => sitePage(path) === undefined)).toEqual([]);
    // Files the engine says the build writes (those it writes here: no feeds or robots.txt in every shell).
    expect(builtFiles.filter((file) => built.includes(file))).toContain("404.html");
  });

  it("every id the engine counts on a story page is on the built page, with the layout's own", () => {
    const { stories } = compileProject(project.root, { assetBase: BASE, site: ORIGIN });
    expect(stories.map((story) => story.slug)).toEqual(["jobs", "pay"]);
    for (const story of stories) {
      const page = document(`stories/${story.slug}/index.html`);
      const ids = [...story.anchors.headings, ...story.anchors.charts, ...story.anchors.other, ...layoutIds];
      expect(ids.length).toBeGreaterThan(layoutIds.length);
      for (const id of ids) expect(page.querySelector(`[id="${id}"], a[name="${id}"]`), `${story.slug}: #${id}`).not.toBeNull();
    }
    for (const page of ["index.html", "lang/en/index.html", "404.html"]) {
      for (const id of layoutIds) expect(document(page).getElementById(id), `${page}: #${id}`).not.toBeNull();
    }
  });
});
