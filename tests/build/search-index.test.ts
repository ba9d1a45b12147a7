/**
 * The search index `plotline build` writes (src/cli/search-index.ts): one Pagefind index per language
 * with every story page, only the story's own text in it (no chart data tables, data appendix or
 * provenance), the charts' text alternatives included, Chinese cut into words; after an edit, the
 * index of a build that indexed the kept pages while Astro wrote the others is the index of its site made
 * from scratch; and a build whose index fails stops with one clear line and leaves dist/ exactly as it was.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSearchIndex } from "../../src/cli/search-indexing.ts";
import { readPagefindIndex } from "../support/pagefind-index.ts";
import { createSearchProject } from "../support/search-site.ts";
import { runPlotline } from "../support/temp-project.ts";

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Every file of a folder, as path → bytes, to tell whether a failed build touched it. */
/** The one line a build gives when Pagefind fails: what it reported depends on when its binary exits (a closed pipe, or no answer at all). */
const PAGEFIND_FAILED = /^Build failed while indexing the stories for search: [^\n]+ Pagefind's binary comes in the npm package @pagefind\/[^\n]+: npm install puts it back\.\ndist\/ was left as it was\.\n$/;

/** `plotline build` with a Pagefind binary that cannot run: the Node API runs the binary this variable names (the way Pagefind lets one swap it). */
function buildWithoutPagefind(root: string, ...args: string[]): ReturnType<typeof runPlotline> {
  const saved = process.env["PAGEFIND_EXTENDED_BINARY_PATH"];
  process.env["PAGEFIND_EXTENDED_BINARY_PATH"] = "/bin/false";
  try {
    return runPlotline(root, "build", ...args);
  } finally {
    if (saved === undefined) delete process.env["PAGEFIND_EXTENDED_BINARY_PATH"];
    else process.env["PAGEFIND_EXTENDED_BINARY_PATH"] = saved;
  }
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, readFileSync(path).toString("base64"));
    }
  }
  return files;
}

