/**
 * Links in one story (src/engine/links/): where each address is written, what it points at, how it is
 * written out under the site's base path, and what the story checks alone (#fragments on its own page,
 * addresses that cannot be read). Links to other pages are checked by the project: check-links.test.ts.
 */
import { describe, expect, it } from "vitest";
import { compileStory, type CompiledStory } from "../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../src/engine/data/node-data-files.ts";
import { resolveLink } from "../../src/engine/links/resolve-link.ts";
import { repoRoot } from "../support/temp-project.ts";
import { join } from "node:path";

const dataFiles = nodeDataFiles(join(repoRoot, "docs/examples/data"));
const front = "---\ntitle: Links\ndek: A story with links.\ndate: 2025-03-21\n---\n\n";
/** Lines of the frontmatter above, so positions read as lines of the body. */
const FRONT_LINES = 6;

function compile(body: string, options: { assetBase?: string; site?: string; slug?: string } = {}): CompiledStory {
  const { slug = "links", ...rest } = options;
  return compileStory({ path: `content/stories/${slug}.md`, text: front + body }, { dataFiles, ...rest });
}

/** Each link's address and where it is written: body line:column-endColumn. */
const where = (story: CompiledStory) =>
  story.links.map((l) => `${l.href} ${l.span.start.line - FRONT_LINES}:${l.span.start.column}-${l.span.end.column}`);

const problems = (story: CompiledStory) =>
  story.diagnostics.map((d) => `${d.span.start.line - FRONT_LINES}:${d.span.start.column} ${d.code} ${d.message}`);

describe("where a link's address is written", () => {
  it("finds inline, reference-style, autolinked and raw HTML links at their address", () => {
    const story = compile(
      [
        'Read [the report](/stories/report/ "The report") and [its data](<../report data/>).',
        "See [the other story][other] and [again][other], <https://example.org/x>.",
        "> A quote with <a class=x href = '/stories/quoted/'>a link</a> and <A HREF='/stories/upper'>one</A>.",
        "",
        "<div>",
        '  <a href="../in-html/">in HTML</a>',
        "</div>",
        "",
        "[other]: /stories/other/#part",
      ].join("\n"),
    );
    // The autolink goes to another site, so it is not among the links the project checks.
    expect(where(story)).toEqual([
      "/stories/report/ 1:19-35",
      "../report data/ 1:66-81",
      "/stories/other/#part 9:10-30",
      "/stories/quoted/ 3:35-51",
      "/stories/upper 3:77-91",
      "../in-html/ 6:12-23",
    ]);
    expect(problems(story)).toEqual([]);
  });

  it("reports a reference-style link used twice once, at its definition", () => {
    const story = compile("[One][x], [two][x], [three][x].\n\n[x]: <https://exa mple.org/>\n");
    // Quoted as written, though the page has it percent-encoded.
    expect(problems(story)).toEqual(['3:7 link/malformed The address "https://exa mple.org/" cannot be read: the site\'s name "exa mple.org" has a space in it.']);
  });

  it("finds a link whose text has brackets and code with brackets in it", () => {
    const story = compile("See [the `a[0]` [value]](/stories/values/) here.\n");
    expect(where(story)).toEqual(["/stories/values/ 1:26-42"]);
  });
});

