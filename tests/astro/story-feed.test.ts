import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { expect, it } from "vitest";
import { storyFeed } from "../../src/astro/story-feed.ts";

const story = (title: string, dek: string) => ({
  id: "markup",
  data: { title, dek, date: new Date("2025-03-21"), lang: "en" as const, authors: ["A <i>desk</i>"], tags: ["<b>tag</b>"], draft: false },
});

/** What a feed reader shows of an element it reads as HTML: the text content of that HTML. */
const shownText = (html: string) => parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`).document.querySelector("div")!.textContent;

it("escapes an item's title and description for the feed reader's HTML as well as for XML: markup in a dek is shown as text", () => {
  const title = 'Pay <script>alert(1)</script> & "gaps"';
  const dek = "Salaries <b>by city</b> & <img src=x onerror=alert(2)> &amp; more";
  const feed = storyFeed([story(title, dek)], { site: new URL("https://example.org"), base: "/" });
  expect(XMLValidator.validate(feed)).toBe(true);
  const item = new XMLParser({ parseTagValue: false, isArray: (name) => name === "item" }).parse(feed).rss.channel.item[0];
  expect(item.description).not.toContain("<b>");
  expect(shownText(item.description)).toBe(dek);
  expect(shownText(item.title)).toBe(title);
});
