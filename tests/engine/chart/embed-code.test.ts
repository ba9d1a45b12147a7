/**
 * Every figure offers the code that shows it on another site: an iframe of the chart's embed page, by
 * absolute address under the site's base, and the host script. The address is made of the story's name
 * and the chart's id, so it must survive edits to the story: charts added before, prose and data changed.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { defaultEmbedHeight } from "../../../src/engine/chart/publish/default-embed-height.ts";
import { embedCode } from "../../../src/engine/chart/publish/embed-code.ts";
import type { ChartSpec } from "../../../src/engine/chart/spec/chart-spec.ts";
import { compileStory, type CompiledStory } from "../../../src/engine/compile-story.ts";
import { INCIDENTAL, memoryFiles, PAY, plotBlock, story, STORY_PATH } from "./helpers.ts";

const SITE = "https://news.example.org";
const bars = "marks:\n  - barX: {y: name, x: salary}";

function compileFor(markdown: string, options: { site?: string; base?: string; lang?: string } = {}): CompiledStory {
  const text = options.lang ? story(markdown).replace("---\n\n", `lang: ${options.lang}\n---\n\n`) : story(markdown);
  const compiled = compileStory(
    { path: STORY_PATH, text },
    { dataFiles: memoryFiles(), assetBase: options.base ?? "/", ...(options.site ? { site: options.site } : {}) },
  );
  expect(compiled.diagnostics.filter((d) => !INCIDENTAL.has(d.code))).toEqual([]);
  return compiled;
}

/** Each figure's embed code as a browser reads it from the field (entities decoded). */
function codes(compiled: CompiledStory): Map<string, string> {
  const { document } = parseHTML(`<!doctype html><html><body>${compiled.html}</body></html>`);
  const decode = (text: string) => text.replace(/&#x3C;/g, "<").replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return new Map(
    [...document.querySelectorAll("figure.plotline-figure")].map((figure) => [
      figure.getAttribute("data-plotline-chart")!,
      decode(figure.querySelector("textarea.plotline-embed-code")?.innerHTML ?? ""),
    ]),
  );
}
const embedUrls = (compiled: CompiledStory) => new Map([...codes(compiled)].map(([id, code]) => [id, /<iframe src="([^"]+)"/.exec(code)?.[1]]));

describe("embed code", () => {
  it("is an iframe of the chart's embed page and the host script, with the title quoted for HTML", () => {
    expect(embedCode({ url: `${SITE}/embed/s/c/`, scriptUrl: `${SITE}/_plotline/embed.js`, title: 'Pay & "perks" <2025>', height: 431.4 })).toBe(
      `<iframe src="${SITE}/embed/s/c/" title="Pay &amp; &quot;perks&quot; &lt;2025>" width="100%" height="431" style="border:0" loading="lazy"></iframe>` +
        `<script src="${SITE}/_plotline/embed.js" async></script>`,
    );
  });

  it("is offered under each figure by absolute address under the site's base path", () => {
    const compiled = compileFor(PAY + plotBlock("data=pay", `title: Pay by person\n${bars}`), { site: SITE, base: "/newsroom/" });
    const code = codes(compiled).get("pay-by-person")!;
    expect(code).toMatch(
      new RegExp(`^<iframe src="${SITE}/newsroom/embed/test-story/pay-by-person/" title="Pay by person" width="100%" height="\\d+" style="border:0" loading="lazy"></iframe>`),
    );
    expect(code).toContain(`<script src="${SITE}/newsroom/_plotline/embed.js" async></script>`);
    const { document } = parseHTML(`<!doctype html><html><body>${compiled.html}</body></html>`);
    // In the row of data links, labelled, read-only, with a Copy button JavaScript reveals.
    const embed = document.querySelector(".plotline-figure-data > details.plotline-embed")!;
    expect(embed.querySelector("summary")?.textContent).toBe("Embed");
    const field = embed.querySelector("textarea")!;
    expect(field.hasAttribute("readonly")).toBe(true);
    expect(embed.querySelector(`label[for="${field.id}"]`)?.textContent).toBe("Code to show this chart on another site");
    expect(embed.querySelector("button.plotline-copy")?.hasAttribute("hidden")).toBe(true);
    expect(embed.querySelector("[role=status]")?.getAttribute("aria-live")).toBe("polite");
  });

  it("speaks the story's language", () => {
    const compiled = compileFor(PAY + plotBlock("data=pay", `title: 各城市的薪资\n${bars}`), { site: SITE, lang: "zh-CN" });
    const { document } = parseHTML(`<!doctype html><html><body>${compiled.html}</body></html>`);
    expect(document.querySelector(".plotline-embed summary")?.textContent).toBe("嵌入");
    expect(document.querySelector(".plotline-copy")?.textContent).toBe("复制代码");
    expect(document.querySelector(".plotline-copy")?.getAttribute("data-copied")).toBe("已复制");
  });

  it("names an untitled chart's iframe by the chart's description", () => {
    const compiled = compileFor(PAY + plotBlock("data=pay", `alt: Bars of pay by person.\n${bars}`), { site: SITE });
    expect([...codes(compiled).values()][0]).toContain('title="Bars of pay by person."');
  });

  it("is left out when the site's address is unknown (plotline check, tests)", () => {
    expect(compileFor(PAY + plotBlock("data=pay", `title: Pay\n${bars}`)).html).not.toContain("plotline-embed");
  });
});

describe("embed addresses across edits of a story", () => {
  const original = [
    "Some prose.\n\n",
    PAY,
    plotBlock("data=pay", `title: Pay by person\n${bars}`),
    "\nMore prose.\n\n",
    plotBlock("data=pay id=desk-pay", `title: Pay by desk\n${bars}`),
    plotBlock("data=pay", `title: 各城市的薪资\n${bars}`),
  ].join("");

  it("stay the same when a chart is added before, prose and data change, and a chart repeats a title after", () => {
    const before = embedUrls(compileFor(original, { site: SITE }));
    const edited = [
      "Other prose, rewritten.\n\n",
      PAY.replace("52000", "53500").replace("Cy,47000,news\n", "Cy,47000,news\nDee,58000,graphics\n"),
      plotBlock("data=pay", `title: A new chart first\n${bars}`),
      plotBlock("data=pay", `title: Pay by person\n${bars}`),
      "\nMore prose, edited.\n\n",
      plotBlock("data=pay id=desk-pay", `title: Pay by desk, retitled\n${bars}`),
      plotBlock("data=pay", `title: 各城市的薪资\n${bars}`),
      plotBlock("data=pay", `title: Pay by person\n${bars}`),
    ].join("");
    const after = embedUrls(compileFor(edited, { site: SITE }));
    expect(before.size).toBe(3);
    for (const [id, url] of before) expect(after.get(id), id).toBe(url);
    // The retitled chart kept its address through id=; the repeated title got a distinct one.
    expect(after.get("desk-pay")).toBe(`${SITE}/embed/test-story/desk-pay/`);
    expect(after.get("pay-by-person-2")).toBe(`${SITE}/embed/test-story/pay-by-person-2/`);
    expect(new Set(after.values()).size).toBe(after.size);
  });

  it("are distinct for charts with the same title, and the same on every build", () => {
    const twice = PAY + plotBlock("data=pay", `title: Pay\n${bars}`) + plotBlock("data=pay", `title: Pay\n${bars}`);
    const first = embedUrls(compileFor(twice, { site: SITE }));
    expect([...first.values()]).toEqual([`${SITE}/embed/test-story/pay/`, `${SITE}/embed/test-story/pay-2/`]);
    expect(embedUrls(compileFor(twice, { site: SITE }))).toEqual(first);
  });
});

describe("defaultEmbedHeight", () => {
  const spec = (figure: ChartSpec["figure"]): ChartSpec => ({ version: 1, id: "c", figure, options: {}, marks: [] });
  const svg = (height: number) => `<svg role="img" viewBox="0 0 640 ${height}" height="${height}" width="640" class="plotline-plot"></svg>`;

  it("grows with the drawing's height", () => {
    expect(defaultEmbedHeight(spec({ title: "Pay" }), svg(400), "en") - defaultEmbedHeight(spec({ title: "Pay" }), svg(200), "en")).toBe(200);
  });
  it("makes room for a legend, and for each line of title, subtitle, note and source", () => {
    const bare = defaultEmbedHeight(spec({}), svg(200), "en");
    expect(defaultEmbedHeight(spec({}), `<div class="plotline-plot-swatches"></div>${svg(200)}`, "en")).toBeGreaterThan(bare);
    const one = defaultEmbedHeight(spec({ subtitle: "Short" }), svg(200), "en");
    expect(defaultEmbedHeight(spec({ subtitle: "Long ".repeat(40) }), svg(200), "en")).toBeGreaterThan(one);
    expect(defaultEmbedHeight(spec({ note: "A note", source: "A source" }), svg(200), "en")).toBeGreaterThan(bare + 2 * 19);
  });
  it("counts a Chinese character as two Latin ones", () => {
    const latin = defaultEmbedHeight(spec({ subtitle: "x".repeat(80) }), svg(200), "en");
    expect(defaultEmbedHeight(spec({ subtitle: "薪".repeat(40) }), svg(200), "en")).toBe(latin);
    expect(defaultEmbedHeight(spec({ subtitle: "薪".repeat(60) }), svg(200), "en")).toBeGreaterThan(latin);
  });
});
