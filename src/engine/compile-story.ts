import type { Root as HastRoot, Element, Parent as HastParent } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { mentionedByChart } from "./chart/publish/chart-payload.ts";
import { chartDataIds } from "./chart/spec/chart-spec.ts";
import { compileStoryCharts } from "./chart/compile-story-charts.ts";
import type { CompiledChart } from "./compiled-chart.ts";
import type { ChartAsset } from "./site-files.ts";
import type { Rasterizer } from "./image/rasterize-svg.ts";
import type { AdditionSwitches } from "./chart/spec/addition-switches.ts";
import type { ChartCache } from "./chart/chart-cache.ts";
import { socialCard, type SocialCard } from "./image/social-card.ts";
import { figureMarker, fillFigureMarkers, hasStrayNul } from "./story/figure-markers.ts";
import { renderDataTableHtml } from "./data/data-table-html.ts";
import type { DataFileSource } from "./data/data-file-source.ts";
import type { StoryData } from "./data/story-data.ts";
import { parseDataBlock } from "./data/parse-data-block.ts";
import { joinShapes, type JoinSource } from "./data/join-shapes.ts";
import { dataBlockOrder } from "./data/data-block-order.ts";
import { resolveSrc } from "./data/resolve-src.ts";
import { MAX_STORY_BYTES, megabytes } from "./limits.ts";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { SourceFile, type SourceSpan } from "./diagnostics/source-file.ts";
import { findStoryBlocks } from "./story/find-story-blocks.ts";
import { findStorySections } from "./story/story-sections.ts";
import { layOutSections, type Wrapper } from "./story/lay-out-sections.ts";
import type { Frontmatter } from "./story/frontmatter-schema.ts";
import { normalizeSource } from "./story/normalize-source.ts";
import { replaceControlCharacters } from "./story/control-characters.ts";
import { bindMarks } from "./values/bind-marks.ts";
import { bindValues } from "./values/bind-values.ts";
import { dataSectionHtml } from "./values/data-section.ts";
import { parseFrontmatter } from "./story/parse-frontmatter.ts";
import { limitNesting } from "./story/limit-nesting.ts";
import { parseMarkdown } from "./story/parse-markdown.ts";
import { swallowingHtml } from "./story/swallowing-html.ts";
import { pruneDeepNodes } from "./story/prune-deep-nodes.ts";
import { isNameTooLong, MAX_NAME_BYTES, nameBytes, shortenName } from "./story/name-limit.ts";
import { isValidSlug, slugFromPath, suggestSlug } from "./story/story-slug.ts";
import { layoutIds, storyAnchors, type PageAnchors } from "./links/page-anchors.ts";
import { keepHeadingIdsClear } from "./links/heading-ids.ts";
import { storyPagePath } from "./links/site-page.ts";
import { storyLinks, type StoryLink } from "./links/story-links.ts";
import { removedAddresses } from "./links/removed-addresses.ts";
import { followUserContentIds } from "./links/user-content-ids.ts";
import type { StoryQueries } from "./data/query-results.ts";
import type { SqlOptions } from "./sql/story-queries.ts";

export interface StoryInput {
  /** Path shown to editors, relative to the project root: `content/stories/ai-jobs.md`. */
  path: string;
  text: string;
  /** The file was not UTF-8 but was read in this encoding (see project/read-story-file.ts). */
  encoding?: "UTF-16" | "GB18030";
  /** The file could not be read as text in any encoding Plotline knows: why. */
  encodingProblem?: string;
  /** The file's size in bytes, when it is over MAX_STORY_BYTES and was therefore not read (`text` is empty). */
  tooLarge?: number;
}

