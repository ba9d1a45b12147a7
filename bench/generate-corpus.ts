/**
 * A synthetic, deterministic corpus for the benchmark: N stories, half English and half Chinese, each
 * with prose, 5 data blocks and 5 charts of mixed kinds (sorted bars, lines over dates, dots, stacked
 * areas, grouped bars), data from 10 to 5,000 rows, some inline and some from files under data/.
 * The same seed always gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a small, fast, well-distributed seeded generator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** Row counts spread evenly on a log scale between min and max. */
  rows: (min: number, max: number) => number;
}

function random(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    rows: (min, max) => Math.round(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)))),
  };
}

const enCategories = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Chengdu", "Wuhan", "Nanjing", "Xi'an", "Suzhou", "Tianjin", "Chongqing", "Changsha", "Hefei", "Qingdao", "Xiamen", "Dalian", "Jinan", "Fuzhou", "Kunming"];
const zhCategories = ["北京", "上海", "深圳", "杭州", "广州", "成都", "武汉", "南京", "西安", "苏州", "天津", "重庆", "长沙", "合肥", "青岛", "厦门", "大连", "济南", "福州", "昆明"];
const enGroups = ["Technology", "Finance", "Retail", "Manufacturing", "Health"];
const zhGroups = ["科技", "金融", "零售", "制造", "医疗"];

const enSentences = [
  (r: Random) => `Hiring in the sector rose by ${r.int(3, 40)}% over the year, according to the platform's figures.`,
  (r: Random) => `About ${r.int(10, 60)}% of the postings asked for at least ${r.int(2, 8)} years of experience.`,
  (r: Random) => `Median pay reached ¥${r.int(8, 60)},000 a month in the largest cities.`,
  (r: Random) => `Employers in ${r.int(5, 30)} provinces reported shortages of engineers.`,
  (r: Random) => `The share of remote roles fell to ${r.int(2, 20)}% from ${r.int(21, 35)}% a year earlier.`,
];
const zhSentences = [
  (r: Random) => `据平台数据，该行业招聘需求同比增长${r.int(3, 40)}%。`,
  (r: Random) => `约${r.int(10, 60)}%的岗位要求至少${r.int(2, 8)}年工作经验。`,
  (r: Random) => `一线城市的月薪中位数达到${r.int(8, 60)}000元。`,
  (r: Random) => `${r.int(5, 30)}个省份的雇主表示工程师短缺。`,
  (r: Random) => `远程岗位占比从一年前的${r.int(21, 35)}%降至${r.int(2, 20)}%。`,
];

function paragraph(r: Random, zh: boolean): string {
  const sentences = zh ? zhSentences : enSentences;
  return Array.from({ length: r.int(3, 6) }, () => r.pick(sentences)(r)).join(zh ? "" : " ");
}

const isoDay = (start: number, offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);

interface Block {
  data: string;
  chart: string;
  file?: { name: string; text: string };
  /** The same block as data, for other tools built from the corpus (bench/framework.ts). */
  parts: BlockParts;
}

/** What a data block and its chart hold, apart from how Plotline's Markdown spells them. */
export interface BlockParts {
  kind: "bar" | "line" | "dot" | "area" | "group";
  /** The data block's id. */
  id: string;
  /** The table as CSV, with a header row. */
  csv: string;
  title: string;
  alt: string;
}

/** One generated story as data, handed to generateCorpus's onStory. */
export interface GeneratedStory {
  slug: string;
  title: string;
  dek: string;
  date: string;
  lang: "en" | "zh-CN";
  /** The prose: paragraphs[i] comes before blocks[i]; the last one ends the story. */
  paragraphs: string[];
  blocks: BlockParts[];
}