describe("what a link points at", () => {
  const on = (href: string, context: { site?: string; base?: string } = {}) => resolveLink(href, { pagePath: "/stories/here/", ...context });

  it("resolves root-relative, relative and same-page addresses as a browser would on the story's page", () => {
    expect(on("/stories/a/")).toMatchObject({ kind: "internal", written: "root", path: "/stories/a/", hash: "" });
    expect(on("../a/#part")).toMatchObject({ kind: "internal", written: "relative", path: "/stories/a/", hash: "#part", fragment: "part" });
    expect(on("a")).toMatchObject({ kind: "internal", path: "/stories/here/a" });
    expect(on("./#part")).toMatchObject({ kind: "internal", path: "/stories/here/", fragment: "part" });
    expect(on("#%E4%BA%BA%E6%89%8D")).toMatchObject({ kind: "internal", written: "fragment", path: "/stories/here/", fragment: "人才" });
    expect(on("../../favicon.svg?v=2")).toMatchObject({ kind: "internal", path: "/favicon.svg", search: "?v=2" });
    expect(on("/stories/ai%20jobs/")).toMatchObject({ kind: "internal", path: "/stories/ai jobs/" });
  });

  it("leaves other sites and other schemes alone, and counts the site's own address under its base as internal", () => {
    expect(on("https://www.sixthtone.com/news")).toEqual({ kind: "external" });
    expect(on("mailto:desk@example.org")).toEqual({ kind: "external" });
    expect(on("//cdn.example.org/x.png")).toEqual({ kind: "external" });
    const site = { site: "https://example.org", base: "/newsroom/" };
    expect(on("http://example.org/newsroom/stories/a/#x", site)).toMatchObject({ kind: "internal", written: "absolute", path: "/stories/a/", fragment: "x" });
    expect(on("https://example.org/elsewhere/", site)).toEqual({ kind: "external" });
    expect(on("https://example.com/newsroom/stories/a/", site)).toEqual({ kind: "external" });
  });

  it("says why an address cannot be read, and never throws", () => {
    expect(on("https://www.sixthtone .com/")).toEqual({ kind: "malformed", detail: 'the site\'s name "www.sixthtone .com" has a space in it' });
    expect(on("https://")).toEqual({ kind: "malformed", detail: "there is no site name after the //" });
    expect(on("http://example.org:80a/")).toEqual({ kind: "malformed", detail: '":80a" after the site\'s name is not a port number' });
    expect(on("/stories/100%-growth/")).toMatchObject({ kind: "malformed" });
    for (const href of ["", " ", "#", "?", "%", "%%", "http:", "https:x", "//", "///", "[", "\\\\x", "../../../../..", "\u0000", "/\uD800/", "javascript:x", "#\uDFFF", "http://[::1"]) {
      expect(() => on(href), href).not.toThrow();
    }
  });
});

