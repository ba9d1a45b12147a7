/**
 * Chart embed pages in a build under a base path (PLOTLINE_BASE=/newsroom/, PLOTLINE_SITE set): one page
 * per chart of every published story at /embed/<story>/<chart id>/, holding the story page's own figure,
 * a credit back to the chart in the story, the story's language, noindex and a canonical link to the
 * chart in the story; no page for a draft's charts; and the host script at /_plotline/embed.js.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempProject, publishedAt, repoRoot, runPlotline, runPlotlineWith } from "../support/temp-project.ts";

const site = join(repoRoot, "tests", "sites", "basic");
const BASE = "/newsroom/";
const ORIGIN = "https://news.example.org";

describe("chart embed pages under a base path", () => {
  let project: ReturnType<typeof createTempProject>;
  let result: ReturnType<typeof runPlotline>;

  beforeAll(() => {
    project = createTempProject(site);
    // A draft with a chart: its embed page must not be published either.
    const stories = join(project.root, "content", "stories");
    writeFileSync(join(stories, "draft-talent.md"), readFileSync(join(stories, "city-talent.md"), "utf8").replace("---\n\n", "draft: true\n---\n\n"));
    result = runPlotlineWith(project.root, publishedAt(BASE, ORIGIN), "build");
  }, 300_000);
  afterAll(() => project?.cleanup());

  const dist = (...path: string[]) => join(project.root, "dist", ...path);
  const page = (path: string) => parseHTML(readFileSync(dist(path), "utf8")).document;
  /** Story slug → the ids of the charts its page shows. */
  const chartsOfStories = () =>
    new Map(
      readdirSync(dist("stories")).map((slug) => [
        slug,
        [...page(`stories/${slug}/index.html`).querySelectorAll("figure.plotline-figure")].map((f) => f.getAttribute("data-plotline-chart")!),
      ]),
    );

  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("writes one embed page for every chart of every published story, and no other", () => {
    const expected = [...chartsOfStories()].flatMap(([slug, ids]) => ids.map((id) => `${slug}/${id}`)).sort();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const written = readdirSync(dist("embed")).flatMap((slug) => readdirSync(dist("embed", slug)).map((id) => `${slug}/${id}`)).sort();
    expect(written).toEqual(expected);
    for (const path of written) expect(existsSync(dist("embed", path, "index.html")), path).toBe(true);
    expect(existsSync(dist("embed", "draft-talent"))).toBe(false);
  });

  it("shows the story page's figure, server-drawn, with a credit back to it in the top window, and none of the site's chrome", () => {
    for (const [slug, ids] of chartsOfStories()) {
      const story = page(`stories/${slug}/index.html`);
      const title = story.querySelector("h1")!.textContent;
      for (const id of ids) {
        const embed = page(`embed/${slug}/${id}/index.html`);
        expect(embed.querySelector("figure")!.outerHTML).toBe(story.querySelector(`#chart-${id}`)!.outerHTML);
        expect(embed.querySelector("figure svg.plotline-plot")).not.toBeNull();
        const credit = embed.querySelector(".plotline-embed-credit a")!;
        expect(credit.getAttribute("href")).toBe(`${BASE}stories/${slug}/#chart-${id}`);
        expect(credit.getAttribute("target")).toBe("_top");
        expect(credit.textContent).toBe(`Plotline / ${title}`);
        expect(embed.querySelector(".site-header, .site-footer, .skip-link")).toBeNull();
      }
    }
  });

  it("gives each embed page the story's language, noindex, and the chart in the story as canonical address", () => {
    for (const [slug, ids] of chartsOfStories()) {
      const lang = page(`stories/${slug}/index.html`).documentElement.getAttribute("lang");
      for (const id of ids) {
        const embed = page(`embed/${slug}/${id}/index.html`);
        expect(embed.documentElement.getAttribute("lang"), `${slug}/${id}`).toBe(lang);
        expect(embed.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
        expect(embed.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${ORIGIN}${BASE}stories/${slug}/#chart-${id}`);
      }
    }
    expect(page("embed/zh-story/" + chartsOfStories().get("zh-story")![0] + "/index.html").documentElement.getAttribute("lang")).toBe("zh-CN");
  });

  it("loads its stylesheets and scripts from the site under the base path, none of them inline", () => {
    const [slug, ids] = [...chartsOfStories()].find(([, ids]) => ids.length > 0)!;
    const embed = page(`embed/${slug}/${ids[0]}/index.html`);
    const sheets = [...embed.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")!);
    const scripts = [...embed.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")!);
    expect(sheets.length).toBeGreaterThan(0);
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of [...sheets, ...scripts]) {
      // Vite's bundles, and the stylesheet linked inside <noscript> for readers without JavaScript.
      expect(url.startsWith(`${BASE}_astro/`) || url === `${BASE}_plotline/no-script.css`, url).toBe(true);
      expect(existsSync(dist(url.slice(BASE.length))), url).toBe(true);
    }
    expect(embed.querySelectorAll("style")).toHaveLength(0);
    expect([...embed.querySelectorAll("script:not([src])")].every((s) => s.getAttribute("type") === "application/json")).toBe(true);
  });

  it("offers the embed code under every figure of the story page, pointing at its embed page and the host script", () => {
    for (const [slug, ids] of chartsOfStories()) {
      const story = page(`stories/${slug}/index.html`);
      for (const id of ids) {
        const code = story.querySelector(`#chart-${id} textarea.plotline-embed-code`)!.innerHTML.replace(/&#x3C;/g, "<");
        expect(code).toContain(`<iframe src="${ORIGIN}${BASE}embed/${slug}/${id}/"`);
        expect(code).toContain(`<script src="${ORIGIN}${BASE}_plotline/embed.js" async></script>`);
      }
    }
    expect(readFileSync(dist("_plotline", "embed.js"), "utf8")).toContain("plotline:height");
  });
});
