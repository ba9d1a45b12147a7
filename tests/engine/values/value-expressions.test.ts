import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const DATA = [
  "```data id=facts format=yaml",
  "before: 1000",
  "after: 1225",
  "zero: 0",
  "empty:",
  "```",
  "",
  "```data id=aapl",
  "Date,Open,Close,share price (%)",
  "2013-05-13,64.5,64.9,1%",
  "2013-05-14,64.8,63.4,2%",
  "2014-07-01,93.5,93.5,3%",
  "```",
  "",
].join("\n");
const HEADER = "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n";
/** A story whose first prose line is `sentence` (line 7), followed by the data. */
const compile = (sentence: string) => compileStory({ path: "content/stories/t.md", text: `${HEADER}${sentence}\n\n${DATA}` }, { dataFiles: noFiles });
const numbers = (html: string) => [...html.matchAll(/<data value="[^"]*">([^<]*)<\/data>/g)].map((m) => m[1]);
const errors = (sentence: string) =>
  compile(sentence)
    .diagnostics.filter((d) => d.code !== "data/unused-column")
    .map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);

describe(":value[…] with an expression", () => {
  it.each([
    [':value[(facts.after - facts.before) / facts.before]{format=".1%"}', "22.5%"],
    [":value[facts.after - facts.before]", "225"],
    [':value[aapl.Close - aapl.Open]{Date=2013-05-14 format=".2f"}', "−1.40"],
    [':value[aapl.Close / aapl.Open - 1]{Date=2014-07-01 format=".0%"}', "0%"],
    [':value[aapl.Close - aapl.Open]{aggregate=mean format=".2f"}', "−0.33"],
    [":value[aapl.Close > aapl.Open]{aggregate=count}", "3"],
    [":value[year(aapl.Date)]{aggregate=max}", "2,014"],
    [':value[upper(aapl.Date > date(2014, 1, 1) ? "late" : "early")]{Date=2014-07-01}', "LATE"],
    [':value[(b.Close - a.Close) / a.Close]{data=aapl a.Date=2013-05-13 b.Date=2014-07-01 format=".1%"}', "44.1%"],
    [':value[late.Close - early.Open]{data=aapl early.Date=2013-05-13 late.Date=2014-07-01 format=".1f"}', "29.0"],
    [':value[b.Close / facts.after]{data=aapl b.Date=2014-07-01 format=".3f"}', "0.076"],
    // A label that names a column exactly keeps its old meaning, whatever it holds.
    [':value[aapl.share price (%)]{Date=2013-05-13}', "1%"],
  ])("%s is %s", (sentence, expected) => {
    const story = compile(sentence);
    expect(story.diagnostics.filter((d) => d.code !== "data/unused-column")).toEqual([]);
    expect(numbers(story.html)).toEqual([expected]);
  });

  it("reads an expression as written, even where Markdown would see emphasis", () => {
    const story = compile(":value[facts.after * 2 * facts.before]");
    expect(numbers(story.html)).toEqual(["2,450,000"]);
  });

  it("counts the columns it reads as used, and links the number to its data", () => {
    const story = compile(':value[aapl.Close - aapl.Open]{Date=2013-05-14} and :value[aapl.Close]{Date=2014-07-01}, :value[aapl.share price (%)]{aggregate=sum}');
    expect(story.diagnostics).toEqual([]);
    expect(story.html).toContain('href="#data-aapl"');
  });

  it.each([
    [":value[(facts.after - facts.befor) / facts.before]", "value/unknown-name 7:29"],
    [":value[(facts.after - fcts.before) / facts.before]", "value/unknown-data 7:23"],
    [":value[aapl.Close - aapl.Opn]{Date=2013-05-14}", "value/unknown-column 7:26"],
    [":value[facts.after +]", "expr/syntax 7:21"],
    [":value[monht(aapl.Date)]{Date=2013-05-14}", "expr/unknown-function 7:8"],
    [":value[month(facts.after)]", "expr/type 7:14"],
    [":value[facts.after - after]", "value/unknown-data 7:22"],
    [":value[aapl.Close - aapl.Open]", "value/many-rows 7:1"],
    [":value[facts.after / facts.zero]", "value/no-result 7:1"],
    [":value[facts.after + facts.empty]", "value/missing-value 7:22"],
    [":value[aapl.Close - aapl.Open]{Date=2020-01-01}", "value/no-row 7:1"],
    [":value[aapl.Close.constructor]", "value/unknown-column 7:1"],
    [':value[upper("a") + "b"]', "value/syntax 7:1"],
    [":value[b.Close - a.Close]{a.Date=2013-05-13 b.Date=2014-07-01}", "value/unknown-data 7:8"],
    [":value[b.Close - a.Close]{data=aapl a.Date=2013-05-13 b.Date=2015-07-01}", "value/no-row 7:1"],
    [":value[b.Close - a.Close]{data=aapl a.Date=2013-05-13}", "value/many-rows 7:1"],
    [":value[b.Close - a.Clos]{data=aapl a.Date=2013-05-13 b.Date=2014-07-01}", "value/unknown-column 7:20"],
    [":value[b.Close - a.Close]{data=apl a.Date=2013-05-13 b.Date=2014-07-01}", "value/unknown-data 7:1"],
    [":value[facts.after['constructor'] + 1]", "expr/not-allowed 7:8"],
  ])("%s is reported at its token: %s", (sentence, expected) => {
    expect(errors(sentence)).toEqual([expected]);
  });
});
