import { describe, expect, it } from "vitest";
import { tagHref, tagSlug } from "../../src/astro/tag-slug.ts";

describe("tag slugs", () => {
  it("give tags that differ only in case, width, spacing or punctuation one slug", () => {
    const slugs = ["Data Journalism", "data   journalism", " data-journalism ", "DATA_JOURNALISM", "Data/Journalism", "ｄａｔａ　ｊｏｕｒｎａｌｉｓｍ"].map(tagSlug);
    expect(new Set(slugs)).toEqual(new Set(["data-journalism"]));
    expect(tagSlug("ＡＩ")).toBe("ai");
  });

  it("keep Chinese (and every other script's letters and digits) as written", () => {
    expect(tagSlug("人工智能")).toBe("人工智能");
    expect(tagSlug("AIGC 人才")).toBe("aigc-人才");
    expect(tagSlug("Ökonomie 2025")).toBe("ökonomie-2025");
  });

  it("link to the page percent-encoded under the base path", () => {
    expect(tagHref("/newsroom/", "人工智能")).toBe("/newsroom/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/");
    expect(tagHref("/", "Data Journalism")).toBe("/tags/data-journalism/");
  });

  it("never put a character a host might read specially into the path", () => {
    for (const tag of ["C++", "C#", "50%", "a/b", "what?", "v1.2", "R&D", "+", "★"]) {
      expect(tagSlug(tag), tag).toMatch(/^[\p{L}\p{M}\p{N}-]+$/u);
    }
  });

  it("give a tag of symbols alone a page of its own", () => {
    expect(tagSlug("★")).toBe("u2605");
    expect(tagSlug("%")).not.toBe(tagSlug("★"));
  });

  it("keep C, C++ and C# apart, and a hashtag's # out of the slug", () => {
    expect(["C", "C++", "C#", "c plus plus"].map(tagSlug)).toEqual(["c", "c-plus-plus", "c-sharp", "c-plus-plus"]);
    expect(tagSlug("#MeToo")).toBe("metoo");
    expect(tagSlug("Google+")).toBe("google-plus");
  });

  it("cut long tags to a file name every file system takes, at a character boundary", () => {
    const slug = tagSlug("数据".repeat(100));
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(200);
    expect(slug).toBe("数据".repeat(33));
  });
});