export interface CompileStoryOptions {
  dataFiles: DataFileSource;
  /**
   * The site's base path ("/" or "/newsroom/"), for URLs of files the page needs and for the links
   * editors write, which are written as if the site lived at "/" (see links/rebase-link.ts). Default "/".
   */
  assetBase?: string;
  /** The site's address ("https://news.example.com"): links written with it are checked as internal. */
  site?: string;
  /**
   * Draws PNGs: the story's social card, and each chart's download when chartPngs is set (none without
   * one). project/image-options.ts makes one with a cache.
   */
  rasterize?: Rasterizer | undefined;
  /**
   * Draw a PNG of every chart at build time (plotline.config.mjs `images.chartPng`). Off by default:
   * readers' browsers draw the PNG from the chart's SVG when asked, which costs the build nothing.
   */
  chartPngs?: boolean | undefined;
  /** The site's name, on social cards. Default "Plotline". */
  siteName?: string | undefined;
  /** The results of the story's SQL blocks, run beforehand (sql/run-story-queries.ts; compileStoryAsync does both). */
  queries?: StoryQueries | undefined;
  /** The project's settings for SQL blocks (time limit, remote data), for runStoryQueries. */
  sql?: SqlOptions | undefined;
  /** The site's house style: which of Plotline's additions are on (plotline.config.mjs `additions`). */
  additions?: AdditionSwitches | undefined;
  /**
   * Charts drawn before (chart/chart-cache.ts): a chart whose spec and data are as they were is taken from
   * it, so a story compiled again redraws only the charts that changed. project/story-cache.ts gives one.
   */
  chartCache?: ChartCache | undefined;
}

export interface StoryTimings {
  /** Frontmatter and Markdown parsing. */
  parse: number;
  /** Reading and typing data blocks and files. */
  data: number;
  /** Reading and checking chart specs. */
  check: number;
  /** Drawing charts with Plot and tidying the SVG. */
  render: number;
  /** Figures, payloads and the body's HTML. */
  html: number;
  /** Downloadable chart SVGs and PNGs, and the social card. */
  images: number;
}

export interface CompiledStory {
  slug: string;
  path: string;
  /** Present when the frontmatter is valid. */
  frontmatter?: Frontmatter;
  /** The story body as HTML, charts included as server-rendered SVG figures. */
  html: string;
  /** The body with a marker where each chart's figure goes (figure-markers.ts), as the file store keeps it; absent when it had a NUL of its own. */
  bodyWithMarkers?: string;
  charts: CompiledChart[];
  /** Paths (relative to data/) of the data files this story reads, so a change to one rebuilds it. */
  dataFiles: string[];
  /**
   * Glob patterns (relative to data/) its SQL blocks read ('sales/2024-*.parquet'): a file added or
   * removed that matches one changes the story too. Absent when there are none.
   */
  dataGlobs?: string[];
  /** Files the page needs beside it (large charts' spec and data), by path under the site root. */
  assets: ChartAsset[];
  /** Where the time went, in milliseconds, for build profiles (all 0 when taken from the cache). */
  timings: StoryTimings;
  /** Taken unchanged from the last build's compile (see project/story-cache.ts). */
  fromCache?: boolean;
  /**
   * The picture shown when the story is shared (og:image): a 1200 × 630 PNG, also in `assets`. Present
   * when the story's frontmatter is valid and the compile had a rasterizer (a build, the dev server).
   */
  socialCard?: SocialCard;
  /** Links to other pages and files of the site, checked by the project (project/check-links.ts). */
  links: StoryLink[];
  /** The ids on the story's page that links from other stories may point at with #fragment. */
  anchors: PageAnchors;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/** Element name of the place a figure or table goes, kept through sanitising and filled in last. */
const SLOT = "plotline-slot";
const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), SLOT],
  attributes: { ...defaultSchema.attributes, [SLOT]: ["dataSlot", "dataWrap"] },
  // The default clobber protection stays: ids and names from the story get "user-content-" (links/user-content-ids.ts).
};

/**
 * Compiles one story: frontmatter, data blocks, chart blocks and prose, into HTML and diagnostics.
 * Never throws for anything an editor can type; every problem becomes a diagnostic.
 */
