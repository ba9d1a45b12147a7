import { createHash } from "node:crypto";
import type { StoryData } from "../data/story-data.ts";
import type { CompiledChart } from "../compiled-chart.ts";
import { chartCsvPath, chartImagePath, EMBED_SCRIPT_PATH, payloadPath, type ChartAsset } from "../site-files.ts";
import type { Cell, ColumnType, DataTable, Row } from "../data/data-table.ts";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { type ChartPayload, chartPayload, payloadData, serializePayload } from "./publish/chart-payload.ts";
import { preAggregateMarks } from "./data/pre-aggregate-marks.ts";
import type { ChartData } from "./render/spec-to-plot.ts";
import { type ChartSpec, type MarkSpec, chartDataIds, facetDataId, markDataId } from "./spec/chart-spec.ts";
import { checkChartData } from "./checks/check-chart-data.ts";
import { withAccessibleColors } from "./defaults/accessible-colors.ts";
import { withBandDateDefaults } from "./defaults/band-date-scales.ts";
import { withColorCues } from "./defaults/color-cues.ts";
import { withLabelMargins } from "./defaults/label-margins.ts";
import { withCompactTicks } from "./defaults/compact-ticks.ts";
import { describeChart } from "./publish/describe-chart.ts";
import { chartDataCsv, chartDataTable } from "./publish/chart-data.ts";
import { renderDataTableHtml } from "../data/data-table-html.ts";
import { checkChartValues } from "./checks/check-chart-values.ts";
import { checkChartAddresses } from "./checks/check-chart-addresses.ts";
import { checkChartExpressions } from "./checks/check-chart-expressions.ts";
import { deriveChartColumns } from "./data/derive-chart-columns.ts";
import { checkFormatTypes } from "./checks/check-format-types.ts";
import { checkChannelTypes } from "./checks/check-channel-types.ts";
import { figureHtml } from "./publish/figure-html.ts";
import { defaultEmbedHeight } from "./publish/default-embed-height.ts";
import { embedCode } from "./publish/embed-code.ts";
import { embedSnippetHtml } from "./publish/embed-snippet-html.ts";
import { sitePagePath } from "../links/site-page.ts";
import { typeInlineData } from "./data/inline-data.ts";
import { parseChartSpec } from "./spec/parse-chart-spec.ts";
import { renderChartSvg } from "./render/render-chart-svg.ts";
import type { Rasterizer } from "../image/rasterize-svg.ts";
import { standaloneChartSvg } from "../image/standalone-chart-svg.ts";
import { isNameTooLong, MAX_NAME_BYTES, nameBytes, shortenName } from "../story/name-limit.ts";

/**
 * Charts are drawn twice: at their full width for wide screens, and at 300 px for phones, where a 640 px
 * chart scaled down to fit would have 5 px text. The page shows one or the other with a container
 * query (see the stylesheet), so every reader gets legible text without JavaScript.
 */
export const NARROW_WIDTH = 300;
const DEFAULT_WIDTH = 640;

export interface ChartVariant {
  /** The width Plot drew at, in px. */
  width: number;
  markup: string;
}

/** The widths to draw a chart at: its own width, and a narrow one unless it is narrow already. */
export function variantWidths(spec: ChartSpec): number[] {
  const width = typeof spec.options["width"] === "number" ? spec.options["width"] : DEFAULT_WIDTH;
  return width > NARROW_WIDTH * 1.25 ? [width, NARROW_WIDTH] : [width];
}

/** Rows of a chart's data shown in its table; all of them are in its CSV. */
export const CHART_TABLE_ROWS = 100;

/** Payloads up to this size travel inside the page; larger ones are fetched only when a reader interacts. */
export const INLINE_PAYLOAD_LIMIT = 8 * 1024;

export interface ChartContext {
  data: ReadonlyMap<string, StoryData>;
  lang: string;
  storySlug: string;
  /** Ids of the charts compiled so far in this story. */
  usedIds: ReadonlySet<string>;
  /** Ids given with id= anywhere in the story: ids made from titles keep clear of them. */
  reservedIds?: ReadonlySet<string>;
  /** The site's base path ("/" or "/newsroom/"), for the URLs of chart files. */
  assetBase?: string;
  /** The site's address ("https://news.example.com"): with it, each figure offers its embed code (absolute URLs). */
  site?: string | undefined;
  /** Ids of data blocks that exist but could not be read (already reported): charts on them are skipped. */
  failedData?: ReadonlySet<string>;
  /** Draws the chart's downloadable PNG; without one, charts offer the SVG download only. */
  rasterize?: Rasterizer | undefined;
}

const validId = /^[a-z][a-z0-9-]*$/;

/**
 * The type of the data another mark puts on the scale a mark of plain values (ruleX: [2020]) draws on:
 * "date" when that is a date column, so the plain values are read as dates too.
 */
