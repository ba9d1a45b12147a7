import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { formatValue } from "../../../src/engine/values/format-value.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const DATA = [
  '```data id=facts format=yaml source="Liepin via Sixth Tone"',
  "growth: 22.5%",
  "big: 1234567",
  "released: 2025-01",
  "note: <b>bold</b>",
  "```",
  "",
  '```data id=pay title="Pay by city"',
  "city,year,salary",
  "北京,2023,500000",
  "上海,2023,400000",
  "北京,2024,520000",
  "深圳,2024,",
  "```",
  "",
].join("\n");
const HEADER = (lang: string) => `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n`;
/** Compiles a story whose first prose line is `sentence` (on line 8), followed by the data. */
const compile = (sentence: string, lang = "en") =>
  compileStory({ path: "content/stories/t.md", text: `${HEADER(lang)}${sentence}\n\n${DATA}` }, { dataFiles: noFiles });
const numbers = (html: string) => [...html.matchAll(/<data value="[^"]*">([^<]*)<\/data>/g)].map((m) => m[1]);
const found = (sentence: string) => compile(sentence).diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);

describe("formatValue", () => {
  it("writes numbers with the story language's separators when no format is given", () => {
    expect(formatValue(1234567.891, undefined, "en")).toEqual({ ok: true, text: "1,234,567.891" });
    expect(formatValue(1234567.891, undefined, "zh-CN")).toEqual({ ok: true, text: "1,234,567.891" });
  });
  it("writes compact numbers with 万 and 亿 in Chinese, and M and B in English", () => {
    expect(formatValue(1_000_000, "compact", "zh-CN")).toEqual({ ok: true, text: "100万" });
    expect(formatValue(230_000_000, "compact", "zh-CN")).toEqual({ ok: true, text: "2.3亿" });
    expect(formatValue(1_000_000, "compact", "en")).toEqual({ ok: true, text: "1M" });
  });
  it("uses the story language's currency symbol in d3 formats", () => {
    expect(formatValue(500000, "$,.0f", "en")).toEqual({ ok: true, text: "$500,000" });
    expect(formatValue(500000, "$,.0f", "zh-CN")).toEqual({ ok: true, text: "¥500,000" });
  });
  it("writes percentages from fractions", () => {
    expect(formatValue(0.225, ".1%", "en")).toEqual({ ok: true, text: "22.5%" });
    expect(formatValue(0.225, "percent", "zh-CN")).toEqual({ ok: true, text: "22.5%" });
  });
  it("writes dates at their precision, in the story's language", () => {
    const march = new Date("2023-03-31T00:00:00Z");
    expect(formatValue(march, undefined, "en", "day")).toEqual({ ok: true, text: "March 31, 2023" });
    expect(formatValue(march, undefined, "zh-CN", "day")).toEqual({ ok: true, text: "2023年3月31日" });
    expect(formatValue(new Date("2025-01-01T00:00:00Z"), undefined, "zh-CN", "month")).toEqual({ ok: true, text: "2025年1月" });
    expect(formatValue(march, "%B %Y", "zh-CN")).toEqual({ ok: true, text: "三月 2023" });
  });
  it("refuses a number format for text, and reads invalid formats as such", () => {
    expect(formatValue("Beijing", ".1%", "en")).toMatchObject({ ok: false, problem: "not-a-number" });
    expect(formatValue(1, ".1q", "en")).toMatchObject({ ok: false, problem: "invalid-format" });
  });
  it("says a date format is for dates when it is given a number, instead of calling the number not a number", () => {
    expect(formatValue(2024, "%Y", "en")).toEqual({ ok: false, problem: "not-a-date", detail: "a number (2024)" });
    expect(formatValue("Beijing", "%Y", "en")).toEqual({ ok: false, problem: "not-a-date", detail: 'the text "Beijing"' });
  });
});

