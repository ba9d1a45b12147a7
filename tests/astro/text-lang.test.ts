import { expect, it } from "vitest";
import { textLang } from "../../src/astro/text-lang.ts";

it("marks a site name with Chinese characters as Chinese and any other as English", () => {
  expect(["Plotline", "数据新闻", "Plotline 数据", "The Daily 2025"].map(textLang)).toEqual(["en", "zh-CN", "zh-CN", "en"]);
});
