import { describe, expect, it } from "vitest";
import { MAX_ROWS_SHOWN, renderDataTableHtml } from "../../../src/engine/data/data-table-html.ts";
import type { DataTable } from "../../../src/engine/data/data-table.ts";
import { table } from "./helpers.ts";

/** The text of each body cell, row by row (Intl may use no-break spaces; they read as spaces here). */
function cells(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").replace(/[\u00a0\u202f]/g, " ")),
  );
}

const sample = () =>
  table(
    "id=jobs",
    [
      "city,share,year,month,day,hiring,openings",
      'Beijing,22.5%,2025,2025-03,2025-03-21,true,"12,345"',
      "Shanghai,,2024,2024-11,2024-11-02,FALSE,1.23456789",
    ].join("\n"),
  );

describe("a data table shown in a story", () => {
  it("is a focusable, labelled scroll region around a table with a header row", () => {
    const html = renderDataTableHtml(sample(), { lang: "en" });
    expect(html).toMatch(/^<div class="plotline-table" role="region" aria-label="Data table jobs" tabindex="0"[^>]*><table><thead><tr>/);
    expect(html).toContain('<th scope="col" class="plotline-string">city</th>');
    expect(html.endsWith("</tbody></table></div>")).toBe(true);
  });
  it("formats values for English readers", () => {
    expect(cells(renderDataTableHtml(sample(), { lang: "en" }))).toEqual([
      ["Beijing", "22.5%", "2025", "Mar 2025", "Mar 21, 2025", "yes", "12,345"],
      ["Shanghai", "—", "2024", "Nov 2024", "Nov 2, 2024", "no", "1.2346"],
    ]);
  });
  it("formats values for Chinese readers", () => {
    const html = renderDataTableHtml(sample(), { lang: "zh-CN" });
    expect(cells(html)).toEqual([
      ["Beijing", "22.5%", "2025年", "2025年3月", "2025年3月21日", "是", "12,345"],
      ["Shanghai", "—", "2024年", "2024年11月", "2024年11月2日", "否", "1.2346"],
    ]);
    expect(html).toContain('aria-label="数据表 jobs"');
    expect(html).toContain('<span role="img" aria-label="缺失">—</span>');
  });
  it("right-aligns numbers through a class on their header and cells", () => {
    const html = renderDataTableHtml(sample(), { lang: "en" });
    expect(html).toContain('<th scope="col" class="plotline-number plotline-num">share</th>');
    expect(html).toContain('<td class="plotline-number plotline-num">12,345</td>');
  });
  it("announces a missing value as missing", () => {
    expect(renderDataTableHtml(sample(), { lang: "en" })).toContain(
      '<td class="plotline-number plotline-num plotline-missing"><span role="img" aria-label="missing">—</span></td>',
    );
  });
  it("keeps small numbers readable and does not show fractions as percentages", () => {
    const t = table("id=t", "n\n0.000123\n-3%\n0");
    expect(cells(renderDataTableHtml(t, { lang: "en" }))).toEqual([["0.000123"], ["-0.03"], ["0"]]);
  });
  it("shows dates in UTC at their precision, times with their zone", () => {
    const t = table("id=t", "at\n2025-03-21T23:30:00-02:00");
    expect(cells(renderDataTableHtml(t, { lang: "en" }))).toEqual([["Mar 22, 2025, 01:30 UTC"]]);
  });
  it("escapes every value and name", () => {
    const t = table("id=t format=json", '[{"<script>": "<img src=x onerror=alert(1)> & \\"quotes\\""}]');
    const html = renderDataTableHtml(t, { lang: "en" });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&#x3C;script>");
  });
  it("shows named values as a name/value table", () => {
    const t = table("id=t format=yaml", "growth: 22.5%\nsource: Liepin");
    expect(cells(renderDataTableHtml(t, { lang: "en" }))).toEqual([
      ["growth", "22.5%"],
      ["source", "Liepin"],
    ]);
  });
  it(`shows at most ${MAX_ROWS_SHOWN} rows and says how many more there are`, () => {
    const big: DataTable = {
      id: "big",
      kind: "table",
      columns: [{ name: "n", type: "number" }],
      rows: Array.from({ length: 2500 }, (_, i) => ({ n: i })),
    };
    const en = cells(renderDataTableHtml(big, { lang: "en" }));
    expect(en).toHaveLength(MAX_ROWS_SHOWN + 1);
    expect(en.at(-1)).toEqual(["1,500 more rows not shown"]);
    expect(renderDataTableHtml(big, { lang: "en" })).toContain('<tr class="plotline-table-note"><td colspan="1">');
    expect(cells(renderDataTableHtml(big, { lang: "zh-CN" })).at(-1)).toEqual(["另有 1,500 行未显示"]);
  });
  it("says 'row' for a single hidden row", () => {
    const t: DataTable = { id: "t", kind: "table", columns: [{ name: "n", type: "number" }], rows: Array.from({ length: MAX_ROWS_SHOWN + 1 }, () => ({ n: 1 })) };
    expect(cells(renderDataTableHtml(t, { lang: "en" })).at(-1)).toEqual(["1 more row not shown"]);
  });
});