export function compileStory(input: StoryInput, options: CompileStoryOptions): CompiledStory {
  const started = performance.now();
  const source = replaceControlCharacters(normalizeSource(input.text));
  const file = new SourceFile(input.path, source.text);
  const slug = slugFromPath(input.path);
  const diagnostics: Diagnostic[] = [];
  for (const { offset, name, count, lineBreak } of source.found) {
    diagnostics.push(diagnostic("story/control-character", { character: name, count, lineBreak }, file.span(offset, offset + 1)));
  }
  if (input.encoding) diagnostics.push(diagnostic("story/encoding", { encoding: input.encoding }, file.lineSpan(1)));
  if (input.encodingProblem) diagnostics.push(diagnostic("story/not-utf8", { detail: input.encodingProblem }, file.lineSpan(1)));
  if (!isValidSlug(slug)) {
    diagnostics.push(diagnostic("story/invalid-slug", { name: `${slug}.md`, suggestion: suggestSlug(slug) }, file.lineSpan(1)));
  } else if (isNameTooLong(slug)) {
    diagnostics.push(diagnostic("story/slug-too-long", { length: nameBytes(slug), max: MAX_NAME_BYTES, suggestion: shortenName(slug) }, file.lineSpan(1)));
  }

  if (input.tooLarge !== undefined) {
    diagnostics.push(diagnostic("story/too-large", { size: megabytes(input.tooLarge), limit: megabytes(MAX_STORY_BYTES) }, file.lineSpan(1)));
    return unread(input.path, slug, diagnostics);
  }

  const { frontmatter, diagnostics: frontmatterDiagnostics } = parseFrontmatter(file);
  diagnostics.push(...frontmatterDiagnostics);
  const lang = frontmatter?.lang ?? "en";

  // Nesting past the limit is reported and left out, before the parser (lines) and after it (the tree).
  const nesting = limitNesting(file);
  diagnostics.push(...nesting.diagnostics);
  const tree = parseMarkdown(nesting.file);
  const pruned = pruneDeepNodes(tree, file);
  if (nesting.diagnostics.length === 0) diagnostics.push(...pruned);
  diagnostics.push(...swallowingHtml(tree, file));
  const timings: StoryTimings = { parse: performance.now() - started, data: 0, check: 0, render: 0, html: 0, images: 0 };
  const dataStarted = performance.now();
  const { blocks, diagnostics: blockDiagnostics } = findStoryBlocks(tree, file);
  diagnostics.push(...blockDiagnostics);
  // Before numbers are bound, which put back any other directive as the text written.
  const sections = findStorySections(tree, file, blocks);
  diagnostics.push(...sections.diagnostics);

  // Data first: charts anywhere in the story may use any data block.
  const data = new Map<string, StoryData>();
  const failedData = new Set<string>();
  const dataFiles = new Set<string>();
  const dataGlobs = new Set<string>();
  const slotHtml: string[] = [];
  const slotFor = new Map<RootContent, number>();
  // HTML Plotline makes for the body besides figures (tables, numbers, data section): its ids are anchors.
  const generatedHtml: string[] = [];
  const rowSpans = new Map<string, (row: number) => SourceSpan>();
  for (const block of dataBlockOrder(blocks)) {
    const result = parseDataBlock(block, options.dataFiles, options.queries);
    diagnostics.push(...result.diagnostics);
    if (block.attributes.has("on") && !block.attributes.has("join")) diagnostics.push(diagnostic("map/on-without-join", {}, block.attributeSpan("on")));
    const query = options.queries?.results.get(block.index);
    query?.files.forEach((path) => dataFiles.add(path));
    query?.globs.forEach((glob) => dataGlobs.add(glob));
    const src = block.attribute("src");
    // Stored as a path under data/ ("./jobs.csv" is "jobs.csv"), so a change to that file finds this story.
    const resolved = src === undefined ? undefined : resolveSrc(src);
    if (resolved) dataFiles.add(resolved);
    let { table } = result;
    if (table && block.attributes.has("join") && !data.has(table.id)) {
      const joined = joinShapes({ table, block }, joinSources(data, rowSpans), failedData);
      diagnostics.push(...joined.diagnostics);
      table = joined.table;
      if (joined.failed) failedData.add(table.id);
    }
    if (!table) {
      const id = block.attribute("id");
      if (id !== undefined) failedData.add(id);
      continue;
    }
    const existing = data.get(table.id);
    if (existing) {
      diagnostics.push(
        diagnostic("data/duplicate-id", { id: table.id, firstLine: existing.block.fenceSpan.start.line }, block.attributeSpan("id", "value")),
      );
      continue;
    }
    data.set(table.id, { table, block });
    if (result.rowSpan) rowSpans.set(table.id, result.rowSpan);
    // Natural Earth's boundaries are not a map mainland China approves for publication (geo/basemaps.ts).
    const basemap = block.attribute("basemap");
    if (lang === "zh-CN" && table.shapes && basemap?.trim().toLowerCase().startsWith("world/")) {
      diagnostics.push(diagnostic("map/basemap-not-approved-in-china", { name: basemap.trim() }, block.attributeSpan("basemap")));
    }
    if (block.flag("show")) {
      const shown = renderDataTableHtml(table, { lang, id: `data-${table.id}`, caption: block.attribute("title"), source: block.attribute("source") });
      slotFor.set(block.node, slotHtml.push(shown) - 1);
      generatedHtml.push(shown);
    }
  }

  // Numbers in the prose, from the data.
  const provenanceOf = (id: string) => {
    const entry = data.get(id);
    const fallback = entry?.table.src ? `${options.dataFiles.displayRoot}/${entry.table.src}` : lang === "zh-CN" ? `数据“${id}”` : `data “${id}”`;
    return entry?.block.attribute("source") ?? fallback;
  };
  const values = bindValues(tree, data, file, lang, provenanceOf);
  diagnostics.push(...values.diagnostics);
  for (const [node, html] of values.html) {
    slotFor.set(node, slotHtml.push(html) - 1);
    generatedHtml.push(html);
  }

  timings.data = performance.now() - dataStarted;
  const plotBlocks = blocks.filter((b) => b.kind === "plot");
  const reservedIds = new Set(plotBlocks.map((b) => b.attribute("id")).filter((id) => id !== undefined));
  const storyCharts = compileStoryCharts(plotBlocks, {
    data,
    lang,
    storySlug: slug,
    reservedIds,
    assetBase: options.assetBase ?? "/",
    site: options.site,
    rasterize: options.chartPngs ? options.rasterize : undefined,
    additions: options.additions,
    failedData,
    chartCache: options.chartCache,
  });
  diagnostics.push(...storyCharts.diagnostics);
  timings.check += storyCharts.timings.check;
  timings.render += storyCharts.timings.render;
  timings.html += storyCharts.timings.html;
  timings.images += storyCharts.timings.images;
  const charts: CompiledChart[] = [];
  const chartOfNode = new Map<RootContent, CompiledChart>();
  for (const { block, chart } of storyCharts.charts) {
    charts.push(chart);
    chartOfNode.set(block.node, chart);
    // The figure goes in after the body is written (figure-markers.ts): the store keeps it apart.
    slotFor.set(block.node, slotHtml.push(figureMarker(charts.length - 1)) - 1);
  }
  // Words in the prose that light a series or bar of a chart (:mark[Beijing]{chart=cities}).
  const marks = bindMarks(tree, charts, reservedIds, file);
  diagnostics.push(...marks.diagnostics);
  for (const [node, html] of marks.html) {
    slotFor.set(node, slotHtml.push(html) - 1);
  }

  diagnostics.push(...unusedColumns(data, charts, values.usedColumns));

  const bodyStarted = performance.now();
  const wrappers: Wrapper[] = [];
  diagnostics.push(
    ...layOutSections(sections.sections, {
      file,
      chartOf: (node) => chartOfNode.get(node),
      wrap: (wrapper) => ({ hName: SLOT, hProperties: { dataWrap: String(wrappers.push(wrapper) - 1) } }),
    }),
  );
  // Data that numbers refer to, unless it is already shown in the story, goes in a section at the end.
  const appendix = [...values.referenced]
    .map((id) => data.get(id)!)
    .filter(({ block }) => !block.flag("show"))
    .map(({ table, block }) => ({ table, ...optionalText("title", block.attribute("title")), ...optionalText("source", block.attribute("source")) }));
  const dataSection = dataSectionHtml(appendix, lang);
  // Charts that failed still own their id=: a link to one is not reported on top of the chart's own error.
  const chartAnchors = [...new Set([...charts.map((c) => c.domId), ...[...reservedIds].map((id) => `chart-${id}`)])];
  const body = renderBody(tree, slotFor, slotHtml, wrappers, {
    file,
    slug,
    base: options.assetBase ?? "/",
    site: options.site,
    anchorsOf: (hast) => storyAnchors(hast, chartAnchors, [...generatedHtml, dataSection]),
  });
  diagnostics.push(...body.diagnostics);
  const withMarkers = body.html + dataSection;
  const html = fillFigureMarkers(withMarkers, (index) => charts[index]?.html);
  const figuresApart = !hasStrayNul(withMarkers);
  timings.html += performance.now() - bodyStarted;
  const cardStarted = performance.now();
  const card =
    frontmatter && options.rasterize
      ? socialCard({ slug, frontmatter, siteName: options.siteName ?? "Plotline", chart: charts[0], rasterize: options.rasterize })
      : undefined;
  timings.images += performance.now() - cardStarted;
  const sorted = sortDiagnostics(diagnostics);
  return {
    slug,
    path: input.path,
    frontmatter,
    html,
    ...(figuresApart ? { bodyWithMarkers: withMarkers } : {}),
    charts,
    dataFiles: [...dataFiles].sort(),
    ...(dataGlobs.size > 0 ? { dataGlobs: [...dataGlobs].sort() } : {}),
    assets: [
      ...charts.flatMap((chart) => [chart.asset, chart.csv, chart.svg, chart.png].filter((a): a is ChartAsset => a !== undefined)),
      ...(card ? [card.asset] : []),
    ],
    ...(card ? { socialCard: card.card } : {}),
    timings,
    links: body.links,
    anchors: body.anchors,
    diagnostics: sorted,
    ok: !hasErrors(sorted) && frontmatter !== undefined,
  };
}