describe(":value references", () => {
  it("write a named value with a format", () => {
    expect(numbers(compile(":value[facts.growth]{format=\".1%\"}").html)).toEqual(["22.5%"]);
  });
  it("pick one row of a table by a key column, compared after typing (a year is a date)", () => {
    expect(numbers(compile(':value[pay.salary]{city="上海"} :value[pay.salary]{city="北京" year=2024}').html)).toEqual(["400,000", "520,000"]);
  });
  it("summarise a column, or count rows, over all rows or the selected ones", () => {
    const { html } = compile(":value[pay.salary]{aggregate=max} :value[pay.salary]{aggregate=mean year=2023} :value[pay]{aggregate=count} :value[pay.salary]{aggregate=count}");
    expect(numbers(html)).toEqual(["520,000", "450,000", "4", "3"]);
  });
  it("link each number to the story's data and show where it comes from", () => {
    const { html } = compile(":value[facts.growth]{format=\".1%\"} and :value[pay.salary]{city=\"上海\"}");
    expect(html).toContain('<a href="#data-facts" aria-describedby="value-1-source"><data value="0.225">22.5%</data></a>');
    expect(html).toContain('<span class="plotline-provenance" id="value-1-source" role="tooltip">Liepin via Sixth Tone · growth</span>');
    expect(html).toContain("data “pay” · salary, city = 上海");
    expect(html).toMatch(/<section class="plotline-data"[^>]*><h2 id="plotline-data-heading">The data in this story<\/h2><details class="plotline-data-entry" id="data-facts">/);
    expect(html).toContain("<summary>Pay by city <span class=\"plotline-data-size\">(4 rows)</span></summary>");
  });
  it("have no data section when no number refers to the data", () => {
    expect(compile("Plain prose.").html).not.toContain("plotline-data");
  });
  it("escape text values and sources", () => {
    const { html } = compile(":value[facts.note]");
    expect(html).toContain("&#x3C;b>bold&#x3C;/b></data>");
    // Outside attribute values (where "<" is inert), no tag from the data survives.
    expect(html.replace(/="[^"]*"/g, "")).not.toContain("<b>");
  });
  it("leave any other colon-word as the editor wrote it", () => {
    const { html, diagnostics } = compile("Ratio 3:1, Re:Zero, Note:this and ::leaf text.");
    expect(diagnostics).toEqual([]);
    expect(html).toContain("<p>Ratio 3:1, Re:Zero, Note:this and ::leaf text.</p>");
  });
});

describe("broken :value references are reported at the reference", () => {
  it.each([
    [":value[fact.growth]", "value/unknown-data 8:1"],
    [":value[facts.grwth]", "value/unknown-name 8:1"],
    [":value[facts]", "value/syntax 8:1"],
    ["See :value[pay.salery]{city=北京}", "value/unknown-column 8:5"],
    [":value[pay.salary]{town=北京}", "value/unknown-column 8:1"],
    [":value[pay]", "value/needs-column 8:1"],
    [":value[pay.salary]{city=广州}", "value/no-row 8:1"],
    [":value[pay.salary]", "value/many-rows 8:1"],
    [":value[pay.salary]{city=深圳}", "value/missing-value 8:1"],
    [":value[pay.salary]{aggregate=avg}", "value/unknown-aggregate 8:1"],
    [":value[pay.city]{city=上海 format=\".1f\"}", "value/column-not-numbers 8:1"],
    [":value[facts.growth]{format=\".1q\"}", "value/invalid-format 8:1"],
    [":value[pay.salary]{city=上海 format=\"%Y\"}", "value/not-a-date 8:1"],
    [":value[]", "value/syntax 8:1"],
  ])("%s", (sentence, expected) => {
    expect(found(sentence)).toEqual([expected]);
  });
  it("with did-you-mean suggestions and the values that do exist", () => {
    const messages = compile(':value[facts.grwth] :value[pay.salary]{city=广州} :value[pay.salary]{aggregate=avg}').diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'The data block "facts" has no value named "grwth". Did you mean "growth"?',
      "No row of \"pay\" has city = 广州.",
      '"avg" is not a way to summarise values. Did you mean "mean"?',
    ]);
    expect(compile(":value[pay.salary]{city=广州}").diagnostics[0]!.hint).toBe('Values in that column include "北京", "上海", "深圳".');
  });
});
