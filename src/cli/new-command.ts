import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { storiesDir } from "../engine/project/compile-project.ts";
import { languages, type StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { isNameTooLong, MAX_NAME_BYTES, shortenName } from "../engine/story/name-limit.ts";
import { isValidSlug, suggestSlug } from "../engine/story/story-slug.ts";

export interface NewCommandOptions {
  /** "Today", for the story's date and a Chinese title's file name (default: now, in local time). */
  today?: Date;
  /** Where messages go (default: stdout and stderr). */
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Environment: npm passes `--lang zh-CN` written without `--` as npm_config_lang. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const newUsage = `Usage: npm run new -- "Title of the story" [--lang en|zh-CN] [--slug file-name]

Writes content/stories/<file-name>.md, a draft story with an example of every part.
  --lang   the story's language: en (default) or zh-CN
  --slug   the file name (and web address) to use instead of one made from the title:
           lowercase letters a-z, digits and "-"
`;

/** yyyy-mm-dd of a date in local time: the editor's today. */
const localDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/**
 * The file name a title gives: its ASCII words, lowercase, joined by "-" (at most about 60 characters),
 * or undefined when the title is mostly not in Latin letters (a Chinese headline), which has no good ASCII name.
 */
export function slugFromTitle(title: string): string | undefined {
  const plain = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/['’]/g, "");
  const latin = (plain.match(/[A-Za-z0-9]/g) ?? []).length;
  const other = (plain.match(/[^\x00-\x7F\s\p{P}\p{S}]/gu) ?? []).length;
  const slug = plain.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (!/[a-z]/.test(slug) || other > latin) return undefined;
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : 60).replace(/-+$/, "");
}

/** A YAML scalar for a line of text: as written when YAML reads it back unchanged, else double-quoted. */
function yamlText(text: string): string {
  try {
    if (parseYaml(`v: ${text}`)?.v === text) return text;
  } catch {
    // falls through to quoting
  }
  return JSON.stringify(text);
}

/** The scaffolded story, in its language. */
export function storyTemplate(title: string, lang: StoryLanguage, date: string): string {
  return lang === "zh-CN" ? chineseTemplate(title, date) : englishTemplate(title, date);
}

function englishTemplate(title: string, date: string): string {
  return `---
title: ${yamlText(title)}
dek: One sentence that says what the story found.
date: ${date}
lang: en
authors: [Your Name]
tags: [topic]
sources:
  - name: Maimai, 2023 AIGC talent report
    url: https://maimai.cn
draft: true
# translationOf: the-same-story-in-chinese   (the file name of its translation, if there is one)
---

<!--
  A new story, with an example of each kind of block: replace them with your own, or delete them.
  It is a draft (draft: true above): npm run dev shows it, the built site leaves it out until you
  delete that line. docs/authoring.md explains everything; npm run check lists what to fix.
-->

Write the story here, in Markdown. The first paragraph is the lede.

## A chart from a data block

A data block holds the numbers (\`show\` also puts them on the page as a table); a chart block draws them.

\`\`\`data id=cities show source="Maimai, 2023 AIGC talent report"
city,share
Beijing,33.3%
Shanghai + Shenzhen,26.7%
Other cities,40%
\`\`\`

\`\`\`plot data=cities
title: Beijing holds a third of the talent
subtitle: Share of AIGC professionals by city, 2023
alt: Bar chart. Beijing 33%; Shanghai and Shenzhen together 27%; all other cities 40%.
note: The report gives Beijing's share and at least 60% for the three cities; the other shares are derived.
source: Maimai, 2023 AIGC talent report
marginLeft: 120
x: {percent: true, label: Share (%)}
y: {label: null}
marks:
  - barX: {y: city, x: share, sort: {y: -x}, tip: true}
  - ruleX: [0]
\`\`\`

## Numbers from the data in sentences

\`\`\`data id=facts format=yaml source="Maimai, 2023 AIGC talent report"
postings_growth: 31.3%
\`\`\`

Postings for AIGC jobs rose :value[facts.postings_growth]{format=percent} year on year in January and February 2023, and Beijing is home to :value[cities.share]{city=Beijing format=".0%"} of the talent.
`;
}

function chineseTemplate(title: string, date: string): string {
  return `---
title: ${yamlText(title)}
dek: 用一句话说明这篇报道的发现。
date: ${date}
lang: zh-CN
authors: [编辑姓名]
tags: [主题]
sources:
  - name: 脉脉高聘人才智库《2023 AIGC人才趋势报告》
    url: https://maimai.cn
draft: true
# translationOf: the-same-story-in-english   （若有英文版，填它的文件名）
---

<!--
  新报道：每种块各有一个示例，请换成自己的内容，或删掉不需要的部分。
  这是一篇草稿（上面的 draft: true）：npm run dev 可以预览，正式构建的网站不会收录，删掉这一行即可发布。
  写法详见 docs/authoring.md；npm run check 会列出所有需要修改的问题。
  注意：正文用全角标点，但键名后的冒号、CSV 的逗号和块属性里的 = 与引号必须是半角。
-->

在这里用 Markdown 写正文，第一段是导语。

## 数据块与图表

数据块存放数字（加上 \`show\` 会在页面上显示为表格），图表块把它们画出来。

\`\`\`data id=cities show source="脉脉高聘人才智库《2023 AIGC人才趋势报告》"
城市,占比
北京,33.3%
上海+深圳,26.7%
其他城市,40%
\`\`\`

\`\`\`plot data=cities
title: 北京一城的AIGC人才多于沪深两地之和
subtitle: AIGC人才的城市分布，2023年
alt: 条形图。北京约占AIGC人才的三分之一；上海与深圳合计约27%；其他城市合计约40%。
note: 报告只给出北京的占比和京沪深合计“六成以上”，其余占比由此推算。
source: 脉脉高聘人才智库《2023 AIGC人才趋势报告》
marginLeft: 70
x: {percent: true, label: 占比（%）}
y: {label: null}
marks:
  - barX: {y: 城市, x: 占比, sort: {y: -x}, tip: true}
  - ruleX: [0]
\`\`\`

## 正文里引用数据中的数字

\`\`\`data id=facts format=yaml source="脉脉高聘人才智库《2023 AIGC人才趋势报告》"
岗位同比增幅: 31.3%
\`\`\`

2023年1—2月，AIGC岗位需求同比增长:value[facts.岗位同比增幅]{format=percent}；北京一城就集中了:value[cities.占比]{城市=北京 format=".0%"}的AIGC人才。
`;
}

interface ParsedArgs {
  title?: string;
  lang?: string;
  slug?: string;
  help: boolean;
  problem?: string;
}

function parseArgs(args: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { help: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--(lang|slug)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined || value === "") {
        parsed.problem = `--${option[1]} needs a value, e.g. --${option[1]} ${option[1] === "lang" ? "zh-CN" : "ai-jobs"}`;
        return parsed;
      }
      parsed[option[1] as "lang" | "slug"] = value;
    } else if (arg === "--help" || arg === "-h") {
      parsed.help = true;
    } else if (arg.startsWith("-") && arg.length > 1) {
      parsed.problem = `"${arg}" is not an option of plotline new`;
      return parsed;
    } else {
      words.push(arg);
    }
  }
  // An unquoted title arrives as several words.
  const title = words.join(" ").trim();
  if (title !== "") parsed.title = title;
  return parsed;
}