function scaleTypeOf(spec: ChartSpec, mark: MarkSpec, data: ReadonlyMap<string, StoryData>): ColumnType | undefined {
  const scale = /X$/.test(mark.mark) ? "x" : /Y$/.test(mark.mark) ? "y" : undefined;
  if (!scale) return undefined;
  for (const other of spec.marks) {
    const column = other.options[scale];
    const tableId = markDataId(spec, other);
    if (other === mark || typeof column !== "string" || tableId === undefined) continue;
    const type = data.get(tableId)?.table.columns.find((c) => c.name === column)?.type;
    if (type === "date") return "date";
  }
  return undefined;
}

/** Reads, checks and renders one chart block. Every failure, including Plot's own, becomes a diagnostic. */
export interface ChartTimings {
  check: number;
  render: number;
  html: number;
  /** The downloadable SVG and PNG. */
  images: number;
}

export function compileChart(block: StoryBlock, context: ChartContext): { chart?: CompiledChart; diagnostics: Diagnostic[]; timings: ChartTimings } {
  const started = performance.now();
  const timings: ChartTimings = { check: 0, render: 0, html: 0, images: 0 };
  const done = <T extends object>(result: T) => {
    if (timings.render === 0) timings.check = performance.now() - started;
    return { ...result, timings };
  };
  const parsed = parseChartSpec(block);
  const diagnostics = [...parsed.diagnostics];
  const { spec, locate } = parsed;
  if (!spec) return done({ diagnostics });

  const explicitId = block.attribute("id");
  if (explicitId !== undefined && !validId.test(explicitId)) {
    const suggestion = shortenName(explicitId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "")) || "chart";
    diagnostics.push(diagnostic("plot/invalid-id", { id: explicitId, suggestion }, block.attributeSpan("id", "value")));
  } else if (explicitId !== undefined && isNameTooLong(explicitId)) {
    const suggestion = shortenName(explicitId);
    diagnostics.push(diagnostic("plot/id-too-long", { length: nameBytes(explicitId), max: MAX_NAME_BYTES, suggestion }, block.attributeSpan("id", "value")));
  } else if (explicitId !== undefined && context.usedIds.has(explicitId)) {
    diagnostics.push(diagnostic("plot/duplicate-id", { id: explicitId }, block.attributeSpan("id", "value")));
  } else if (explicitId === undefined) {
    spec.id = freeId(spec.id, context);
  }

  // A chart on data that could not be read would only add "no such data" to the data's own error.
  const usesFailedData = chartDataIds(spec).some((id) => context.failedData?.has(id));
  if (usesFailedData) return done({ diagnostics });
  diagnostics.push(
    ...checkChartData(spec, block, context.data, locate, parsed.markPaths),
    ...checkChartValues(spec, locate, parsed.markPaths),
    ...checkChartExpressions(spec, context.data, locate, parsed.locateText, parsed.markPaths),
    ...checkChartAddresses(spec, context.data, locate, parsed.markPaths),
    ...checkFormatTypes(spec, context.data, locate, parsed.markPaths),
    ...checkChannelTypes(spec, context.data, locate, parsed.markPaths),
  );
  if (hasErrors(diagnostics)) return done({ diagnostics });
  // Embeds on partners' sites and links from other stories keep working only while the id does (said
  // once the chart has no errors: those come first).
  if (explicitId === undefined && spec.figure.title === undefined) {
    diagnostics.push(diagnostic("plot/positional-id", { id: spec.id, suggestion: suggestedId(block, spec, context) }, block.fenceSpan));
  }

  // Inline lists are typed like data blocks and then referred to by an id of their own ("~" + mark index),
  // so the spec stays plain JSON and the browser gets the typed values with the rest of the data.
  const inline = new Map<string, (Row | Cell)[]>();
  const tables = new Map<string, DataTable>();
  spec.marks.forEach((mark, index) => {
    if (!Array.isArray(mark.data)) return;
    const id = `~${index}`;
    const typed = typeInlineData(id, mark.data, scaleTypeOf(spec, mark, context.data));
    mark.data = id;
    if (typed.table.rows.length > 0) tables.set(id, typed.table);
    else inline.set(id, typed.values);
  });
  for (const id of chartDataIds(spec)) {
    if (tables.has(id) || inline.has(id)) continue;
    const table = context.data.get(id)?.table;
    if (table) tables.set(id, table);
  }
  // Expressions (computed channels, filters, sort keys) become columns of values, here, once: from now
  // on the spec names plain columns, and the browser, the CSV and the tips see the values.
  const derived = deriveChartColumns(spec, tables);
  for (const [id, table] of derived.tables) tables.set(id, table);
  // Plotline's defaults where the editor chose nothing: band scales for bars over dates, accessible colours,
  // colour cues besides colour, room for long labels, compact numbers on axes of millions.
  const computed = derived.spec;
  const drawn = withCompactTicks(withLabelMargins(withColorCues(withAccessibleColors(withBandDateDefaults(computed, tables, context.lang), tables), tables), tables), tables);
  if (drawn.figure.alt === undefined) {
    // Screen readers need words for the chart; the editor's are better, so they are warned.
    const generated = describeChart(drawn, tables, context.lang);
    drawn.figure = { ...drawn.figure, alt: generated };
    diagnostics.push(diagnostic("plot/missing-alt", { generated }, block.fenceSpan));
  }
  const rows: Record<string, (Row | Cell)[]> = Object.fromEntries([...[...tables].map(([id, table]) => [id, table.rows] as const), ...inline]);
  const domId = `chart-${spec.id}`;

  timings.check = performance.now() - started;
  const renderStarted = performance.now();
  const variants: ChartVariant[] = [];
  let drawFrom: { spec: ChartSpec; rows: ChartData; payload?: ChartPayload } = { spec: drawn, rows };
  const warnings: string[] = [];
  const originalWarn = console.warn;
  try {
    // Plot reports suspicious data through console.warn; editors should see it as a warning instead.
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" ").replace(/^Warning:\s*/, ""));
    const [wide, ...narrower] = variantWidths(drawn);
    const render = (chart: ChartSpec, data: ChartData, width: number) => renderChartSvg(chart, data, { idPrefix: `${domId}-${width}`, width, lang: context.lang });
    variants.push({ width: wide!, markup: render(drawn, rows, wide!) });
    const lean = aggregatedPayload(drawn, rows, tables, inline, (chart, data) => render(chart, data, wide!) === variants[0]!.markup);
    if (lean) drawFrom = lean;
    // The narrow drawing comes from what the browser gets: the same picture, from fewer rows when reduced.
    for (const width of narrower) variants.push({ width, markup: render(drawFrom.spec, drawFrom.rows, width) });
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
    diagnostics.push(diagnostic("plot/render-failed", { detail }, block.fenceSpan));
    timings.render = performance.now() - renderStarted;
    return { diagnostics, timings };
  } finally {
    console.warn = originalWarn;
  }
  timings.render = performance.now() - renderStarted;
  const htmlStarted = performance.now();
  // Both drawings usually warn alike; the editor hears each warning once.
  for (const warning of new Set(warnings)) diagnostics.push(diagnostic("plot/plot-warning", { detail: warning }, block.fenceSpan));
  // A chart has a CSV download exactly when it draws a data block (chartDataTable below).
  const csvPath = drawn.data !== undefined && tables.has(drawn.data) ? chartCsvPath(context.storySlug, drawn.id) : undefined;
  const payloadJson = serializePayload(drawFrom.payload ?? chartPayload(drawn, tables, inline));
  let asset: ChartAsset | undefined;
  if (payloadJson.length > INLINE_PAYLOAD_LIMIT) {
    // Named by content: the same chart gives the same file, and a changed one a new name (safe to cache forever).
    const name = createHash("sha256").update(payloadJson).digest("hex").slice(0, 20);
    asset = { path: payloadPath(name), content: payloadJson };
  }
  // The data behind the chart, for readers: a table in the page and a CSV to download.
  const readerData = chartDataTable(drawn, tables, derived.sources.get(drawn.data ?? ""));
  const csv = readerData && csvPath ? { path: csvPath, content: chartDataCsv(readerData) } : undefined;
  const embed = context.site ? chartEmbedHtml(drawn, domId, variants[0]!.markup, context.site, context) : undefined;
  // The chart as files of its own, for readers to download; named after the story and the chart's stable id.
  const imagesStarted = performance.now();
  const images = chartImages(drawn, variants[0]!.markup, context);
  timings.images = performance.now() - imagesStarted;
  const html = figureHtml({
    downloads: {
      svgUrl: `${context.assetBase ?? "/"}${images.svg.path}`,
      svgName: `${context.storySlug}-${drawn.id}.svg`,
      pngName: `${context.storySlug}-${drawn.id}.png`,
      ...(images.png ? { pngUrl: `${context.assetBase ?? "/"}${images.png.path}` } : {}),
    },
    ...(embed ? { embed } : {}),
    spec: drawn,
    domId,
    variants,
    payload: asset ? { url: `${context.assetBase ?? "/"}${asset.path}` } : { json: payloadJson },
    lang: context.lang,
    ...(readerData && csv
      ? {
          data: {
            tableHtml: renderDataTableHtml(readerData, { lang: context.lang, maxRows: CHART_TABLE_ROWS }),
            rows: readerData.rows.length,
            csvUrl: `${context.assetBase ?? "/"}${csv.path}`,
            csvName: `${context.storySlug}-${drawn.id}.csv`,
          },
        }
      : {}),
  });
  const chart: CompiledChart = { id: spec.id, domId, spec: drawn, html, chartMarkup: variants[0]!.markup };
  if (asset) chart.asset = asset;
  if (derived.sources.size > 0) chart.expressionColumns = derived.sources;
  chart.svg = images.svg;
  if (images.png) chart.png = images.png;
  if (csv) chart.csv = csv;
  timings.html = performance.now() - htmlStarted - timings.images;
  if (spec.figure.title !== undefined) chart.title = spec.figure.title;
  return { chart, diagnostics, timings };
}

