import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { memoryFiles } from "../data/helpers.ts";
import { realDataDir } from "../../support/real-data.ts";

const crimea = () => memoryFiles({ "crimean-war.csv": readFileSync(join(realDataDir, "crimean-war.csv")) });
const story = (lang: string, yaml: string) =>
  compileStory(
    { path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=war src="crimean-war.csv"\n\`\`\`\n\n\`\`\`plot data=war id=deaths\nalt: A.\n${yaml}\n\`\`\`\n` },
    { dataFiles: crimea() },
  );
/** The "data behind this chart" table of the story's one chart. */
const tableOf = (html: string) => {
  const start = html.indexOf('<div class="plotline-table"');
  return html.slice(start, html.indexOf("</div>", html.indexOf("</table>", start)) + "</div>".length);
};
const headers = (html: string) => [...tableOf(html).matchAll(/<th scope[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
const firstCells = (html: string) => [...tableOf(html).matchAll(/<tr><td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/[\u00a0\u202f]/g, " "));

describe("the table of a chart's data (Crimean War deaths, monthly, written as days)", () => {
  const yaml = 'y: {label: "Deaths from disease"}\nx: {label: Month}\nmarks:\n  - lineY: {x: date, y: disease}';

  it("heads the columns with the chart's labels", () => {
    expect(headers(story("en", yaml).charts[0]!.html)).toEqual(["Month", "Deaths from disease"]);
  });

  it("writes monthly dates as months, in the story's language", () => {
    expect(firstCells(story("en", yaml).charts[0]!.html).slice(0, 2)).toEqual(["Apr 1854", "May 1854"]);
    expect(firstCells(story("zh-CN", yaml).charts[0]!.html).slice(0, 2)).toEqual(["1854年4月", "1854年5月"]);
  });

  it("shows the first 10 of its 24 rows and keeps the rest behind a disclosure that needs no script", () => {
    const table = tableOf(story("en", yaml).charts[0]!.html);
    const [first, rest] = table.split('<tbody id="');
    expect([...first!.matchAll(/<tr><td/g)]).toHaveLength(10);
    expect([...rest!.matchAll(/<tr><td/g)]).toHaveLength(14);
    expect(table).toMatch(/<details class="plotline-table-more"><summary aria-controls="([\w-]+)"><span class="plotline-more-closed">Show 14 more rows<\/span><span class="plotline-more-open">Show fewer rows<\/span><\/summary><\/details><\/div>$/);
    const controlled = /aria-controls="([\w-]+)"/.exec(table)![1];
    expect(table).toContain(`<tbody id="${controlled}" class="plotline-table-rest">`);
    expect(table).not.toContain("<script");
  });

  it("keeps every row and the column names in the CSV", () => {
    const chart = story("en", yaml).charts[0]!;
    const csv = String(chart.csv?.content ?? "");
    expect(csv.split("\n").filter(Boolean)).toHaveLength(25);
    expect(csv).toContain("date,disease");
    expect(csv).toContain("1854-04-01");
  });

  it("labels bars of monthly data by month, not by day", () => {
    const markup = story("en", "marks:\n  - barY: {x: date, y: disease}").charts[0]!.chartMarkup;
    expect(markup).toContain(">Apr 1854<");
    expect(markup).not.toContain(">Apr 1, 1854<");
  });
});

describe("headers of a chart's data table", () => {
  it("take an axis mark's label, and leave a column on two differently labelled scales under its name", () => {
    expect(headers(story("en", 'marks:\n  - lineY: {x: date, y: disease}\n  - axisY: {label: "Deaths"}').charts[0]!.html)).toEqual(["date", "Deaths"]);
    const twice = story("en", 'x: {label: "Month"}\ny: {label: "Deaths"}\nmarks:\n  - lineY: {x: date, y: disease}\n  - dot: {x: disease, y: wounds}');
    expect(headers(twice.charts[0]!.html)).toEqual(["Month", "disease", "Deaths"]);
  });
});
