/**
 * A chart's id is part of its web address: it comes from id=, else from the title, and only as a last
 * resort from the chart's position, so that edits elsewhere in a story do not change it.
 */
import { describe, expect, it } from "vitest";
import { chartIdFromTitle, hash } from "../../../src/engine/chart/spec/chart-id.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { clean, compile, memoryFiles, PAY, plotBlock, positionOf, story, STORY_PATH } from "./helpers.ts";

const bars = "marks:\n  - barX: {y: name, x: salary}";
const ids = (...blocks: string[]) => clean(compile(PAY + blocks.join("\n"))).charts.map((c) => c.id);

describe("chart ids in a story", () => {
  it("id= is used as written", () => {
    expect(ids(plotBlock("data=pay id=pay-2025", `title: Pay\n${bars}`))).toEqual(["pay-2025"]);
  });
  it("an English title becomes a slug of its first six words", () => {
    expect(ids(plotBlock("data=pay", `title: Who earns the most in the newsroom, by desk\n${bars}`))).toEqual(["who-earns-the-most-in-the"]);
  });
  it("accents are dropped and punctuation becomes single dashes", () => {
    expect(ids(plotBlock("data=pay", `title: "Café prices — up 20%!"\n${bars}`))).toEqual(["cafe-prices-up-20"]);
  });
  it("a Chinese title gets a short hash of the title, the same on every build", () => {
    const story = plotBlock("data=pay", `title: 各城市的薪资\n${bars}`);
    expect(ids(story)).toEqual(["chart-117kerz"]);
    expect(ids(story)).toEqual(["chart-117kerz"]);
    expect(ids(plotBlock("data=pay", `title: 各城市的工资\n${bars}`))[0]).not.toBe("chart-117kerz");
  });
  it("a title that is mostly Chinese with a few Latin letters also gets the hash", () => {
    expect(ids(plotBlock("data=pay", `title: AI 岗位的薪资增长\n${bars}`))[0]).toMatch(/^chart-[0-9a-z]{7}$/);
  });
  it("a chart without id= or title is named by its position among the charts", () => {
    expect(ids(plotBlock("data=pay", `title: Pay\n${bars}`), plotBlock("data=pay", bars), plotBlock("data=pay", bars))).toEqual(["pay", "chart-2", "chart-3"]);
  });
  it("warns, at the fence, about each chart named by its position, with an id= to add that no other chart has", () => {
    const markdown = PAY + [plotBlock("data=pay id=pay-chart", bars), plotBlock("data=pay", `title: Pay\n${bars}`), plotBlock("data=pay  height=300", bars)].join("\n");
    const result = compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: memoryFiles() });
    const positional = result.diagnostics.filter((d) => d.code === "plot/positional-id");
    expect(positional.map((d) => `${d.severity} ${d.span.start.line}:${d.span.start.column}`)).toEqual([`warning ${positionOf(markdown, "```plot data=pay  height")}`]);
    expect(positional[0]!.message).toContain('are named "chart-3" after its place');
    expect(positional[0]!.hint).toBe("Give it an id that stays: ```plot data=pay  height=300 id=pay-chart-2 (or a title:, which names it the same way).");
  });
  it("does not add the warning to a chart that has errors", () => {
    const result = compileStory({ path: STORY_PATH, text: story(PAY + plotBlock("data=pay", "marks:\n  - barX: {y: nmae, x: salary}")) }, { dataFiles: memoryFiles() });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/unknown-column"]);
  });
  it("charts with equal titles get -2, -3 … in order", () => {
    const block = plotBlock("data=pay", `title: Pay\n${bars}`);
    expect(ids(block, block, block)).toEqual(["pay", "pay-2", "pay-3"]);
  });
  it("a title whose slug is an earlier chart's id= is numbered on", () => {
    expect(ids(plotBlock("data=pay id=pay", bars), plotBlock("data=pay", `title: Pay\n${bars}`))).toEqual(["pay", "pay-2"]);
  });
  it("a chart's id does not change when a chart with another title is added before it", () => {
    const mine = plotBlock("data=pay", `title: Salaries by desk\n${bars}`);
    expect(ids(mine)).toEqual(["salaries-by-desk"]);
    expect(ids(plotBlock("data=pay", `title: Something new\n${bars}`), mine)).toEqual(["something-new", "salaries-by-desk"]);
  });
  it("the figure's DOM id is chart- and the id", () => {
    const { charts } = clean(compile(PAY + plotBlock("data=pay", `title: Pay\n${bars}`)));
    expect(charts[0]!.domId).toBe("chart-pay");
  });
});

describe("chartIdFromTitle and hash", () => {
  it("uses the position, 1-based, when there is no title", () => {
    expect(chartIdFromTitle(undefined, 0)).toBe("chart-1");
    expect(chartIdFromTitle("", 4)).toBe("chart-5");
  });
  it("a title of digits and symbols only is hashed", () => {
    expect(chartIdFromTitle("2024", 0)).toMatch(/^chart-[0-9a-z]{7}$/);
  });
  it("is FNV-1a in 32 bits, written in base 36 over 7 characters", () => {
    expect(hash("")).toBe((0x811c9dc5).toString(36).padStart(7, "0"));
    expect(hash("a")).toBe((0xe40c292c).toString(36).padStart(7, "0"));
    expect(hash("foobar")).toBe((0xbf9cf968).toString(36).padStart(7, "0"));
  });
});
