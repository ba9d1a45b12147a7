import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const chart = (lang: string, yaml: string) =>
  compileStory(
    {
      path: "content/stories/t.md",
      text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=pay\nmonth,salary\n2025-01,500000\n2025-02,520000\n2025-03,510000\n\`\`\`\n\n\`\`\`plot data=pay\nalt: A.\n${yaml}\n\`\`\`\n`,
    },
    { dataFiles: noFiles },
  ).charts[0]!.chartMarkup;

it("reads a chart's string formats in the story's language: ¥ and Chinese month names in Chinese stories", () => {
  const zh = chart("zh-CN", 'x: {tickFormat: "%b"}\ny: {tickFormat: "$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}');
  expect(zh).toContain(">¥500,000<");
  expect(zh).toContain(">2月<");
  const en = chart("en", 'x: {tickFormat: "%b"}\ny: {tickFormat: "$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}');
  expect(en).toContain(">$500,000<");
  expect(en).toContain(">Feb<");
});

it("formats text-mark labels in the story's language too", () => {
  expect(chart("zh-CN", 'marks:\n  - text: {x: month, y: salary, text: salary, format: "$,.0f"}')).toContain(">¥520,000<");
});

it("reads plain values on a date axis as dates: ruleX: [2020] marks the year 2020, not 1970", () => {
  const markup = compileStory(
    {
      path: "content/stories/t.md",
      text: "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n```data id=s\nyear,n\n2010,1\n2030,3\n```\n\n```plot data=s\nalt: A.\nmarks:\n  - lineY: {x: year, y: n}\n  - ruleX: [2020]\n```\n",
    },
    { dataFiles: noFiles },
  ).charts[0]!.chartMarkup;
  const rule = /data-label="rule"[^>]*>\s*<line[^>]*x1="([\d.]+)"/.exec(markup);
  expect(rule).not.toBeNull();
  // 2020 sits halfway between 2010 and 2030 on a 640 px chart with 20 px margins on either side.
  expect(Number(rule![1])).toBeCloseTo(330, 0);
});

it("writes compact axis ticks with 亿 and 万 in Chinese stories, B and M in English ones", () => {
  const story = (lang: string) =>
    compileStory(
      {
        path: "content/stories/t.md",
        text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=users\nyear,users\n2021,120000000\n2022,260000000\n2023,410000000\n\`\`\`\n\nUsers reached :value[users.users]{year=2023 format=compact}.\n\n\`\`\`plot data=users\nalt: A.\ny: {tickFormat: compact}\nmarks:\n  - barY: {x: year, y: users}\n\`\`\`\n`,
      },
      { dataFiles: noFiles },
    );
  const zh = story("zh-CN");
  const ticks = (markup: string) => [...markup.matchAll(/data-label="y-axis tick label"[\s\S]*?<\/g>/g)][0]![0].match(/>[^<>]+</g)!.map((t) => t.slice(1, -1));
  expect(ticks(zh.charts[0]!.chartMarkup)).toEqual(expect.arrayContaining(["0", "1亿", "2亿", "4亿"]));
  expect(zh.html).toContain("4.1亿");
  const en = story("en");
  expect(ticks(en.charts[0]!.chartMarkup)).toEqual(expect.arrayContaining(["0", "100M", "200M", "400M"]));
  expect(en.html).toContain("410M");
});

describe("axes of millions without a tickFormat", () => {
  const chartOf = (lang: string, scale: string, values: number[]) =>
    compileStory(
      {
        path: "content/stories/t.md",
        text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=d\nyear,amount\n${values.map((v, i) => `${2020 + i},${v}`).join("\n")}\n\`\`\`\n\n\`\`\`plot data=d id=d\nalt: A.\n${scale}marks:\n  - barY: {x: year, y: amount}\n\`\`\`\n`,
      },
      { dataFiles: noFiles },
    ).charts[0]!;
  const yTicks = (markup: string) => [...markup.matchAll(/data-label="y-axis tick label"[\s\S]*?<\/g>/g)][0]![0].match(/>[^<>]+</g)!.map((t) => t.slice(1, -1));

  it("are written compactly in the story's language: 亿 in Chinese, B in English", () => {
    const zh = chartOf("zh-CN", "", [120_000_000, 480_000_000, 1_350_000_000]);
    expect(zh.spec.options["y"]).toEqual({ tickFormat: "compact" });
    expect(yTicks(zh.chartMarkup)).toEqual(expect.arrayContaining(["0", "2亿", "10亿"]));
    expect(yTicks(chartOf("en", "", [120_000_000, 480_000_000, 1_350_000_000]).chartMarkup)).toEqual(expect.arrayContaining(["0", "200M", "1B"]));
  });

  it("keep the editor's tickFormat and scale options, and leave smaller numbers in full", () => {
    expect(chartOf("en", 'y: {tickFormat: ",.0f", grid: true}\n', [1_000_000, 3_000_000]).spec.options["y"]).toEqual({ tickFormat: ",.0f", grid: true });
    expect(chartOf("en", "y: {grid: true}\n", [1_000_000, 3_000_000]).spec.options["y"]).toEqual({ grid: true, tickFormat: "compact" });
    expect(chartOf("en", "y: {percent: true}\n", [1_000_000]).spec.options["y"]).toEqual({ percent: true });
    const small = chartOf("zh-CN", "", [12_000, 950_000]);
    expect(small.spec.options["y"]).toBeUndefined();
    expect(yTicks(small.chartMarkup)).toContain("800,000");
  });
});

