import { parseHTML } from "linkedom";
import type { ChartSpec } from "../spec/chart-spec.ts";
import { type DrawnAdditions, renderChartElement } from "./render-chart-element.ts";
import { ServerCanvas } from "./server-canvas.ts";
import { tidyAttributes, tidyMapPaths } from "../../xml/geometry-precision.ts";
import { serializeSvg } from "../../xml/serialize-svg.ts";
import type { ChartData } from "./spec-to-plot.ts";

/** One server-side document for all charts: Plot only creates detached elements in it. */
let serverDocument: Document | undefined;
function getServerDocument(): Document {
  if (!serverDocument) {
    const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
    const createElement = document.createElement.bind(document);
    // linkedom has no canvas; Plot draws colour ramps and rasters on one.
    document.createElement = ((name: string, options?: ElementCreationOptions) =>
      name.toLowerCase() === "canvas" ? new ServerCanvas() : createElement(name, options)) as typeof document.createElement;
    serverDocument = document as unknown as Document;
  }
  return serverDocument;
}

export interface RenderOptions {
  /** Prefix of every id in the SVG, unique in the page (Plot numbers ids globally per process). */
  idPrefix: string;
  /** Width to draw at, in px (Plot's default: 640). */
  width?: number;
  lang?: string;
  /** Plotline's additions made once Plot has drawn (tick thinning, label collisions): all on unless switched off. */
  additions?: DrawnAdditions;
}

/**
 * Renders a chart to markup on the server: Plot's SVG, or a <div> holding legend and SVG when the chart
 * has a legend (tidied as in the browser, see tidy-plot-element.ts), with geometry cut to 0.01 px and
 * ids made stable. Well-formed XML whatever the data holds (see serialize-svg.ts), so the same markup
 * is inline SVG in the page, a standalone file and resvg's input. Throws what Plot throws; the caller
 * turns it into a diagnostic.
 */
export function renderChartSvg(spec: ChartSpec, data: ChartData, options: RenderOptions): string {
  const document = getServerDocument();
  const plot = renderChartElement(spec, data, {
    document,
    interactive: false,
    ...(options.width === undefined ? {} : { width: options.width }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...options.additions,
  });
  let markup = serializeSvg(plot);
  // With a legend Plot returns a <figure>; it sits inside our own figure, so it becomes a <div>.
  if (plot.tagName.toLowerCase() === "figure") markup = markup.replace(/^<figure\b/, "<div").replace(/<\/figure>$/, "</div>");
  const tidied = tidyAttributes(markup);
  return stabiliseIds(spec.options["projection"] === undefined ? tidied : tidyMapPaths(tidied), options.idPrefix);
}

/** Plot numbers clip paths, patterns and markers across the whole process; number them per chart instead. */
export function stabiliseIds(markup: string, prefix: string): string {
  const renamed = new Map<string, string>();
  return markup.replace(/plot-(clip|pattern|marker)-(\d+)/g, (id, kind: string) => {
    let name = renamed.get(id);
    if (!name) {
      name = `${prefix}-${kind}-${renamed.size + 1}`;
      renamed.set(id, name);
    }
    return name;
  });
}
