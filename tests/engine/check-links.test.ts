/**
 * Links from stories to other pages and files of the site, checked once every story is compiled
 * (src/engine/project/check-links.ts), by compileProject and compileProjectInWorkers alike.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileProjectInWorkers } from "../../src/engine/project/compile-in-workers.ts";
import { compileProject, type ProjectOptions } from "../../src/engine/project/compile-project.ts";
import { builtFiles, sitePage } from "../../src/engine/links/site-page.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const chart = "```data id=degrees\nmarket,postgraduate\nAI roles,50%\n```\n\n```plot data=degrees id=degrees\nalt: Bars.\nmarks:\n  - barX: {y: market, x: postgraduate}\n```\n";

/** A project: slug → [frontmatter lines after title, dek and date, body]; other files by path. */
function project(stories: Record<string, [string, string]>, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-links-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  for (const [slug, [extra, body]] of Object.entries(stories)) {
    writeFileSync(join(root, "content", "stories", `${slug}.md`), `---\ntitle: ${slug}\ndek: A story.\ndate: 2025-03-21\n${extra}---\n\n${body}\n`);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const found = (root: string, options: ProjectOptions = {}) =>
  compileProject(root, options).diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);

const target: [string, string] = ["", `## The rush\n\nText.\n\n${chart}`];

describe("links between the pages of a project", () => {
  it("accepts every form of link to a page or file the site has", () => {
    const root = project(
      {
        "ai-jobs": target,
        "pay": [
          "",
          [
            "[a](/stories/ai-jobs/) [b](/stories/ai-jobs) [c](/stories/ai-jobs/index.html) [d](../ai-jobs/) [e](../ai-jobs)",
            "[f](/stories/ai-jobs/#the-rush) [g](../ai-jobs/#chart-degrees) [h](/stories/ai-jobs/#top) [i](/stories/ai-jobs/#main)",
            "[j](/) [k](/index.html#main) [l](/lang/en/) [m](/lang/zh-cn) [n](/tags/) [o](/tags/anything/) [p](/embed/ai-jobs/degrees/) [p2](/search/) [p3](/lang/zh-cn/search/)",
            "[q](/favicon.svg) [r](/img/map%20large.png?v=2#x) [s](/docs/) [t](/_plotline/data/ai-jobs/degrees.csv) [t2](/_plotline/charts/ai-jobs/degrees.png) [t3](../../_plotline/charts/ai-jobs/degrees.svg) [u](/rss.xml) [v](/lang/zh-cn/rss.xml)",
            "[w](https://example.org/newsroom/stories/ai-jobs/#the-rush) [x](https://www.sixthtone.com/missing) [y](mailto:desk@example.org)",
          ].join("\n"),
        ],
      },
      { "public/favicon.svg": "<svg/>", "public/img/map large.png": "png", "public/docs/index.html": "<p>docs</p>" },
    );
    expect(found(root, { site: "https://example.org", assetBase: "/newsroom/", chartPngs: true })).toEqual([]);
  });

  it("reports a link to a story that does not exist at its address, with the closest published story", () => {
    const root = project({ "ai-jobs": target, "pay": ["", "Read [this](../ai-jbos/), [that](/stories/nothing-like-it/) and [the list](/stories/)."] });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:13 link/broken The link "../ai-jbos/" goes to /stories/ai-jbos/, which is not a page or file of the site. Did you mean "/stories/ai-jobs/"?',
      'content/stories/pay.md:7:34 link/broken The link "/stories/nothing-like-it/" is not a page or file of the site.',
      'content/stories/pay.md:7:76 link/broken The link "/stories/" is not a page or file of the site.',
    ]);
    const compiled = compileProject(root);
    expect(compiled.stories.find((s) => s.slug === "pay")!.ok).toBe(false);
    expect(compiled.stories.find((s) => s.slug === "ai-jobs")!.ok).toBe(true);
  });

  it("reports a #fragment the other story lacks, with its closest heading", () => {
    const root = project({ "ai-jobs": target, "pay": ["", "See [the rush](/stories/ai-jobs/#the-rsh) and [the chart](/stories/ai-jobs/#chart-postings)."] });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:16 link/missing-anchor The link "/stories/ai-jobs/#the-rsh" goes to "#the-rsh", but the story /stories/ai-jobs/ has no heading, chart or other element with that id. Did you mean "#the-rush"?',
      'content/stories/pay.md:7:59 link/missing-anchor The link "/stories/ai-jobs/#chart-postings" goes to "#chart-postings", but the story /stories/ai-jobs/ has no heading, chart or other element with that id.',
    ]);
    const [first] = compileProject(root).diagnostics;
    expect(first!.hint).toContain('The headings and charts of the story /stories/ai-jobs/ have the ids "#the-rush", "#chart-degrees".');
  });

  it("points a link to an id written in another story's HTML at that id under its user-content- prefix", () => {
    const root = project({
      "ai-jobs": ["", `<p id="method">How we counted.</p>\n\n${chart}`],
      "pay": ["", "See [the method](/stories/ai-jobs/#method) and [again](/stories/ai-jobs/#user-content-method)."],
    });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:18 link/missing-anchor The link "/stories/ai-jobs/#method" goes to "#method", but the story /stories/ai-jobs/ has no heading, chart or other element with that id. Did you mean "#user-content-method"?',
    ]);
  });

  it("checks #fragments on pages other than stories against the layout's ids only, and not on files", () => {
    const root = project({ "pay": ["", "[a](/#stories) [b](/lang/en/#main) [c](/favicon.svg#anything)"] }, { "public/favicon.svg": "<svg/>" });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:5 link/missing-anchor The link "/#stories" goes to "#stories", but the home page has no heading, chart or other element with that id.',
    ]);
  });

  it("does not let a published story link to a draft, but lets drafts link to each other", () => {
    const root = project({
      "pay": ["", "[Coming soon](/stories/series-2/)"],
      "series-1": ["draft: true\n", "[Part 2](../series-2/#the-rush) and [gone](../series-3/)"],
      "series-2": ["draft: true\n", "## The rush\n"],
    });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:15 link/broken The link "/stories/series-2/" is the page of content/stories/series-2.md, a draft: drafts are not published.',
      'content/stories/series-1.md:8:44 link/broken The link "../series-3/" goes to /stories/series-3/, which is not a page or file of the site. Did you mean "/stories/series-2/"?',
    ]);
    expect(compileProject(root).diagnostics[0]!.hint).toBe("Publish that story (draft: false), or take the link out until it is published.");
  });

  it("does not let a published story link to a draft's chart download or embed", () => {
    const root = project({ "pay": ["", "[csv](/_plotline/data/draft/degrees.csv) [png](/_plotline/charts/draft/degrees.png) [embed](/embed/draft/degrees/)"], "draft": ["draft: true\n", chart] });
    expect(found(root).map((line) => line.split(" link/")[1]!.split(" ")[0])).toEqual(["broken", "broken", "broken"]);
  });

  it("says what a link was probably meant to be: another site, an e-mail address, a story, a file, a language, a chart", () => {
    const root = project(
      {
        "ai-jobs": target,
        "pay": ["", "[a](www.sixthtone.com/news) [b](desk@example.org) [c](/ai-jobs/) [d](/favicon.svgg) [e](/lang/zh-CN/) [f](/embed/ai-jobs/degree/)"],
      },
      { "public/favicon.svg": "<svg/>" },
    );
    expect(found(root).map((line) => line.slice(line.indexOf("Did you mean")))).toEqual([
      'Did you mean "https://www.sixthtone.com/news"?',
      'Did you mean "mailto:desk@example.org"?',
      'Did you mean "/stories/ai-jobs/"?',
      'Did you mean "/favicon.svg"?',
      'Did you mean "/lang/zh-cn/"?',
      'Did you mean "/embed/ai-jobs/degrees/"?',
    ]);
  });

  it("accepts images that are files of the site, in Markdown or HTML, and the site's own full address", () => {
    const root = project(
      {
        "ai-jobs": target,
        "pay": ["", '![a](/img/map%20large.png?v=2) ![b](../../img/offices.jpg) <img src="/_plotline/charts/ai-jobs/degrees.png" alt="c"> ![d](https://example.org/newsroom/img/offices.jpg)'],
      },
      { "public/img/map large.png": "png", "public/img/offices.jpg": "jpg" },
    );
    // A chart's PNG is a file of the site only when the build draws PNGs (images.chartPng); else its SVG is suggested.
    expect(found(root, { site: "https://example.org", assetBase: "/newsroom/", chartPngs: true })).toEqual([]);
    expect(found(root, { site: "https://example.org", assetBase: "/newsroom/" })).toEqual([
      'content/stories/pay.md:7:70 link/missing-image The image "/_plotline/charts/ai-jobs/degrees.png" is not a file of the site. Did you mean "/_plotline/charts/ai-jobs/degrees.svg"?',
    ]);
  });

  it("refuses pictures from other sites, and picture addresses the page would not keep, at their address", () => {
    const root = project({
      "pay": ["", '![d](https://example.net/x.png) <img src="//cdn.example.net/y.png"> ![e](data:image/png;base64,iVBORw0KGgo=)\n\n<picture><source srcset="https://example.net/z.webp 2x"><img src="/favicon.svg"></picture>'],
    }, { "public/favicon.svg": "svg" });
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:6 link/external-image The story shows the picture "https://example.net/x.png" from another site: readers\' browsers would fetch it from there (telling that site who reads the story), and the site\'s Content-Security-Policy, which allows only the site\'s own files, blocks it where it applies.',
      'content/stories/pay.md:7:43 link/external-image The story shows the picture "//cdn.example.net/y.png" from another site: readers\' browsers would fetch it from there (telling that site who reads the story), and the site\'s Content-Security-Policy, which allows only the site\'s own files, blocks it where it applies.',
      'content/stories/pay.md:7:74 link/unsafe-scheme The image "data:image/png;base64,iVBORw0KGgo=" starts with "data:", which stories may not use, so Plotline removes it and the picture would not show.',
      'content/stories/pay.md:9:10 link/external-image The story shows the picture "https://example.net/z.webp" from another site: readers\' browsers would fetch it from there (telling that site who reads the story), and the site\'s Content-Security-Policy, which allows only the site\'s own files, blocks it where it applies.',
    ]);
  });

  it("reports an image that is not a file of the site, or is a page, with the closest picture", () => {
    const root = project(
      { "ai-jobs": target, "pay": ["", "![Map](/img/ofices.jpg)\n\n![Next to the story](map.png)\n\n![A page](/stories/ai-jobs/)\n\n![A draft's chart](/_plotline/charts/draft/degrees.svg)"], "draft": ["draft: true\n", chart] },
      { "public/img/offices.jpg": "jpg" },
    );
    expect(found(root)).toEqual([
      'content/stories/pay.md:7:8 link/missing-image The image "/img/ofices.jpg" is not a file of the site. Did you mean "/img/offices.jpg"?',
      'content/stories/pay.md:9:22 link/missing-image The image "map.png" is /stories/pay/map.png, which is not a file of the site.',
      'content/stories/pay.md:11:11 link/missing-image The image "/stories/ai-jobs/" is not a file of the site.',
      'content/stories/pay.md:13:20 link/missing-image The image "/_plotline/charts/draft/degrees.svg" belongs to content/stories/draft.md, a draft: drafts are not published.',
    ]);
    const compiled = compileProject(root);
    expect(compiled.stories.find((s) => s.slug === "pay")!.ok).toBe(false);
    expect(compiled.diagnostics[0]!.hint).toContain("Put the picture in public/");
  });

  it("counts a story whose frontmatter cannot be read as there, so only its own errors are reported", () => {
    const root = project({ "pay": ["", "[broken story](/stories/broken/)"], "broken": ["titel: x\n", "Text."] });
    expect(found(root).filter((line) => line.includes("link/"))).toEqual([]);
  });

  it("treats the site's full address as another site when the project does not know its address", () => {
    const root = project({ "pay": ["", "[a](https://example.org/stories/nothing/)"] });
    expect(found(root)).toEqual([]);
    expect(found(root, { site: "https://example.org" })).toEqual([
      'content/stories/pay.md:7:5 link/broken The link "https://example.org/stories/nothing/" goes to /stories/nothing/, which is not a page or file of the site.',
    ]);
  });

  it("reports the same problems when stories are compiled on several threads", async () => {
    const root = project({ "ai-jobs": target, "pay": ["", "[a](../ai-jbos/) [b](/stories/ai-jobs/#the-rsh) [c](/favicon.svg)"] }, { "public/favicon.svg": "<svg/>" });
    const inWorkers = await compileProjectInWorkers(root, {}, 2, 1);
    expect(inWorkers.diagnostics).toEqual(compileProject(root).diagnostics);
    expect(inWorkers.diagnostics.map((d) => d.code)).toEqual(["link/broken", "link/missing-anchor"]);
  });
});

describe("the pages the engine knows the site has", () => {
  it("reads every form of a page's address, and nothing else, as that page", () => {
    expect(sitePage("/stories/a/index.html")).toEqual({ kind: "story", slug: "a" });
    expect(sitePage("/lang/en")).toEqual({ kind: "language", code: "en" });
    expect(sitePage("/embed/a/b/")).toEqual({ kind: "embed", slug: "a", chart: "b" });
    expect(sitePage("/lang/zh-cn/search/index.html")).toEqual({ kind: "search", code: "zh-cn" });
    for (const path of ["/stories/", "/stories//", "/stories/a/b/", "/embed/a/", "/favicon.svg", "stories/a/", "/x/"]) expect(sitePage(path), path).toBeUndefined();
    expect(builtFiles).toContain("404.html");
  });
});
