/**
 * How well site search finds Chinese words: `node bench/search-chinese.ts`. Builds the example site
 * plus the stories of tests/sites/search, then asks Pagefind in Chromium for 2–6 character words that
 * sit inside longer runs of Chinese text, and prints, per query, which stories contain it and which
 * the search found. Two indexes are compared:
 *
 *   extended   what `plotline build` writes: Pagefind's extended binary cuts Chinese into words
 *              while indexing (its dictionary), and the browser cuts the query with Intl.Segmenter.
 *   no cutting what Pagefind's standard binary would write (npm ships only the extended one for
 *              Linux): the same pages under a language tag the binary does not cut (cmn-Hans-CN),
 *              so each run of Chinese between punctuation is one "word"; the query is cut in the
 *              page exactly as Pagefind's JavaScript cuts it on a zh page.
 *
 * A story "contains" a query when its searchable text (Pagefind's own copy of it) has the query as a
 * substring. Also prints each index's size (bytes of the language's files in pagefind/) and the time
 * taken to index.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { launchChromium } from "../scripts/chromium.ts";
import { serveStatic } from "../scripts/static-server.ts";
import { writeSearchIndex } from "../src/cli/search-indexing.ts";
import { createSearchProject } from "../tests/support/search-site.ts";
import { runPlotline } from "../tests/support/temp-project.ts";

export const queries = [
  "人才", "薪酬", "算法", "岗位需求", "产品经理", "互联网", "深度学习", "人工智能", "工程师", "研究员",
  "求职者", "毕业生", "机会", "北京", "薪资", "招聘", "年薪", "百万", "大模型", "应届", "脉脉", "智库",
  "同比", "三分之一", "图像识别", "自然语言处理", "数据标注", "提示词", "一线城市", "硕士", "白领",
  "新能源", "充电桩", "渗透率", "落地", "中高端", "背景调查", "以旧换新", "价格战", "插电混动", "人力资源",
  "项目经验", "新一线", "京沪深", "复合型", "商业化", "办公软件", "岗",
  // In no story: anything found is found by a shared first character.
  "网络", "薪水", "算力", "模特", "飞艇",
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each page's searchable text in an index, without Pagefind's word marks: url → text. */
function indexedText(bundle: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(join(bundle, "fragment"))) {
    const fragment = JSON.parse(gunzipSync(readFileSync(join(bundle, "fragment", name))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string };
    texts.set(fragment.url, fragment.content.replaceAll("\u200b", ""));
  }
  return texts;
}

function sizes(bundle: string): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const lang = /^(?:pagefind\.)?([a-z-]+)_[0-9a-f]+\.pf_/.exec(entry.name)?.[1];
    if (lang) bytes[lang] = (bytes[lang] ?? 0) + statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

const project = createSearchProject();
try {
  const built = runPlotline(project.root, "build");
  if (built.status !== 0) throw new Error(built.stderr);
  const extended = join(project.root, "dist");
  const noCutting = join(project.root, "dist-no-cutting");
  cpSync(extended, noCutting, { recursive: true });
  rmSync(join(noCutting, "pagefind"), { recursive: true });
  for (const file of htmlFiles(noCutting)) {
    writeFileSync(file, readFileSync(file, "utf8").replace('<html lang="zh-CN">', '<html lang="cmn-Hans-CN">'));
  }
  // Index both again here, so the times compare like with like.
  rmSync(join(extended, "pagefind"), { recursive: true });
  const timed = { extended: await writeSearchIndex(extended), "no cutting": await writeSearchIndex(noCutting) };

  const browser = await launchChromium();
  const found: Record<string, Record<string, string[]>> = {};
  const cuts: Record<string, string> = {};
  const servers = [];
  for (const [name, dir, cut] of [["extended", extended, false], ["no cutting", noCutting, true]] as const) {
    const server = await serveStatic(dir);
    servers.push(server);
    const page = await browser.newPage();
    await page.goto(`${server.url}lang/zh-cn/search/`);
    found[name] = {};
    for (const query of queries) {
      // How Chromium's Intl.Segmenter (which Pagefind uses on a zh page) cuts the query.
      cuts[query] ??= await page.evaluate((query) => [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(query)].map((s) => s.segment).join(" · "), query);
      found[name][query] = await page.evaluate(
        async ([query, cut]) => {
          const bundle = "/pagefind/pagefind.js";
          const pagefind = (await import(bundle)) as { search: (term: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> };
          // What Pagefind's JavaScript does to a query on a zh page: words by Intl.Segmenter, joined by spaces.
          const term = cut
            ? [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(query)].map((s) => s.segment).filter((s) => /\p{L}|\p{N}/u.test(s)).join(" ")
            : query;
          const { results } = await pagefind.search(term);
          return Promise.all(results.map(async (r) => (await r.data()).url));
        },
        [query, cut] as const,
      );
    }
    await page.close();
  }
  await browser.close();
  for (const server of servers) await server.close();

  const texts = indexedText(join(extended, "pagefind"));
  const chinese = [...texts.keys()].filter((url) => /[\u4e00-\u9fff]/.test(texts.get(url)!.slice(0, 40)));
  const slug = (url: string) => url.replace(/^\/stories\/|\/$/g, "");
  console.log(`| query | query cut by the browser | stories containing it | found (extended) | found (no cutting) |`);
  console.log(`| --- | --- | --- | --- | --- |`);
  const totals = { extended: { hit: 0, miss: 0, extra: 0 }, "no cutting": { hit: 0, miss: 0, extra: 0 } };
  for (const query of queries) {
    const containing = chinese.filter((url) => texts.get(url)!.includes(query));
    const cells = (["extended", "no cutting"] as const).map((name) => {
      const got = found[name]![query]!;
      const hits = containing.filter((url) => got.includes(url));
      const misses = containing.filter((url) => !got.includes(url));
      const extra = got.filter((url) => !containing.includes(url));
      totals[name].hit += hits.length;
      totals[name].miss += misses.length;
      totals[name].extra += extra.length;
      return [`${hits.length}/${containing.length}`, ...misses.map((u) => `missed ${slug(u)}`), ...extra.map((u) => `also ${slug(u)}`)].join(", ");
    });
    console.log(`| ${query} | ${cuts[query]} | ${containing.map(slug).join(", ") || "none"} | ${cells[0]} | ${cells[1]} |`);
  }
  for (const name of ["extended", "no cutting"] as const) {
    const t = totals[name];
    console.log(`\n${name}: ${t.hit} of ${t.hit + t.miss} (story, query) pairs found, ${t.miss} missed, ${t.extra} found without the exact word.`);
    const result = timed[name];
    console.log(`  indexed ${JSON.stringify(result.pages)} in ${result.ms.toFixed(0)} ms; index bytes by language ${JSON.stringify(sizes(join(name === "extended" ? extended : noCutting, "pagefind")))}`);
  }
} finally {
  project.cleanup();
}