/**
 * The payload of a chart whose grouping and binning marks are evaluated here (pre-aggregate-marks.ts):
 * the reduced rows instead of the source rows. Used only when the chart drawn from exactly what the
 * browser would get (the payload, through JSON) is the chart drawn from the source (`drawsSame`);
 * otherwise undefined, and the payload holds the source rows as before.
 */
function aggregatedPayload(
  spec: ChartSpec,
  rows: ChartData,
  tables: ReadonlyMap<string, DataTable>,
  inline: ReadonlyMap<string, (Row | Cell)[]>,
  drawsSame: (spec: ChartSpec, data: ChartData) => boolean,
): { spec: ChartSpec; rows: ChartData; payload: ChartPayload } | undefined {
  try {
    const reduced = preAggregateMarks(spec, rows);
    if (!reduced) return undefined;
    const used = new Set([...reduced.spec.marks.map((mark) => markDataId(reduced.spec, mark)), facetDataId(reduced.spec)]);
    const kept = new Map([...[...tables].filter(([id]) => used.has(id)), ...reduced.tables]);
    const payload = chartPayload(reduced.spec, kept, inline);
    const data = payloadData(JSON.parse(serializePayload(payload)) as ChartPayload);
    return drawsSame(reduced.spec, data) ? { spec: reduced.spec, rows: data, payload } : undefined;
  } catch {
    // Plot could not evaluate a transform on its own: the chart keeps its source rows.
    return undefined;
  }
}