function barBlock(r: Random, story: string, zh: boolean): Block {
  const categories = (zh ? zhCategories : enCategories).slice(0, r.int(10, 20));
  const rows = categories.map((c) => `${c},${(r.next() * 100).toFixed(1)}`).join("\n");
  const title = zh ? "各城市岗位数量" : "Postings by city";
  const alt = `${zh ? "条形图" : "Bar chart"} of ${categories.length} cities.`;
  return {
    parts: { kind: "bar", id: "cities", csv: `city,value\n${rows}\n`, title, alt },
    data: `\`\`\`data id=cities\ncity,value\n${rows}\n\`\`\``,
    chart: `\`\`\`plot data=cities\ntitle: ${title}\nalt: ${alt}\nsource: Synthetic\nmarginLeft: 80\nmarks:\n  - barX: {y: city, x: value, sort: {y: -x}, tip: true}\n  - ruleX: [0]\n\`\`\``,
  };
}

function lineBlock(r: Random, story: string, zh: boolean): Block {
  const n = r.rows(100, 5000);
  const start = Date.UTC(2010, 0, 1);
  let value = 100;
  const rows = Array.from({ length: n }, (_, i) => {
    value = Math.max(1, value + (r.next() - 0.48) * 4);
    return `${isoDay(start, i)},${value.toFixed(2)}`;
  });
  const name = `${story}-series.csv`;
  const title = zh ? "每日指数" : "Daily index";
  const alt = `Line chart of ${n} days.`;
  const text = `date,value\n${rows.join("\n")}\n`;
  return {
    parts: { kind: "line", id: "series", csv: text, title, alt },
    data: `\`\`\`data id=series src="${name}"\n\`\`\``,
    chart: `\`\`\`plot data=series\ntitle: ${title}\nalt: ${alt}\nsource: Synthetic\ny: {grid: true}\nmarks:\n  - lineY: {x: date, y: value, tip: true}\n  - ruleY: [0]\n\`\`\``,
    file: { name, text },
  };
}

function dotBlock(r: Random, story: string, zh: boolean): Block {
  const n = r.rows(10, 2000);
  const groups = zh ? zhGroups : enGroups;
  const rows = Array.from({ length: n }, () => {
    const x = r.next() * 100;
    return `${x.toFixed(2)},${(x * 0.6 + r.next() * 40).toFixed(2)},${r.pick(groups)}`;
  });
  const body = `experience,salary,sector\n${rows.join("\n")}`;
  const title = zh ? "经验与薪资" : "Experience and pay";
  const alt = `Scatter plot of ${n} people.`;
  const parts: BlockParts = { kind: "dot", id: "people", csv: `${body}\n`, title, alt };
  const chart = `\`\`\`plot data=people\ntitle: ${title}\nalt: ${alt}\nsource: Synthetic\ncolor: {legend: true}\nmarks:\n  - dot: {x: experience, y: salary, stroke: sector, tip: true}\n\`\`\``;
  // Larger tables live in files, as a newsroom would keep them.
  if (n > 300) {
    const name = `${story}-people.csv`;
    return { parts, data: `\`\`\`data id=people src="${name}"\n\`\`\``, chart, file: { name, text: `${body}\n` } };
  }
  return { parts, data: `\`\`\`data id=people\n${body}\n\`\`\``, chart };
}

function areaBlock(r: Random, story: string, zh: boolean): Block {
  const months = r.int(20, 200);
  const groups = (zh ? zhGroups : enGroups).slice(0, r.int(3, 5));
  const rows: string[] = [];
  for (let m = 0; m < months; m++) {
    const month = `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    for (const g of groups) rows.push(`${month},${g},${(10 + r.next() * 50).toFixed(1)}`);
  }
  const title = zh ? "各行业岗位构成" : "Jobs by sector";
  const alt = `Stacked area chart over ${months} months.`;
  return {
    parts: { kind: "area", id: "mix", csv: `month,sector,jobs\n${rows.join("\n")}\n`, title, alt },
    data: `\`\`\`data id=mix format=tsv\nmonth\tsector\tjobs\n${rows.map((row) => row.replaceAll(",", "\t")).join("\n")}\n\`\`\``,
    chart: `\`\`\`plot data=mix\ntitle: ${title}\nalt: ${alt}\nsource: Synthetic\ncolor: {legend: true}\nmarks:\n  - areaY: {x: month, y: jobs, fill: sector}\n  - ruleY: [0]\n\`\`\``,
  };
}