/**
 * `plotline new "Title" [--lang en|zh-CN] [--slug name]`: writes content/stories/<name>.md, a draft
 * story in the chosen language with an example of every kind of block, which passes `plotline check`.
 * Never overwrites a file. Returns the exit code.
 */
export function newCommand(root: string, args: readonly string[], options: NewCommandOptions = {}): number {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const err = options.err ?? ((text: string) => void process.stderr.write(text));
  const env = options.env ?? process.env;
  const today = options.today ?? new Date();
  const fail = (message: string) => {
    err(`${message}\n\n${newUsage}`);
    return 1;
  };

  const parsed = parseArgs(args);
  if (parsed.help) {
    out(newUsage);
    return 0;
  }
  if (parsed.problem) return fail(`Cannot create the story: ${parsed.problem}.`);
  if (!parsed.title) return fail("Cannot create the story: give its title, in quotes.");

  // `npm run new "Title" --lang zh-CN` (without "--") hands --lang to npm, which passes it on as npm_config_lang.
  const langText = parsed.lang ?? env["npm_config_lang"] ?? "en";
  const lang = languages.find((l) => l.toLowerCase() === langText.toLowerCase());
  if (!lang) {
    return fail(`Cannot create the story: "${langText}" is not a story language; use --lang en or --lang zh-CN.`);
  }

  const date = localDate(today);
  let slug: string;
  let fromDate = false;
  if (parsed.slug !== undefined) {
    const given = parsed.slug.replace(/\.md$/i, "");
    if (!isValidSlug(given)) {
      return fail(
        `Cannot create the story: "${parsed.slug}" cannot be a file name: use lowercase letters a-z, digits and "-", e.g. --slug ${suggestSlug(given) === "story" ? "ai-jobs" : suggestSlug(given)}.`,
      );
    }
    if (isNameTooLong(given)) {
      return fail(`Cannot create the story: "${parsed.slug}" is longer than a story's file name may be (${MAX_NAME_BYTES} characters), e.g. --slug ${shortenName(given)}.`);
    }
    slug = given;
  } else {
    const fromTitle = slugFromTitle(parsed.title);
    if (fromTitle) slug = fromTitle;
    else {
      fromDate = true;
      slug = `story-${date}`;
      for (let n = 2; existsSync(join(root, storiesDir, `${slug}.md`)); n++) slug = `story-${date}-${n}`;
    }
  }

  const relative = `${storiesDir}/${slug}.md`;
  const path = join(root, relative);
  if (existsSync(path)) {
    err(
      `Cannot create ${relative}: that file already exists, and plotline new never overwrites a story.\n` +
        `Open it to keep working on it, or give the new story another file name: npm run new -- ${JSON.stringify(parsed.title)} --slug ${slug}-2\n`,
    );
    return 1;
  }
  mkdirSync(join(root, storiesDir), { recursive: true });
  writeFileSync(path, storyTemplate(parsed.title, lang, date), { flag: "wx" });

  const lines = [`Created ${relative} (${lang === "zh-CN" ? "Chinese" : "English"}, a draft).`, ""];
  if (fromDate) {
    lines.push(
      "The title has no English words to name the file after, so it is named by today's date. The file name is",
      `the story's web address (/stories/${slug}/): rename it to a few words in English or pinyin, e.g.`,
      `  mv ${relative} ${storiesDir}/aigc-talent-report.md`,
      "",
    );
  }
  lines.push(
    "Next steps:",
    `  1. Open ${relative} and replace the examples with your story, data and charts (docs/authoring.md explains every part).`,
    "  2. npm run dev     preview it at http://localhost:4321/ as you write",
    "  3. npm run check   list every problem, with its line and column (docs/diagnostics.md explains each one)",
    "  4. Delete the line draft: true when the story is ready to publish.",
    "",
  );
  out(lines.join("\n"));
  return 0;
}
