import { describe, expect, it } from "vitest";
import { distinctTags, tagIndex, tagNameLanguage } from "../../src/astro/tag-index.ts";
import type { StoryLanguage } from "../../src/engine/story/frontmatter-schema.ts";

const story = (id: string, lang: StoryLanguage, tags: string[]) => ({ id, data: { lang, tags } });

describe("the tag index", () => {
  const stories = [story("a", "en", ["AI", "ai"]), story("b", "zh-CN", ["ai", "人工智能"]), story("c", "en", ["ai", "Jobs"]), story("d", "zh-CN", ["人工智能"])];
  const index = tagIndex(stories);

  it("puts tags that differ only in case on one page, with the spelling used most, each story once", () => {
    const ai = index.find((tag) => tag.slug === "ai")!;
    expect(ai.name).toBe("ai");
    expect(ai.stories.map((s) => s.id)).toEqual(["a", "b", "c"]);
  });

  it("writes a tag's page in its stories' language when they share one, in English otherwise", () => {
    expect(Object.fromEntries(index.map((tag) => [tag.slug, tag.lang]))).toEqual({ ai: "en", jobs: "en", 人工智能: "zh-CN" });
  });

  it("orders tags by name, ignoring case", () => {
    expect(index.map((tag) => tag.name)).toEqual(["ai", "Jobs", "人工智能"]);
  });

  it("keeps the first spelling of a tag in a story's own list and collapses spaces", () => {
    expect(distinctTags(["AI", "Data  Journalism", "ai", "ＡＩ", "data journalism"])).toEqual(["AI", "Data Journalism"]);
  });

  it("tells the language of a tag's name from its script", () => {
    expect(tagNameLanguage("人工智能")).toBe("zh-CN");
    expect(tagNameLanguage("AIGC")).toBe("en");
    expect(tagNameLanguage("2025")).toBeUndefined();
  });
});
