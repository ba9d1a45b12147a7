import { createHash } from "node:crypto";
import type { CompiledChart } from "../compiled-chart.ts";
import { renderDataTableHtml } from "../data/data-table-html.ts";
import { standaloneChartSvg } from "../image/standalone-chart-svg.ts";
import { sitePagePath } from "../links/site-page.ts";
import { chartCsvPath, chartImagePath, EMBED_SCRIPT_PATH, payloadPath, type ChartAsset } from "../site-files.ts";
import type { ChartContext } from "./chart-context.ts";
import type { PreparedChart } from "./prepare-chart.ts";
import type { ChartDrawing } from "./draw-chart-variants.ts";
import type { ChartSpec } from "./spec/chart-spec.ts";
import { chartDataCsv, chartDataId, chartDataTable } from "./publish/chart-data.ts";
import { chartColumnLabels } from "./publish/column-labels.ts";
import { chartPayload, serializePayload } from "./publish/chart-payload.ts";
import { defaultEmbedHeight } from "./publish/default-embed-height.ts";
import { embedCode } from "./publish/embed-code.ts";
import { embedSnippetHtml } from "./publish/embed-snippet-html.ts";
import { figureHtml } from "./publish/figure-html.ts";

/** Rows of a chart's data shown in its table; all of them are in its CSV. */
export const CHART_TABLE_ROWS = 100;

/** Payloads up to this size travel inside the page; larger ones are fetched only when a reader interacts. */
export const INLINE_PAYLOAD_LIMIT = 8 * 1024;

/**
 * What readers get of a drawn chart (the third stage of compileChart): the figure's HTML, its payload for
 * the browser (inline, or a file when large), its data as a table and CSV, its embed code and its
 * downloads. `imagesMs` is the time the downloads took.
 */
export function publishChart(
  { spec, drawn, tables, inline, sources, domId, highlightKeys }: PreparedChart,
  { variants, drawFrom }: ChartDrawing,
  context: ChartContext,
): { chart: CompiledChart; imagesMs: number } {
  // A chart has a CSV download exactly when it draws a data block (chartDataTable below).
  const dataId = chartDataId(drawn, tables);
  const csvPath = dataId !== undefined && tables.has(dataId) ? chartCsvPath(context.storySlug, drawn.id) : undefined;
  const payloadJson = serializePayload(drawFrom.payload ?? chartPayload(drawn, tables, inline));
  let asset: ChartAsset | undefined;
  if (payloadJson.length > INLINE_PAYLOAD_LIMIT) {
    // Named by content: the same chart gives the same file, and a changed one a new name (safe to cache forever).
    const name = createHash("sha256").update(payloadJson).digest("hex").slice(0, 20);
    asset = { path: payloadPath(name), content: payloadJson };
  }
  // The data behind the chart, for readers: a table in the page and a CSV to download.
  const readerData = chartDataTable(drawn, tables, sources.get(dataId ?? ""));
  const csv = readerData && csvPath ? { path: csvPath, content: chartDataCsv(readerData) } : undefined;
  const embed = context.site ? chartEmbedHtml(drawn, domId, variants[0]!.markup, context.site, context) : undefined;
  // The chart as files of its own, for readers to download; named after the story and the chart's stable id.
  const imagesStarted = performance.now();
  const images = chartImages(drawn, variants[0]!.markup, context);
  const imagesMs = performance.now() - imagesStarted;
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
            tableHtml: renderDataTableHtml(readerData, { lang: context.lang, maxRows: CHART_TABLE_ROWS, restId: `${domId}-more-rows`, labels: chartColumnLabels(drawn, readerData.id) }),
            rows: readerData.rows.length,
            csvUrl: `${context.assetBase ?? "/"}${csv.path}`,
            csvName: `${context.storySlug}-${drawn.id}.csv`,
          },
        }
      : {}),
  });
  const chart: CompiledChart = { id: spec.id, domId, spec: drawn, html, chartMarkup: variants[0]!.markup };
  if (asset) chart.asset = asset;
  if (sources.size > 0) chart.expressionColumns = sources;
  chart.svg = images.svg;
  if (images.png) chart.png = images.png;
  if (csv) chart.csv = csv;
  if (spec.figure.title !== undefined) chart.title = spec.figure.title;
  if (drawn.highlight) chart.highlight = { by: drawn.highlight.by, keys: highlightKeys };
  return { chart, imagesMs };
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
