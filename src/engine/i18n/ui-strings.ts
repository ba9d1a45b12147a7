import type { StoryLanguage } from "../story/frontmatter-schema.ts";

/** Words Plotline itself puts on a page, in each story language. */
export interface UiStrings {
  note: string;
  source: string;
  missingValue: string;
}

const strings: Record<StoryLanguage, UiStrings> = {
  en: { note: "Note", source: "Source", missingValue: "missing" },
  "zh-CN": { note: "注", source: "来源", missingValue: "缺失" },
};

export function uiStrings(lang: string): UiStrings {
  return strings[lang as StoryLanguage] ?? strings.en;
}

/** The separator after a label: "Note: …" in English, "注：…" in Chinese. */
export const labelSeparator = (lang: string): string => (lang === "zh-CN" ? "：" : ": ");