describe("a long data table", () => {
  const numbers = (n: number): DataTable => ({ id: "t", kind: "table", columns: [{ name: "n", type: "number" }], rows: Array.from({ length: n }, (_, i) => ({ n: i + 1 })) });
  it("of 20 rows shows them all, with no disclosure", () => {
    const html = renderDataTableHtml(numbers(20), { lang: "en" });
    expect(cells(html)).toHaveLength(20);
    expect(html).not.toContain("<details");
  });
  it("of 21 rows shows 10 and keeps 11 in a second body that a disclosure after the table controls", () => {
    const html = renderDataTableHtml(numbers(21), { lang: "en", id: "data-t" });
    expect(html).toMatch(/<\/tbody><tbody id="data-t-more-rows" class="plotline-table-rest">/);
    expect(html.slice(0, html.indexOf('<tbody id="'))).toContain("<td class=\"plotline-number plotline-num\">10</td>");
    expect(html.slice(0, html.indexOf('<tbody id="'))).not.toContain(">11</td>");
    expect(html).toContain('<details class="plotline-table-more"><summary aria-controls="data-t-more-rows"><span class="plotline-more-closed">Show 11 more rows</span><span class="plotline-more-open">Show fewer rows</span></summary></details>');
    expect(cells(html)).toHaveLength(21);
  });
  it("says so in Chinese, and counts only the rows it holds when a table is also cut", () => {
    const html = renderDataTableHtml(numbers(60), { lang: "zh-CN", maxRows: 50 });
    expect(html).toContain(">显示其余 40 行</span>");
    expect(cells(html).at(-1)).toEqual(["另有 10 行未显示"]);
  });
});

describe("headers and dates of a data table", () => {
  it("heads columns with the labels given, and the others with their names", () => {
    const html = renderDataTableHtml(sample(), { lang: "en", labels: new Map([["share", "Share of postings"]]) });
    expect(html).toContain('<th scope="col" class="plotline-number plotline-num" data-column="share">Share of postings</th>');
    expect(html).toContain('<th scope="col" class="plotline-string">city</th>');
  });
  it("writes dates that all fall on the first of a month as months, and on 1 January as years", () => {
    const monthly = table("id=m", "when,n\n1854-04-01,1\n1854-05-01,2\n");
    expect(cells(renderDataTableHtml(monthly, { lang: "en" })).map((r) => r[0])).toEqual(["Apr 1854", "May 1854"]);
    expect(cells(renderDataTableHtml(monthly, { lang: "zh-CN" })).map((r) => r[0])).toEqual(["1854年4月", "1854年5月"]);
    const yearly = table("id=y", "when,n\n2020-01-01,1\n2021-01-01,2\n");
    expect(cells(renderDataTableHtml(yearly, { lang: "en" })).map((r) => r[0])).toEqual(["2020", "2021"]);
  });
  it("keeps days when one date is not on the first, or there is only one date to go by", () => {
    expect(cells(renderDataTableHtml(table("id=d", "when,n\n1854-04-01,1\n1854-05-02,2\n"), { lang: "en" })).map((r) => r[0])).toEqual(["Apr 1, 1854", "May 2, 1854"]);
    expect(cells(renderDataTableHtml(table("id=o", "when,n\n2025-03-01,1\n"), { lang: "en" })).map((r) => r[0])).toEqual(["Mar 1, 2025"]);
  });
});