describe("links under a base path", () => {
  const body = [
    "[a](/stories/a) [b](../b/#part) [c](/stories/c/index.html?x=1) [home](/) [en](/lang/en)",
    "[icon](/favicon.svg) [rel](files/report.pdf) [here](#here) [site](https://example.org/newsroom/stories/a/) [out](https://www.sixthtone.com/)",
    '![map](/img/map.png) <img src="/img/raw.png" alt="raw"> ![rel](img/rel.png) [cdn](//cdn.example.org/x.js)',
    "",
    "## Here",
  ].join("\n");
  const hrefs = (html: string) => [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

  it("writes page links in the site's own form under the base, root-relative files under it, and leaves the rest as written", () => {
    const story = compile(body, { assetBase: "/newsroom/", site: "https://example.org" });
    expect(hrefs(story.html)).toEqual([
      "/newsroom/stories/a/",
      "/newsroom/stories/b/#part",
      "/newsroom/stories/c/?x=1",
      "/newsroom/",
      "/newsroom/lang/en/",
      "/newsroom/favicon.svg",
      "files/report.pdf",
      "#here",
      "https://example.org/newsroom/stories/a/",
      "https://www.sixthtone.com/",
      "/newsroom/img/map.png",
      "/newsroom/img/raw.png",
      "img/rel.png",
      "//cdn.example.org/x.js",
    ]);
  });

  it("at the root, keeps root-relative addresses and only completes page links", () => {
    const story = compile(body);
    expect(hrefs(story.html).slice(0, 6)).toEqual(["/stories/a/", "/stories/b/#part", "/stories/c/?x=1", "/", "/lang/en/", "/favicon.svg"]);
    expect(hrefs(story.html)).toContain("/img/map.png");
  });

  it("checks links as written, not as rewritten", () => {
    const story = compile(body, { assetBase: "/newsroom/" });
    expect(story.links.map((l) => `${l.kind} ${l.path}`)).toEqual([
      "link /stories/a",
      "link /stories/b/",
      "link /stories/c/index.html",
      "link /",
      "link /lang/en",
      "link /favicon.svg",
      "link /stories/links/files/report.pdf",
      "image /img/map.png",
      "image /img/raw.png",
      "image /stories/links/img/rel.png",
    ]);
  });
});

describe("#fragments on the story's own page", () => {
  const story = compile(
    [
      "Go to [the rush](#a-post-deepseek-rush), [人才](#人才画像), [the chart](#chart-degrees), [the table](#data-cities),",
      "[the note](#user-content-fn-1), [raw](#raw-id), [named](#old-anchor), [main](#main), [top](#top), [nothing](#),",
      "[itself](/stories/links/#chart-degrees), [data](#data-facts).[^1] :value[facts.growth]",
      "",
      "## A post-DeepSeek rush",
      "",
      "## 人才画像",
      "",
      '<p id="raw-id">Raw</p> <a name="old-anchor"></a>',
      "",
      "```data id=cities show",
      "city,share",
      "Beijing,33.3%",
      "```",
      "",
      "```data id=facts format=yaml",
      "growth: 22.5%",
      "```",
      "",
      "```data id=degrees",
      "market,postgraduate",
      "AI roles,50%",
      "```",
      "",
      "```plot data=degrees id=degrees",
      "alt: Bars.",
      "marks:",
      "  - barX: {y: market, x: postgraduate}",
      "```",
      "",
      "[^1]: A note.",
    ].join("\n"),
  );

  it("finds headings (Chinese too), charts, shown tables, the data section, footnotes, raw ids, <a name>, #main and #top", () => {
    expect(problems(story)).toEqual([]);
    expect(story.anchors.headings).toEqual(["a-post-deepseek-rush", "人才画像", "user-content-footnote-label"]);
    expect(story.anchors.charts).toEqual(["chart-degrees"]);
    // Ids and names written in the story are on the page as user-content-…; links written to them follow.
    expect(story.anchors.other).toEqual(expect.arrayContaining(["user-content-raw-id", "user-content-old-anchor", "data-cities", "data-facts", "user-content-fn-1"]));
    expect(story.html).toContain('<a href="#user-content-raw-id">raw</a>');
    expect(story.html).toContain('<a href="#user-content-old-anchor">named</a>');
    expect(story.html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
  });

  it("never counts a link to its own page as a link for the project to check", () => {
    expect(story.links).toEqual([]);
  });

  it("reports a fragment missing from the story at the fragment, with the closest heading or chart", () => {
    const bad = compile("See [below](#post-deepseek-rush) and [the chart](/stories/links/#chart-degree).\n\n## A post-DeepSeek rush\n");
    expect(problems(bad)).toEqual([
      '1:13 link/missing-anchor The link "#post-deepseek-rush" goes nowhere: this story has no heading, chart or other element with the id "post-deepseek-rush". Did you mean "#a-post-deepseek-rush"?',
      '1:50 link/missing-anchor The link "/stories/links/#chart-degree" goes to "#chart-degree", but this story has no heading, chart or other element with that id.',
    ]);
    expect(bad.diagnostics[0]!.hint).toContain('The headings and charts of this story have the ids "#a-post-deepseek-rush".');
    expect(bad.ok).toBe(false);
  });
});

describe("addresses an editor cannot get right", () => {
  it("become diagnostics at the address, never a crash", () => {
    const hrefs = ["https://", "http://exa mple.org", "/a%zz/", "http://[::1", "//[x", "https://example.org:99999/"];
    const body = hrefs.map((href, i) => `${i + 1}. <a href="${href}">link</a>`).join("\n");
    const story = compile(body);
    expect(story.diagnostics.map((d) => `${d.span.start.line - FRONT_LINES}:${d.span.start.column} ${d.code}`)).toEqual(
      hrefs.map((_, i) => `${i + 1}:13 link/malformed`),
    );
  });

  it("never crash the compiler, whatever they hold", () => {
    const weird = ["[a](<>)", "[a]()", "[a](#)", "[a](?)", "<a href>x</a>", '<a href="">x</a>', "<a href=\"\u0001\">x</a>", "[a](%)", "[a](\\\\server\\share)", "[a](C:\\file.txt)", "[a]: <>\n\n[a]", "![](</ >)", "[a](/\u{1F600}/)"];
    for (const body of weird) expect(() => compile(body), body).not.toThrow();
  });
});

describe("addresses the page would not keep", () => {
  it("are reported at the address (javascript:, vbscript:, data:, tel:, HTTPS: in capitals), not dropped silently", () => {
    const story = compile(
      [
        "[a](javascript:alert(1)) <a href=\"vbscript:msgbox\">b</a> [c](data:text/html,<b>x</b>)",
        "<a href=\"tel:+861012345678\">d</a> <a href=\"HTTPS://example.org/\">e</a> [fine](https://example.org/?q=a:b) [mail](mailto:desk@example.org)",
      ].join("\n"),
    );
    expect(problems(story).map((p) => p.split(" starts with")[0])).toEqual([
      '1:5 link/unsafe-scheme The link "javascript:alert(1)"',
      '1:35 link/unsafe-scheme The link "vbscript:msgbox"',
      '1:62 link/unsafe-scheme The link "data:text/html,<b>x</b>"',
      '2:10 link/unsafe-scheme The link "tel:+861012345678"',
      '2:44 link/unsafe-scheme The link "HTTPS://example.org/"',
    ]);
    expect(story.diagnostics[0]!.message).toBe('The link "javascript:alert(1)" starts with "javascript:", which stories may not use, so Plotline removes it and the link would go nowhere.');
    expect(story.html).not.toMatch(/javascript:|vbscript:|data:text/);
    expect(story.ok).toBe(false);
  });
});

describe("ids and names written in the story's HTML", () => {
  const story = compile(
    [
      'See [the chart](#chart-degrees) and [the method](#method). <a id="chart-degrees">x</a> <a name="chart-degrees">y</a>',
      '<img name="querySelectorAll" alt="" src="/favicon.svg"> <p id="method">How.</p> <form name="getElementById"></form>',
      "",
      "```data id=degrees",
      "market,postgraduate",
      "AI roles,50%",
      "```",
      "",
      "```plot data=degrees id=degrees",
      "alt: Bars.",
      "marks:",
      "  - barX: {y: market, x: postgraduate}",
      "```",
    ].join("\n"),
  );

  it("get the prefix user-content-, so none can replace a document property or take over a chart's anchor", () => {
    expect(story.html).toContain('<a id="user-content-chart-degrees">x</a>');
    expect(story.html).toContain('<a name="user-content-chart-degrees">y</a>');
    expect(story.html).toContain('name="user-content-querySelectorAll"');
    expect(story.html.match(/id="chart-degrees"/g)).toHaveLength(1);
    expect(story.html).toMatch(/<figure[^>]* id="chart-degrees"/);
    expect(story.html).not.toMatch(/\s(id|name)="(querySelectorAll|getElementById|method)"/);
  });

  it("links to a chart still go to the chart, links to an id written in HTML go to it under its prefix", () => {
    expect(story.diagnostics.filter((d) => d.code.startsWith("link/"))).toEqual([]);
    expect(story.html).toContain('<a href="#chart-degrees">the chart</a>');
    expect(story.html).toContain('<a href="#user-content-method">the method</a>');
  });
});

describe("heading ids", () => {
  it("keep clear of the ids Plotline gives the page: a chart's anchor, a shown table's, the layout's #main", () => {
    const story = compile(
      [
        "See [the chart](#chart-degrees) and [the heading](#chart-degrees-1).",
        "",
        "## Chart degrees",
        "",
        "## Main",
        "",
        "## Data cities",
        "",
        "```data id=cities show",
        "city,share",
        "Beijing,33.3%",
        "```",
        "",
        "```data id=degrees",
        "market,postgraduate",
        "AI roles,50%",
        "```",
        "",
        "```plot data=degrees id=degrees",
        "alt: Bars.",
        "marks:",
        "  - barX: {y: market, x: postgraduate}",
        "```",
      ].join("\n"),
    );
    expect(problems(story)).toEqual([]);
    expect(story.anchors.headings).toEqual(["chart-degrees-1", "main-1", "data-cities-1"]);
    expect(story.html.match(/id="(chart-degrees|main|data-cities)"/g)).toEqual(['id="data-cities"', 'id="chart-degrees"']);
  });
});
