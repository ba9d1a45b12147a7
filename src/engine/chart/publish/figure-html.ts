import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { labelSeparator, uiStrings } from "../../i18n/ui-strings.ts";
import type { ChartSpec } from "../spec/chart-spec.ts";
import { isInteractive } from "./interactive-chart.ts";

export interface FigureParts {
  spec: ChartSpec;
  /** DOM id of the figure, unique in the page. */
  domId: string;
  /** The chart drawn at each width, widest first (trusted markup: produced by Plot from escaped values). */
  variants: readonly { width: number; markup: string }[];
  /** How the browser finds the chart's spec and data: inline JSON (made safe for a script element), or a URL. */
  payload: { json: string } | { url: string };
  lang: string;
  /** The chart's data for readers: a table (HTML) and a CSV file to download. */
  data?: { tableHtml: string; rows: number; csvUrl: string; csvName: string };
  /**
   * The chart as files to download: a standalone SVG, and a PNG (pngUrl when the build drew one; else
   * the reader's browser draws pngName from the SVG on demand: see src/astro/download-png.ts).
   */
  downloads?: { svgUrl: string; svgName: string; pngUrl?: string; pngName: string };
  /** The chart's embed code in a disclosure (embed-snippet-html.ts), last under the chart; trusted markup. */
  embed?: string;
}

/**
 * The figure around a chart. One <figcaption> holds title, subtitle, note and source (first in the
 * source, so screen readers meet the title first); the stylesheet places note and source under the
 * chart. Then the chart, drawn twice (see compile-chart.ts), the data behind it as a table in a
 * disclosure and as a CSV download, and the spec as inert JSON for the browser. Every editor-written
 * text is escaped by hast-util-to-html.
 */
export function figureHtml({ spec, domId, variants, payload, lang, data, downloads, embed }: FigureParts): string {
  const strings = uiStrings(lang);
  const { title, subtitle, note, source } = spec.figure;
  const titleId = `${domId}-title`;
  const separator = labelSeparator(lang);
  const caption: ElementContent[] = [];
  if (title) caption.push(h("p.plotline-title", { id: titleId }, title));
  if (subtitle) caption.push(h("p.plotline-subtitle", subtitle));
  if (note) caption.push(h("p.plotline-note", [h("span.plotline-label", `${strings.note}${separator}`), note]));
  if (source) caption.push(h("p.plotline-source", [h("span.plotline-label", `${strings.source}${separator}`), source]));

  const children: ElementContent[] = [];
  if (caption.length) children.push(h("figcaption.plotline-caption", caption));
  const [wide, ...narrower] = variants;
  children.push(
    h(
      "div.plotline-chart",
      {
        "data-variants": variants.length,
        // Charts with tips can be explored from the keyboard (see src/astro/hydrate-charts.ts).
        tabindex: spec.marks.some((m) => m.options["tip"]) ? 0 : undefined,
        // Only charts that answer the pointer are drawn again in the browser (interactive-chart.ts).
        "data-interactive": isInteractive(spec) ? "" : undefined,
        // Site search skips the SVG (tick labels), so it reads the text alternative from here (src/cli/search-index.ts).
        "data-pagefind-index-attrs": spec.figure.alt ? "data-alt" : undefined,
        "data-alt": spec.figure.alt,
      },
      variants.map((variant) =>
        h(
          `div.plotline-variant.${variant === wide && narrower.length ? "plotline-wide" : variant === wide ? "plotline-only" : "plotline-narrow"}`,
          { "data-width": variant.width },
          [{ type: "raw", value: variant.markup } as unknown as ElementContent],
        ),
      ),
    ),
  );
  // Real links with download names: the data as CSV, the picture as PNG (what most readers want) and SVG.
  const links: ElementContent[] = [];
  if (data) links.push(h("a.plotline-download.plotline-download-csv", { href: data.csvUrl, download: data.csvName, type: "text/csv" }, strings.getTheData));
  if (downloads?.pngUrl) links.push(h("a.plotline-download.plotline-download-png", { href: downloads.pngUrl, download: downloads.pngName, type: "image/png" }, strings.downloadPng));
  // Drawn by the reader's browser from the SVG; hidden without JavaScript (no-script.css), where it could do nothing.
  else if (downloads) links.push(h("button.plotline-download.plotline-download-png", { type: "button", "data-svg": downloads.svgUrl, "data-name": downloads.pngName }, strings.downloadPng));
  if (downloads) links.push(h("a.plotline-download.plotline-download-svg", { href: downloads.svgUrl, download: downloads.svgName, type: "image/svg+xml" }, strings.downloadSvg));
  if (data || links.length > 0) {
    children.push(
      h("div.plotline-figure-data", [
        ...(data
          ? [
              h("details.plotline-chart-data", [
                h("summary", [strings.chartData, " ", h("span.plotline-data-size", `(${strings.rows(data.rows)})`)]),
                { type: "raw", value: data.tableHtml } as unknown as ElementContent,
              ]),
            ]
          : []),
        ...links,
      ]),
    );
  }
  if (embed) {
    const row = children.find((child): child is Element => child.type === "element" && child.properties["className"]?.toString() === "plotline-figure-data");
    const snippet = { type: "raw", value: embed } as unknown as ElementContent;
    if (row) row.children.push(snippet);
    else children.push(h("div.plotline-figure-data", [snippet]));
  }
  if ("json" in payload) {
    children.push(
      h("script.plotline-spec", { type: "application/json" }, [{ type: "raw", value: payload.json } as unknown as ElementContent]),
    );
  }

  const figure: Element = h(
    "figure.plotline-figure",
    {
      id: domId,
      "data-plotline-chart": spec.id,
      "data-plotline-payload": "url" in payload ? payload.url : undefined,
      "aria-labelledby": title ? titleId : undefined,
    },
    children,
  );
  return toHtml(figure, { allowDangerousHtml: true });
}