/** A story that was not read at all (too large): its diagnostics and nothing else. */
function unread(path: string, slug: string, diagnostics: Diagnostic[]): CompiledStory {
  const sorted = sortDiagnostics(diagnostics);
  return {
    slug,
    path,
    html: "",
    charts: [],
    dataFiles: [],
    assets: [],
    timings: { parse: 0, data: 0, check: 0, render: 0, html: 0, images: 0 },
    links: [],
    anchors: { headings: [], charts: [], other: [] },
    diagnostics: sorted,
    ok: false,
  };
}

/**
 * Warns about the columns of inline data that charts draw but that no chart or number uses: typed into
 * the story, they are usually leftovers. Files under data/ are often wider than any one chart needs, and
 * blocks shown as tables keep every column, and an SQL block passes on the columns of what it reads (SELECT *,
 * UNPIVOT), so none of these is warned about.
 */
function unusedColumns(data: ReadonlyMap<string, StoryData>, charts: readonly CompiledChart[], byValues: ReadonlyMap<string, Set<string>>): Diagnostic[] {
  const byCharts = new Map<string, Set<string>>();
  for (const chart of charts) {
    const ids = chartDataIds(chart.spec);
    for (const id of ids) {
      const used = byCharts.get(id) ?? new Set<string>();
      for (const name of mentionedByChart(chart.spec, id)) used.add(name);
      for (const name of chart.expressionColumns?.get(id) ?? []) used.add(name);
      byCharts.set(id, used);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const [id, { table, block }] of data) {
    const used = byCharts.get(id);
    if (!used || table.kind !== "table" || block.flag("show") || block.attribute("src") !== undefined || table.shapes !== undefined || block.attribute("format") === "sql") continue;
    for (const name of byValues.get(id) ?? []) used.add(name);
    const unused = table.columns.map((c) => c.name).filter((name) => !used.has(name));
    if (unused.length === 0) continue;
    const header = block.body.text.split("\n")[0] ?? "";
    const at = header.indexOf(unused[0]!);
    const span = at >= 0 ? block.body.span(at, at + unused[0]!.length) : block.fenceSpan;
    diagnostics.push(diagnostic("data/unused-column", { data: id, columns: unused }, span));
  }
  return diagnostics;
}

/** The story's tables so far, each with where its rows are, for joins to shapes. */
const joinSources = (data: ReadonlyMap<string, StoryData>, rowSpans: ReadonlyMap<string, (row: number) => SourceSpan>): Map<string, JoinSource> =>
  new Map([...data].map(([id, entry]) => [id, { ...entry, rowSpan: rowSpans.get(id) }]));

const optionalText = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

interface BodyLinks {
  file: SourceFile;
  slug: string;
  base: string;
  site: string | undefined;
  anchorsOf: (hast: HastRoot) => PageAnchors;
}

function renderBody(
  tree: MdastRoot,
  slotFor: Map<RootContent, number>,
  slotHtml: string[],
  wrappers: readonly Wrapper[],
  context: BodyLinks,
): { html: string; links: StoryLink[]; anchors: PageAnchors; diagnostics: Diagnostic[] } {
  let hasRawHtml = false;
  // Blocks become slots (or vanish: a data block shows nothing unless `show`).
  visit(tree, (node, index, parent) => {
    if (node.type === "html") hasRawHtml = true;
    if (!parent || index === undefined) return;
    // A number in a sentence becomes an inline slot.
    if (node.type === "textDirective") {
      const slot = slotFor.get(node as RootContent);
      if (slot !== undefined) {
        parent.children[index] = { type: "emphasis", children: [], data: { hName: SLOT, hProperties: { dataSlot: String(slot) } } };
      }
      return SKIP;
    }
    if (node.type !== "code") return;
    if (node.lang !== "data" && node.lang !== "plot") return;
    const slot = slotFor.get(node);
    if (slot === undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    parent.children[index] = {
      type: "paragraph",
      children: [],
      data: { hName: SLOT, hProperties: { dataSlot: String(slot) } },
    };
    return SKIP;
  });

  // Footnote ids get their "user-content-" from the sanitiser, like every other id of the story.
  const pipeline = unified().use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" });
  if (hasRawHtml) pipeline.use(rehypeRaw);
  const unsanitized = pipeline.runSync(tree) as HastRoot;
  // Links the sanitiser will remove (javascript:, data:, …) are reported, not dropped silently.
  const removed = removedAddresses(unsanitized, tree, context.file);
  // Raw HTML typed by editors is kept only in its safe subset (GitHub's rules): no script, no event
  // handlers, ids and names prefixed; and every story is sanitised, so a Markdown link to javascript: goes nowhere either.
  const hast = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeSlug).runSync(unsanitized) as HastRoot;
  // Links are found and checked on the page as readers get it (sanitised, headings with their ids),
  // and written under the base path, before figures and tables take their slots.
  const plotlineIds = context.anchorsOf({ type: "root", children: [] });
  keepHeadingIdsClear(hast, new Set([...plotlineIds.charts, ...plotlineIds.other, ...layoutIds]));
  const anchors = context.anchorsOf(hast);
  followUserContentIds(hast, anchors);
  const { links, diagnostics } = storyLinks(hast, tree, context.file, {
    slug: context.slug,
    pagePath: storyPagePath(context.slug),
    base: context.base,
    site: context.site,
    anchors,
  });
  visit(hast, "element", (node: Element, index, parent) => {
    if (node.tagName !== SLOT || !parent || index === undefined) return;
    if (node.properties?.dataWrap !== undefined) return;
    const slot = Number(node.properties?.dataSlot);
    parent.children[index] = { type: "raw", value: slotHtml[slot] ?? "" };
    return SKIP;
  });
  // Plotline's markup around sanitised content (lay-out-sections.ts), innermost first: each wrapper takes its content as it is by then.
  const wrapped: { node: Element; parent: HastParent }[] = [];
  visit(hast, "element", (node: Element, _index, parent) => {
    if (node.tagName === SLOT && node.properties?.dataWrap !== undefined && parent) wrapped.push({ node, parent });
  });
  for (const { node, parent } of wrapped.reverse()) {
    parent.children[parent.children.indexOf(node)] = wrappers[Number(node.properties.dataWrap)]!(node.children);
  }
  return { html: unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(hast), links, anchors, diagnostics: [...removed, ...diagnostics] };
}
