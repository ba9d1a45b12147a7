// The language of a short text Plotline did not write, such as the site's name from plotline.config.mjs,
// for its lang attribute: screen readers read "Plotline" with English rules and "数据新闻" with Chinese ones,
// whatever the language of the page around it.
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";

/** "zh-CN" for text with Chinese characters in it, else "en". */
export function textLang(text: string): StoryLanguage {
  return /\p{Script=Han}/u.test(text) ? "zh-CN" : "en";
}
