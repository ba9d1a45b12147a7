/**
 * Charts as files of their own (standalone SVG, PNG at 2×), social cards, the fonts they are drawn
 * with, and the PNG cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { storyOptions } from "../../../src/engine/project/compile-project.ts";
import { cachedRasterizer } from "../../../src/engine/image/png-cache.ts";
import { notoSansScFiles } from "../../../src/engine/image/noto-sans-sc.ts";
import { rasterizeSvg, type Rasterizer } from "../../../src/engine/image/rasterize-svg.ts";
import { socialCardSvg } from "../../../src/engine/image/social-card-svg.ts";
import { standaloneChartSvg } from "../../../src/engine/image/standalone-chart-svg.ts";
import { wrapText } from "../../../src/engine/image/wrap-text.ts";
import { decodePng, inkIn, pngSize } from "../../support/decode-png.ts";
import { memoryFiles } from "../data/helpers.ts";

const scratch = mkdtempSync(join(tmpdir(), "plotline-images-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const storyText = (lang: "en" | "zh-CN", chart: string) =>
  `---\ntitle: ${lang === "en" ? "Where the talent lives" : "北京人才占三分之一"}\ndek: ${lang === "en" ? "A third of AI talent is in Beijing." : "北京集中了三分之一的人才。"}\ndate: 2025-03-21\nlang: ${lang}\n---\n\n` +
  "```data id=cities\ncity,share\nBeijing,33%\nShanghai,27%\n```\n\n" +
  `\`\`\`plot data=cities\n${chart}\nmarks:\n  - barX: {y: city, x: share, fill: city}\n\`\`\`\n`;

const EN_CHART = "title: Beijing holds a third\nsubtitle: Share of talent\nalt: Bars.\nnote: Rounded.\nsource: Maimai\ncolor: {legend: true}";
const ZH_CHART = "title: 北京占三分之一\nalt: 条形图。\nsource: 脉脉";

describe("a chart's standalone SVG", () => {
  const story = compileStory({ path: "content/stories/talent.md", text: storyText("en", EN_CHART) }, { dataFiles: memoryFiles() });
  const svg = String(story.charts[0]!.svg!.content);

  it("is well-formed XML in the SVG namespace, opened alone", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("writes every colour out: no currentColor, no CSS variables, a white background", () => {
    expect(svg).not.toMatch(/currentColor/i);
    expect(svg).not.toContain("var(--");
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
    expect(svg).toContain('fill="#1b1b1b"');
  });

  it("carries the title, subtitle, note and source with it, and a font list with CJK fonts", () => {
    for (const text of ["Beijing holds a third", "Share of talent", "Rounded.", "Maimai"]) expect(svg).toContain(text);
    expect(svg).toContain('<tspan font-weight="bold">Source:</tspan> Maimai');
    expect(svg).toMatch(/font-family="[^"]*'PingFang SC'[^"]*'Noto Sans SC'[^"]*'Microsoft YaHei'[^"]*"/);
  });

  it("lays an HTML colour legend out again as SVG swatches and labels", () => {
    expect(svg).not.toContain("<div");
    expect(svg).not.toContain("<span");
    expect(svg).toMatch(/<svg x="\d+(\.\d+)?" y="\d+(\.\d+)?"[^>]*fill="[^"]+"[^>]*height="15" width="15">/);
    expect(svg).toMatch(/<text [^>]*font-size="13"[^>]*>Beijing<\/text>/);
  });

  it("is made without a rasterizer too, and linked from the figure under the base path", () => {
    const based = compileStory({ path: "content/stories/talent.md", text: storyText("en", EN_CHART) }, { dataFiles: memoryFiles(), assetBase: "/news/" });
    expect(based.charts[0]!.png).toBeUndefined();
    expect(based.html).toContain('href="/news/_plotline/charts/talent/beijing-holds-a-third.svg" download="talent-beijing-holds-a-third.svg" type="image/svg+xml">Download vector (SVG)</a>');
  });
});

describe("rasterizing", () => {
  const titled = (title: string, weight = "bold") =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#fff"/><text x="10" y="40" font-size="28" font-weight="${weight}" font-family="'Noto Sans SC', sans-serif">${title}</text></svg>`;

  it("makes a PNG at twice the SVG's size", () => {
    const { svg, width, height } = standaloneChartSvg({ markup: '<svg width="200" height="100" viewBox="0 0 200 100"><rect width="50" height="50"/></svg>', title: "T", lang: "en" });
    expect(pngSize(rasterizeSvg(svg))).toEqual({ width: width * 2, height: height * 2 });
    expect(pngSize(rasterizeSvg(svg, { scale: 1 }))).toEqual({ width, height });
  });

  it("draws Chinese text with the fonts from npm, and nothing without them", () => {
    const draw = (title: string, fontFiles?: string[]) => decodePng(rasterizeSvg(titled(title), fontFiles ? { fontFiles } : {}));
    expect(inkIn(draw("北京人才"), 0, 0, 600, 120)).toBeGreaterThan(1000);
    expect(inkIn(draw("北京人才", []), 0, 0, 600, 120)).toBe(0);
    // Real glyphs differ from one word to the next; a font without ideographs draws the same empty boxes for both.
    const same = (a: { pixels: Uint8Array }, b: { pixels: Uint8Array }) => Buffer.compare(a.pixels, b.pixels) === 0;
    expect(same(draw("北京"), draw("人才"))).toBe(false);
    const latinOnly = notoSansScFiles("Beijing");
    expect(same(draw("北京", latinOnly), draw("人才", latinOnly))).toBe(true);
  });

  it("sets bold Chinese in the bold cut and regular in the regular one", () => {
    const ink = (weight: string) => inkIn(decodePng(rasterizeSvg(titled("北京人才占三分之一", weight))), 0, 0, 600, 120);
    expect(ink("bold")).toBeGreaterThan(ink("normal") * 1.2);
  });

  it("scales a drawing too large to fit in memory down instead of failing", () => {
    const huge = `<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="10" height="10"/></svg>`;
    const { width, height } = pngSize(rasterizeSvg(huge));
    expect(width * height).toBeLessThanOrEqual(16_000_000);
    expect(width).toBeGreaterThan(3000);
  });
});

describe("the PNG cache", () => {
  it("draws a chart once, and reads it back while its SVG, scale and renderer are unchanged", () => {
    let calls = 0;
    const counting: Rasterizer = (svg, options) => {
      calls++;
      return rasterizeSvg(svg, options);
    };
    const dir = join(scratch, "cache");
    const svg = standaloneChartSvg({ markup: '<svg width="100" height="50" viewBox="0 0 100 50"><rect width="50" height="50"/></svg>', lang: "en" }).svg;
    const first = cachedRasterizer(dir, counting)(svg);
    // A new rasterizer, as in the next build's worker, finds it on disk.
    const second = cachedRasterizer(dir, counting)(svg);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
    // It answers with the file, which holds the PNG drawn the first time.
    expect(first).toEqual({ file: join(dir, readdirSync(dir)[0]!) });
    expect(new Uint8Array(readFileSync((first as { file: string }).file))).toEqual(rasterizeSvg(svg));
    cachedRasterizer(dir, counting)(svg, { scale: 1 });
    cachedRasterizer(dir, counting)(svg.replace("#ffffff", "#fefefe"));
    expect(calls).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(3);
  });

  it("answers with the PNG itself when its folder cannot be written", () => {
    // A folder inside a file can be made by no one, root included.
    const file = join(scratch, "not-a-folder");
    writeFileSync(file, "");
    const svg = standaloneChartSvg({ markup: '<svg width="10" height="10" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>', lang: "en" }).svg;
    expect(cachedRasterizer(join(file, "cache"))(svg)).toEqual(rasterizeSvg(svg));
  });
});

describe("a compiled story's PNGs", () => {
  const story = compileStory({ path: "content/stories/zh-talent.md", text: storyText("zh-CN", ZH_CHART) }, { dataFiles: memoryFiles(), rasterize: rasterizeSvg });
  const chart = story.charts[0]!;

  it("draws no chart PNG by default: the reader's browser draws it from the SVG file named on the button", () => {
    expect(chart.png).toBeUndefined();
    expect(story.assets.some((asset) => asset.path.endsWith(`${chart.id}.png`))).toBe(false);
    expect(chart.html).toContain(
      `下载数据（CSV）</a><button class="plotline-download plotline-download-png" type="button" data-svg="/_plotline/charts/zh-talent/${chart.id}.svg" data-name="zh-talent-${chart.id}.png">下载图片（PNG）</button>`,
    );
    expect(story.assets.some((asset) => asset.path === `_plotline/charts/zh-talent/${chart.id}.svg`)).toBe(true);
  });

  it("with chartPngs (images.chartPng), gives each chart a PNG at 2× and links it, in the story's language, beside the CSV", () => {
    const drawn = compileStory({ path: "content/stories/zh-talent.md", text: storyText("zh-CN", ZH_CHART) }, { dataFiles: memoryFiles(), rasterize: rasterizeSvg, chartPngs: true });
    const chart = drawn.charts[0]!;
    expect(chart.png!.path).toBe(`_plotline/charts/zh-talent/${chart.id}.png`);
    const svg = String(chart.svg!.content);
    const width = Number(/ width="(\d+)"/.exec(svg)![1]);
    expect(pngSize(chart.png!.content as Uint8Array).width).toBe(width * 2);
    expect(chart.html).toMatch(
      new RegExp(`下载数据（CSV）</a><a class="plotline-download plotline-download-png" href="/_plotline/charts/zh-talent/${chart.id}\\.png" download="zh-talent-${chart.id}\\.png" type="image/png">下载图片（PNG）</a>`),
    );
    expect(chart.html).toContain("下载矢量图（SVG）");
  });

  it("has a social card of exactly 1200 × 630, listed with the story's files", () => {
    expect(story.socialCard).toEqual({ path: "_plotline/cards/zh-talent.png", width: 1200, height: 630, alt: "北京人才占三分之一。条形图。" });
    const card = story.assets.find((a) => a.path === story.socialCard!.path)!;
    expect(pngSize(card.content as Uint8Array)).toEqual({ width: 1200, height: 630 });
  });

  it("writes the site's name from the project's options on the card", () => {
    const drawn: string[] = [];
    const spy: Rasterizer = (svg) => (drawn.push(svg), new Uint8Array(0));
    const options = storyOptions({ siteName: "The Daily Chart" });
    compileStory({ path: "content/stories/named.md", text: storyText("en", EN_CHART) }, { dataFiles: memoryFiles(), ...options, rasterize: spy });
    expect(drawn.filter((svg) => svg.includes(">The Daily Chart</text>"))).toHaveLength(1);
  });

  it("draws a text-only card for a story without charts, with the dek in larger type", () => {
    const svg = socialCardSvg({ siteName: "Plotline", title: "A story without charts", dek: "Only words.", lang: "en" });
    expect(svg).toContain('font-size="34" fill="#555552">Only words.</text>');
    expect(pngSize(rasterizeSvg(svg, { scale: 1 }))).toEqual({ width: 1200, height: 630 });
  });

  it("shrinks a long headline and keeps the chart, leaving out the dek when the chart would be too small", () => {
    const svg = socialCardSvg({
      siteName: "Plotline",
      title: "Chinese tech firms want AI experts, but the graduates they need are few and the pay gap keeps growing",
      dek: "Postings for AI jobs rose by a fifth, but few graduates qualify, and those who do are paid five times the average.",
      lang: "en",
      chartMarkup: chart.chartMarkup,
    });
    expect(svg).toMatch(/font-size="(48|42)" font-weight="bold"/);
    expect(svg).not.toContain("Postings for AI jobs");
    expect(svg).toContain("scale(");
  });
});

describe("wrapping titles", () => {
  it("breaks Latin text at spaces only", () => {
    const lines = wrapText("Postgraduate degrees are the norm in AI-related roles", { width: 200, fontSize: 17 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Postgraduate degrees are the norm in AI-related roles");
  });

  it("breaks Chinese between words, never before closing or after opening punctuation", () => {
    const lines = wrapText("脉脉报告：AIGC人才供需错位，热门技术岗年薪达百万（2023年）", { width: 130, fontSize: 17, lang: "zh-CN" });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join("")).toBe("脉脉报告：AIGC人才供需错位，热门技术岗年薪达百万（2023年）");
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。：）]/);
      expect(line).not.toMatch(/（$/);
    }
    expect(lines.some((line) => line.includes("AIGC"))).toBe(true);
  });

  it("cuts what does not fit in the lines allowed with an ellipsis", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", { width: 60, fontSize: 17, maxLines: 2 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});