describe("the search index", () => {
  let project: ReturnType<typeof createSearchProject>;
  let built: ReturnType<typeof runPlotline>;
  const bundle = () => join(project.root, "dist", "pagefind");

  beforeAll(() => {
    project = createSearchProject();
    built = runPlotline(project.root, "build");
  }, 300_000);
  afterAll(() => project?.cleanup());

  /** Pagefind's fragment of each page (the text it shows excerpts from), by URL: gzip, then a signature, then JSON. */
  const fragments = () => {
    const dir = join(bundle(), "fragment");
    const byUrl = new Map<string, Fragment>();
    for (const name of readdirSync(dir)) {
      const fragment = JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString("utf8").replace(/^pagefind_dcd/, "")) as Fragment;
      byUrl.set(fragment.url, fragment);
    }
    return byUrl;
  };
  const text = (url: string) => fragments().get(url)!.content.replaceAll("\u200b", "");

  it("is built with the site, and the build says so", () => {
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/^Indexed 5 stories for search in \d+\.\d\d s\.$/m);
  });

  it("has one index per language with every story page of that language", () => {
    const entry = JSON.parse(readFileSync(join(bundle(), "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]))).toEqual({ en: 2, "zh-cn": 3 });
    expect([...fragments().keys()].sort()).toEqual([
      "/stories/ai-talent-demand-2025/",
      "/stories/aigc-talent-report-2023/",
      "/stories/big-model-jobs/",
      "/stories/ev-sales/",
      "/stories/factory-robots/",
    ]);
  });

  it("holds the search code and the indexes, not Pagefind's own UIs", () => {
    const files = readdirSync(bundle());
    expect(files).toContain("pagefind.js");
    expect(files).toContain("pagefind-worker.js");
    expect(files.filter((name) => /ui|highlight/.test(name))).toEqual([]);
  });

  it("indexes the headline, dek, prose, chart captions and the charts' text alternatives", () => {
    const story = text("/stories/ai-talent-demand-2025/");
    expect(story).toContain("China's AI hiring boom favours graduate degrees");
    expect(story).toContain("Job ads for AI technical roles rose 22.5%");
    expect(story).toContain("Demand is concentrated in a handful of specialisms");
    expect(story).toContain("AI job ads jumped by more than a fifth");
    // Only in a chart's alt: the SVG itself is not indexed.
    expect(story).toContain("Lollipop chart on one yuan scale");
    expect(text("/stories/ev-sales/")).toContain("同期充电桩数量也在增加");
  });

  it("leaves out the charts' data tables, the data appendix, provenance tips, chart ticks and the translation link", () => {
    const story = text("/stories/ai-talent-demand-2025/");
    for (const words of ["Data behind this chart", "Get the data (CSV)", "The data in this story", "share_above_500k", "Index (2024 = 100)"]) {
      expect(story, words).not.toContain(words);
    }
    // Each chart is drawn twice: its alt (and legend) counts once.
    expect(story.split("Lollipop chart on one yuan scale")).toHaveLength(2);
    expect(text("/stories/aigc-talent-report-2023/")).not.toContain("图表中的数据");
  });

  it("keeps a table the editor chose to show", () => {
    // The salaries block of the Chinese story is shown (`show`): its rows are part of the story.
    expect(text("/stories/aigc-talent-report-2023/")).toMatch(/AIGC产品经理\.? ?非技术岗/);
  });

  it("cuts Chinese text into words and leaves English as it is", () => {
    // Pagefind marks the cuts with zero-width spaces: words of two or more characters between them.
    const chinese = fragments().get("/stories/big-model-jobs/")!.content;
    expect(chinese).toMatch(/\u200b[\u4e00-\u9fff]{2,}\u200b[\u4e00-\u9fff]{2,}\u200b/);
    expect(fragments().get("/stories/factory-robots/")!.content).not.toContain("\u200b");
  });

  it("files each story under its language and tags, with its headline and date", () => {
    const story = fragments().get("/stories/aigc-talent-report-2023/")!;
    // Tags by the slug of their tag page, as the search page's topic menu names them.
    expect(story.filters).toEqual({ language: ["zh-CN"], tag: ["人工智能", "aigc", "就业", "招聘"] });
    expect(story.meta).toMatchObject({ title: "脉脉报告：AIGC人才供需错位，热门技术岗年薪达百万", date: "2023-03-31" });
  });

  describe("after stories are edited, added and removed", () => {
    const story = (slug: string) => join(project.root, "content", "stories", `${slug}.md`);
    const urlsWith = (word: string, lang = "en") =>
      Object.entries(readPagefindIndex(bundle()).languages[lang]!.words)
        .filter(([indexed]) => indexed.startsWith(word))
        .flatMap(([, on]) => on.map((page) => page.split(": ")[0]));
    let rebuilt: ReturnType<typeof runPlotline>;

    beforeAll(() => {
      expect(urlsWith("carmak")).toEqual(["/stories/factory-robots/"]);
      const robots = readFileSync(story("factory-robots"), "utf8");
      writeFileSync(story("factory-robots"), robots.replace("carmakers", "zugzwang shipyards"));
      writeFileSync(story("robot-dogs"), robots.replace("carmakers", "farms").replace(/^title: .*$/m, "title: Quokka robots on the farm"));
      rmSync(story("ev-sales"));
      rebuilt = runPlotline(project.root, "build", "--report", join(project.root, "report.json"));
    }, 300_000);

    it("indexes the kept pages while Astro writes the others", () => {
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(project.root, "report.json"), "utf8")) as { reusedPages: number; searchIndexAlongsideMs: number };
      expect(report.reusedPages).toBe(3);
      expect(report.searchIndexAlongsideMs).toBeGreaterThan(0);
      expect(rebuilt.stdout).toMatch(/^Indexed 5 stories for search in \d+\.\d\d s after the pages were written \(3 stories while they were\)\.$/m);
    });

    it("finds an edited story by its new words and no longer by its old ones", () => {
      expect(urlsWith("zugzwang")).toEqual(["/stories/factory-robots/"]);
      expect(urlsWith("carmak")).toEqual([]);
    });

    it("finds a new story and forgets a removed one", () => {
      expect(urlsWith("quokka")).toEqual(["/stories/robot-dogs/"]);
      expect(Object.keys(readPagefindIndex(bundle()).languages["zh-cn"]!.pages)).not.toContain("/stories/ev-sales/");
    });

    it("is the index of the same pages indexed from scratch", async () => {
      const copy = join(mkdtempSync(join(tmpdir(), "plotline-search-")), "site");
      try {
        cpSync(join(project.root, "dist"), copy, { recursive: true });
        rmSync(join(copy, "pagefind"), { recursive: true });
        await writeSearchIndex(copy);
        const fromScratch = readPagefindIndex(join(copy, "pagefind"));
        expect(Object.fromEntries(Object.entries(fromScratch.languages).map(([lang, { pages }]) => [lang, Object.keys(pages).length]))).toEqual({ en: 3, "zh-cn": 2 });
        expect(readPagefindIndex(bundle())).toEqual(fromScratch);
      } finally {
        rmSync(join(copy, ".."), { recursive: true, force: true });
      }
    }, 120_000);

    it("fails the build with one line when Pagefind's binary cannot run while Astro writes, and leaves dist/ as it was", () => {
      writeFileSync(story("factory-robots"), readFileSync(story("factory-robots"), "utf8").replace("zugzwang", "zeitgeist"));
      const before = snapshot(join(project.root, "dist"));
      const failed = buildWithoutPagefind(project.root, "--report", join(project.root, "report.json"));
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(PAGEFIND_FAILED);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(join(project.root, "dist"))).toEqual(before);
      expect(readdirSync(join(project.root, ".plotline")).filter((name) => name.startsWith("search-pages-"))).toEqual([]);
    }, 300_000);
  });

  describe("when indexing fails", () => {
    it("fails the build with one line when Pagefind's binary cannot run, and leaves dist/ as it was", () => {
      const before = snapshot(join(project.root, "dist"));
      // Without the last build's plan, every page is written and indexed again (an unchanged site reuses its index).
      rmSync(join(project.root, ".plotline", "pages.json"), { force: true });
      const failed = buildWithoutPagefind(project.root);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(PAGEFIND_FAILED);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(join(project.root, "dist"))).toEqual(before);
    }, 300_000);

    it("fails the build when a story page has nothing to index, and leaves dist/ as it was", () => {
      const before = snapshot(join(project.root, "dist"));
      const page = join(project.root, "src", "pages", "stories", "[slug].astro");
      const original = readFileSync(page, "utf8");
      // One story's page loses its data-pagefind-body (a layout that forgot it): Pagefind skips that page.
      writeFileSync(page, original.replace(" data-pagefind-body", ' data-pagefind-body={entry.id === "factory-robots" ? undefined : ""}'));
      try {
        const failed = runPlotline(project.root, "build");
        expect(failed.status).toBe(1);
        expect(failed.stderr).toBe(
          "Build failed while indexing the stories for search: 5 story pages were built but 4 have searchable text: every story page needs data-pagefind-body on its <article>.\ndist/ was left as it was.\n",
        );
      } finally {
        writeFileSync(page, original);
      }
      expect(snapshot(join(project.root, "dist"))).toEqual(before);
    }, 300_000);
  });
});
