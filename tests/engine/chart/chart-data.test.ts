import { expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { spreadsheetCell } from "../../../src/engine/chart/publish/spreadsheet-csv.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const compile = (lang: string) =>
  compileStory(
    {
      path: "content/stories/pay-story.md",
      text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=pay\nname,month,salary,note\n"Ana, Jr.",2025-01,52000,a\n北京,2025-02,,b\nCy,2025-03,47000.5,c\n\`\`\`\n\n\`\`\`plot data=pay id=pay-chart\nalt: A.\nmarks:\n  - dot: {x: month, y: salary, title: name}\n\`\`\`\n`,
    },
    { dataFiles: noFiles },
  );

it("every chart offers the rows it is drawn from as a CSV, with only the columns it uses, dates as written", () => {
  const story = compile("en");
  const csv = story.assets.find((a) => a.path === "_plotline/data/pay-story/pay-chart.csv");
  expect(csv?.content).toBe('\uFEFFname,month,salary\n"Ana, Jr.",2025-01,52000\n北京,2025-02,\nCy,2025-03,47000.5\n');
  expect(story.html).toContain('<a class="plotline-download plotline-download-csv" href="/_plotline/data/pay-story/pay-chart.csv" download="pay-story-pay-chart.csv" type="text/csv">Get the data (CSV)</a>');
});

it("and as a table in a disclosure under the chart, in the story's language", () => {
  const en = compile("en").html;
  expect(en).toContain('<details class="plotline-chart-data"><summary>Data behind this chart <span class="plotline-data-size">(3 rows)</span></summary>');
  expect(en).toMatch(/<details class="plotline-chart-data">[\s\S]*<th scope="col" class="plotline-string">name<\/th><th scope="col" class="plotline-date">month<\/th><th scope="col" class="plotline-number plotline-num">salary<\/th><\/tr><\/thead>/);
  expect(en).not.toMatch(/<details class="plotline-chart-data">[\s\S]*<th[^>]*>note<\/th>/);
  const zh = compile("zh-CN").html;
  expect(zh).toContain("<summary>图表数据 <span class=\"plotline-data-size\">(3行)</span></summary>");
  expect(zh).toContain(">下载数据（CSV）</a>");
  expect(zh).toContain(">2025年1月</td>");
});

it("neutralises cells and headers a spreadsheet would run as formulas, and keeps numbers numbers", () => {
  const story = compileStory(
    {
      path: "content/stories/pay-story.md",
      text: [
        "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n",
        "```data id=cells format=json",
        '[{"=cmd": "=1+1", "n": -5, "m": 1, "tab": "\\t=1+1", "at": "@SUM(A1)"},',
        ' {"=cmd": "-x", "n": 2.5, "m": -1, "tab": "+1", "at": "-5"},',
        ' {"=cmd": "a\\"b,c", "n": 3, "m": 7, "tab": "plain", "at": "+x"}]',
        "```",
        "",
        "```plot data=cells id=cells",
        "alt: A.",
        "marks:",
        '  - dot: {x: n, y: m, title: "=cmd", channels: {tab: tab, at: at}}',
        "```",
        "",
      ].join("\n"),
    },
    { dataFiles: noFiles },
  );
  const csv = story.assets.find((a) => a.path === "_plotline/data/pay-story/cells.csv")?.content;
  expect(csv).toBe(
    '\uFEFF"\'=cmd",n,m,tab,at\n' +
      "\"'=1+1\",-5,1,\"'=1+1\",\"'@SUM(A1)\"\n" +
      "\"'-x\",2.5,-1,+1,-5\n" +
      '"a""b,c",3,7,plain,"\'+x"\n',
  );
});

it("does not trim a leading tab or carriage return before neutralising: the cell is quoted whole", () => {
  expect(spreadsheetCell("\t=1+1")).toBe("\"'\t=1+1\"");
  expect(spreadsheetCell("\r=1+1")).toBe("\"'\r=1+1\"");
  expect(spreadsheetCell("-5")).toBe("-5");
  expect(spreadsheetCell("-1.5e3")).toBe("-1.5e3");
  expect(spreadsheetCell("-")).toBe("\"'-\"");
  expect(spreadsheetCell("Beijing")).toBe("Beijing");
});
