import { describe, expect, it } from "vitest";
import { headTags, type HeadTag, type PageHead } from "../../src/astro/head-tags.ts";
import { socialImage } from "../../src/astro/social-image.ts";

const page: PageHead = { title: "A headline", description: "A dek.", lang: "zh-CN", siteName: "Plotline", canonical: "https://news.example.org/newsroom/stories/a/" };
const values = (tags: HeadTag[], key: string) => tags.filter((t) => t.attributes["property"] === key || t.attributes["name"] === key).map((t) => t.attributes["content"]);

describe("head tags", () => {
  it("write no image tags and the small Twitter card when a page has no image", () => {
    const tags = headTags(page);
    expect(tags.filter((t) => /image/.test(t.attributes["property"] ?? t.attributes["name"] ?? ""))).toEqual([]);
    expect(values(tags, "twitter:card")).toEqual(["summary"]);
    expect(values(tags, "og:locale")).toEqual(["zh_CN"]);
    expect(values(tags, "og:type")).toEqual(["website"]);
  });

  it("write the social card's absolute address, size and alt text, with the large Twitter card", () => {
    const image = socialImage({ path: "_plotline/cards/a.png", width: 1200, height: 630, alt: "A headline" }, new URL("https://news.example.org"), "/newsroom/");
    expect(image?.url).toBe("https://news.example.org/newsroom/_plotline/cards/a.png");
    const tags = headTags({ ...page, image });
    expect(values(tags, "og:image")).toEqual(["https://news.example.org/newsroom/_plotline/cards/a.png"]);
    expect(values(tags, "og:image:type")).toEqual(["image/png"]);
    expect([values(tags, "og:image:width"), values(tags, "og:image:height")]).toEqual([["1200"], ["630"]]);
    expect(values(tags, "og:image:alt")).toEqual(["A headline"]);
    expect(values(tags, "twitter:card")).toEqual(["summary_large_image"]);
    expect(values(tags, "twitter:image")).toEqual(["https://news.example.org/newsroom/_plotline/cards/a.png"]);
  });

  it("has no image without a card", () => {
    expect(socialImage(undefined, new URL("https://news.example.org"), "/")).toBeUndefined();
  });

  it("describes a story as an article with its dates, authors and tags", () => {
    const tags = headTags({ ...page, article: { published: new Date("2025-03-21"), modified: new Date("2025-04-02T08:30:00+08:00"), authors: ["李全", "Desk"], tags: ["人工智能"] } });
    expect(values(tags, "og:type")).toEqual(["article"]);
    expect(values(tags, "article:published_time")).toEqual(["2025-03-21T00:00:00Z"]);
    expect(values(tags, "article:modified_time")).toEqual(["2025-04-02T00:30:00Z"]);
    expect(values(tags, "article:author")).toEqual(["李全", "Desk"]);
    expect(values(tags, "article:tag")).toEqual(["人工智能"]);
  });
});