it("reads a tip mark's formats in the story's language, as axes do", () => {
  const yaml = 'marks:\n  - tip: {x: month, y: salary, format: {y: "$,.0f", x: "%b"}}';
  const zh = chart("zh-CN", yaml);
  expect(zh).toContain("¥520,000");
  expect(zh).toContain("2月");
  const en = chart("en", yaml);
  expect(en).toContain("$520,000");
  expect(en).toContain("Feb");
});

describe("tips follow the axis's format, in the story's language", () => {
  it("a tip mark without formats writes y as the scale's tickFormat does: ¥ in a Chinese story", () => {
    const zh = chart("zh-CN", 'y: {tickFormat: "$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}\n  - tip: {x: month, y: salary}');
    expect(zh).toContain(">¥500,000<");
    expect(zh).toContain("salary</tspan> ¥520,000");
    expect(zh).not.toContain("$");
  });
  it("a tip writes a date column at the column's precision: January of monthly data reads as a month, not a year", () => {
    const zh = chart("zh-CN", "marks:\n  - lineY: {x: month, y: salary}\n  - tip: {x: month, y: salary}");
    expect(zh).toContain("month</tspan> 2025年1月");
    expect(chart("en", "marks:\n  - lineY: {x: month, y: salary}\n  - tip: {x: month, y: salary}")).toContain("month</tspan> Jan 2025");
  });
  it("an axis mark's tickFormat is read in the story's language, and tips follow it", () => {
    const zh = chart("zh-CN", 'marks:\n  - lineY: {x: month, y: salary}\n  - axisY: {tickFormat: "$,.0f"}\n  - tip: {x: month, y: salary}');
    expect(zh).toContain(">¥500,000<");
    expect(zh).toContain("salary</tspan> ¥520,000");
  });
  it("a mark's tip uses the axis format Plotline chose (compact) like the axis does", async () => {
    const { tipFormats } = await import("../../../src/engine/chart/defaults/locale-tips.ts");
    const spec = { version: 1 as const, id: "c", figure: {}, options: { y: { tickFormat: "compact" } }, marks: [] };
    expect((tipFormats(undefined, spec, "zh-CN")["y"] as (v: unknown) => string)(450_000_000)).toBe("4.5亿");
    expect((tipFormats({ y: "$,.2f" }, spec, "zh-CN")["y"] as (v: unknown) => string)(617.43)).toBe("¥617.43");
  });
});

describe("a currency's own sign in front of a format", () => {
  it("writes that sign in every language: US$ in a Chinese story, ¥ in an English one", () => {
    expect(chart("zh-CN", 'y: {tickFormat: "US$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}')).toContain(">US$500,000<");
    expect(chart("en", 'y: {tickFormat: "¥,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}')).toContain(">¥500,000<");
  });
  it("in numbers in prose too, and a second $ after it is reported", () => {
    const story = (format: string) =>
      compileStory({ path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: zh-CN\n---\n\n\`\`\`data id=pay format=yaml\ntotal: 1234.5\n\`\`\`\n\nIt cost :value[pay.total]{format="${format}"}.\n` }, { dataFiles: noFiles });
    expect(story("US$,.2f").html).toContain("US$1,234.50");
    expect(story("$,.2f").html).toContain("¥1,234.50");
    expect(story("US$$,.2f").diagnostics.map((d) => d.code)).toEqual(["value/invalid-format"]);
  });
});