function groupBlock(r: Random, story: string, zh: boolean): Block {
  const n = r.rows(100, 5000);
  const groups = zh ? zhGroups : enGroups;
  const rows = Array.from({ length: n }, () => `${r.int(2015, 2024)},${r.pick(groups)}`);
  const name = `${story}-events.csv`;
  const title = zh ? "每年新增岗位" : "New postings per year";
  const alt = `Stacked bar chart of ${n} postings by year.`;
  const text = `year,sector\n${rows.join("\n")}\n`;
  return {
    parts: { kind: "group", id: "events", csv: text, title, alt },
    data: `\`\`\`data id=events src="${name}"\n\`\`\``,
    chart: `\`\`\`plot data=events\ntitle: ${title}\nalt: ${alt}\nsource: Synthetic\nx: {tickFormat: "%Y"}\ncolor: {legend: true}\nmarks:\n  - barY: {x: year, fill: sector, groupX: {y: count}, tip: true}\n  - ruleY: [0]\n\`\`\``,
    file: { name, text },
  };
}

export interface CorpusStats {
  stories: number;
  charts: number;
  dataFiles: number;
}

/**
 * Writes content/stories/*.md and data/*.csv for `count` stories under `root`; `onStory`, when given,
 * gets each story as data too (the files written do not depend on it).
 */
export function generateCorpus(root: string, count: number, seed = 20261122, onStory?: (story: GeneratedStory) => void): CorpusStats {
  const storiesDir = join(root, "content", "stories");
  const dataDir = join(root, "data");
  mkdirSync(storiesDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const stats: CorpusStats = { stories: 0, charts: 0, dataFiles: 0 };
  for (let i = 0; i < count; i++) {
    const r = random(seed + i * 7919);
    const zh = i % 2 === 1;
    const slug = `story-${String(i + 1).padStart(5, "0")}`;
    const blocks = [barBlock, lineBlock, dotBlock, areaBlock, groupBlock].map((make) => make(r, slug, zh));
    const date = isoDay(Date.UTC(2020, 0, 1), i % 1500);
    const title = zh ? `就业市场观察 第${i + 1}期` : `Job market watch, part ${i + 1}`;
    const dek = zh ? "一份用于基准测试的合成报道。" : "A synthetic story for the benchmark.";
    const paragraphs: string[] = [];
    const parts = [
      "---",
      `title: ${title}`,
      `dek: ${dek}`,
      `date: ${date}`,
      `lang: ${zh ? "zh-CN" : "en"}`,
      "authors: [Bench Desk]",
      "---",
      "",
    ];
    for (const block of blocks) {
      paragraphs.push(paragraph(r, zh));
      parts.push(paragraphs.at(-1)!, "", block.data, "", block.chart, "");
      if (block.file) {
        writeFileSync(join(dataDir, block.file.name), block.file.text);
        stats.dataFiles++;
      }
    }
    paragraphs.push(paragraph(r, zh));
    parts.push(paragraphs.at(-1)!, "");
    writeFileSync(join(storiesDir, `${slug}.md`), parts.join("\n"));
    onStory?.({ slug, title, dek, date, lang: zh ? "zh-CN" : "en", paragraphs, blocks: blocks.map((block) => block.parts) });
    stats.stories++;
    stats.charts += blocks.length;
  }
  return stats;
}

if (process.argv[1] === import.meta.filename) {
  const [root, count] = process.argv.slice(2);
  if (!root || !count) {
    console.error("Usage: node bench/generate-corpus.ts <folder> <number of stories>");
    process.exit(2);
  }
  console.log(generateCorpus(root, Number(count)));
}