/**
 * `wanted`, or `wanted-2`, `wanted-3`, … : the first that no chart so far has and no id= reserves, cut
 * short enough to name files (a title's first six words can be long ones).
 */
function freeId(wanted: string, context: ChartContext): string {
  const taken = (candidate: string) => context.usedIds.has(candidate) || (context.reservedIds?.has(candidate) ?? false);
  const numbered = (n: number) => (n === 1 ? shortenName(wanted) : `${shortenName(wanted, MAX_NAME_BYTES - `-${n}`.length)}-${n}`);
  let id = numbered(1);
  for (let n = 2; taken(id); n++) id = numbered(n);
  return id;
}

/** The block's opening line with an id= added: named after its data, kept clear of the story's other ids. */
function suggestedId(block: StoryBlock, spec: ChartSpec, context: ChartContext): string {
  const id = freeId(typeof spec.data === "string" && validId.test(spec.data) ? `${spec.data}-chart` : "main-chart", context);
  const written = block.node.meta?.trim();
  return written ? `${written} id=${id}` : `id=${id}`;
}

/** The chart's downloadable SVG (the full-width drawing with its captions), and its PNG when there is a rasterizer. */
function chartImages(spec: ChartSpec, wideMarkup: string, context: ChartContext): { svg: ChartAsset; png?: ChartAsset } {
  const { title, subtitle, note, source, alt } = spec.figure;
  const standalone = standaloneChartSvg({ markup: wideMarkup, title, subtitle, note, source, alt, lang: context.lang });
  const svg = { path: chartImagePath(context.storySlug, spec.id, "svg"), content: standalone.svg };
  if (!context.rasterize) return { svg };
  return { svg, png: { path: chartImagePath(context.storySlug, spec.id, "png"), content: context.rasterize(standalone.svg) } };
}

/** The figure's "Embed" disclosure: the code that shows this chart's embed page on another site. */
function chartEmbedHtml(spec: ChartSpec, domId: string, wideMarkup: string, site: string, context: ChartContext): string {
  const base = context.assetBase ?? "/";
  const code = embedCode({
    url: new URL(`${base}${sitePagePath({ kind: "embed", slug: context.storySlug, chart: spec.id }).slice(1)}`, site).href,
    scriptUrl: new URL(`${base}${EMBED_SCRIPT_PATH}`, site).href,
    title: spec.figure.title ?? spec.figure.alt ?? spec.id,
    height: defaultEmbedHeight(spec, wideMarkup, context.lang),
  });
  return embedSnippetHtml({ domId, code, lang: context.lang });
}
