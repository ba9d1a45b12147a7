import type { StoryLanguage } from "../story/frontmatter-schema.ts";

/** Words Plotline itself puts on a page, in each story language. */
export interface UiStrings {
  note: string;
  source: string;
  missingValue: string;
  /** The disclosure holding a chart's data as a table. */
  chartData: string;
  /** The link to a chart's data as a CSV file. */
  getTheData: string;
  /** The count of rows, after the data's name: "(12 rows)". */
  rows: (n: number) => string;
  /** Links to a chart as a picture to download. */
  downloadPng: string;
  downloadSvg: string;
  /** The disclosure holding a chart's embed code, its field's label, and the Copy button with what it announces. */
  embed: string;
  embedCode: string;
  copy: string;
  copied: string;
  /** Announced when the page may not write to the clipboard (some iframes) and the code is selected instead. */
  copyFailed: string;
  /** A data table's name for screen readers, its true and false, and the note under a cut table. */
  dataTable: (id: string) => string;
  yes: string;
  no: string;
  moreRows: (count: string, n: number) => string;
  /** The disclosure under the first rows of a long table. */
  showMoreRows: (count: string, n: number) => string;
  showFewerRows: string;
  /** The heading of the story's data section (the data its numbers come from). */
  dataSection: string;
}

const strings: Record<StoryLanguage, UiStrings> = {
  en: {
    note: "Note",
    source: "Source",
    missingValue: "missing",
    chartData: "Data behind this chart",
    getTheData: "Get the data (CSV)",
    rows: (n) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`,
    downloadPng: "Download image (PNG)",
    downloadSvg: "Download vector (SVG)",
    embed: "Embed",
    embedCode: "Code to show this chart on another site",
    copy: "Copy code",
    copied: "Copied",
    copyFailed: "Code selected: press Ctrl+C (⌘C on a Mac) to copy it",
    dataTable: (id) => `Data table ${id}`,
    yes: "yes",
    no: "no",
    moreRows: (count, n) => `${count} more ${n === 1 ? "row" : "rows"} not shown`,
    showMoreRows: (count, n) => `Show ${count} more ${n === 1 ? "row" : "rows"}`,
    showFewerRows: "Show fewer rows",
    dataSection: "The data in this story",
  },
  "zh-CN": {
    note: "注",
    source: "来源",
    missingValue: "缺失",
    chartData: "图表数据",
    getTheData: "下载数据（CSV）",
    rows: (n) => `${n.toLocaleString("zh-CN")}行`,
    downloadPng: "下载图片（PNG）",
    downloadSvg: "下载矢量图（SVG）",
    embed: "嵌入",
    embedCode: "在其他网站显示此图表的代码",
    copy: "复制代码",
    copied: "已复制",
    copyFailed: "代码已选中：按 Ctrl+C（Mac 上按 ⌘C）复制",
    dataTable: (id) => `数据表 ${id}`,
    yes: "是",
    no: "否",
    moreRows: (count) => `另有 ${count} 行未显示`,
    showMoreRows: (count) => `显示其余 ${count} 行`,
    showFewerRows: "收起",
    dataSection: "本文数据",
  },
};

export function uiStrings(lang: string): UiStrings {
  return strings[lang as StoryLanguage] ?? strings.en;
}

/** The separator after a label: "Note: …" in English, "注：…" in Chinese. */
export const labelSeparator = (lang: string): string => (lang === "zh-CN" ? "：" : ": ");
