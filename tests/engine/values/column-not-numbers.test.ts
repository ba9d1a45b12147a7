import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { memoryFiles, story, STORY_PATH } from "../data/helpers.ts";

const messages = (markdown: string) =>
  compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: memoryFiles() })
    .diagnostics.filter((d) => d.code.startsWith("value/"))
    .map((d) => `${d.code}: ${d.message}`);

describe(":value over text where a number is needed names the column, not the format", () => {
  const DATA = "```data id=places\nplace,beds\nScutari,1500\nBalaklava,400\nScutari,20\n```\n\n";
  it("a number format over a text column", () => {
    expect(messages(DATA + ':value[places.place]{beds=1500 format=",.0f"}\n')).toEqual([
      'value/column-not-numbers: Column "place" of data "places" holds text, not numbers ("Scutari", "Balaklava"), so the format ",.0f" cannot write it.',
    ]);
  });
  it("an aggregate over a text column", () => {
    expect(messages(DATA + ":value[places.place]{aggregate=mean}\n")).toEqual([
      'value/column-not-numbers: Column "place" of data "places" holds text, not numbers ("Scutari", "Balaklava"), so aggregate=mean cannot work it out.',
    ]);
  });
  it("a number format over a named value that is text", () => {
    expect(messages("```data id=facts format=yaml\nplace: Scutari\n```\n\n:value[facts.place]{format=\".1%\"}\n")).toEqual([
      'value/column-not-numbers: The value "place" of data "facts" holds text, not numbers ("Scutari"), so the format ".1%" cannot write it.',
    ]);
  });
  it("a number format over a date still says the format writes numbers", () => {
    expect(messages("```data id=d\nwhen,n\n2025-03-21,1\n```\n\n:value[d.when]{n=1 format=\",.0f\"}\n")).toEqual([
      'value/not-a-number: The format ",.0f" writes numbers, but this value is a date.',
    ]);
  });
});

describe("an aggregate over values that are not all numbers", () => {
  it("names the aggregate as what needs numbers, not a format", () => {
    const DATA = "```data id=d\nwhen,n\n2025-03-21,1\n2025-03-22,2\n```\n\n";
    expect(messages(DATA + ":value[d.when == d.when]{aggregate=sum}\n")).toEqual(["value/not-a-number: aggregate=sum works on numbers, but the values are not all numbers."]);
  });
});
