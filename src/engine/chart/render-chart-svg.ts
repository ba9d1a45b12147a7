import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "./chart-spec.ts";
import { ServerCanvas } from "./server-canvas.ts";
import { specToPlotOptions, type ChartData } from "./spec-to-plot.ts";

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

/** Attributes holding geometry, where long decimals only cost bytes. */
/** An attribute holding geometry whose value has a number with more than two decimals. */
const geometryAttribute = / (d|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r|points|viewBox|dx|dy)="([^"]*\.\d{3}[^"]*)"/g;
/** Cuts decimals after the second (at most 0.01 px off): a plain string replacement, much cheaper than rounding each number. */
const trimDecimals = (value: string) => value.replace(/(\.\d\d)\d+/g, "$1");

export interface RenderOptions {
  /** Prefix of every id in the SVG, unique in the page (Plot numbers ids globally per process). */
  idPrefix: string;
  width?: number;
}

/**
 * Renders a chart to markup on the server. Returns Plot's SVG, or a <div> holding legend and SVG when the
 * chart has a legend. Inline <style> elements are removed (the site stylesheet carries those rules, so a
 * strict Content-Security-Policy holds), geometry is cut to 0.01 px, and ids are made stable.
 * Throws what Plot throws; the caller turns it into a diagnostic.
 */
export function renderChartSvg(spec: ChartSpec, data: ChartData, options: RenderOptions): string {
  const document = getServerDocument();
  const environment = options.width === undefined ? { document } : { document, width: options.width };
  let plot: Element;
  try {
    plot = Plot.plot(specToPlotOptions(spec, data, environment)) as unknown as Element;
  } catch (error) {
    // Plot counts warnings in module state and resets it only when a plot completes; a throw mid-way
    // would leak a warning into the next chart. A plot of nothing completes and clears it.
    Plot.plot({ document, marks: [] });
    throw error;
  }

  for (const style of [...plot.querySelectorAll("style")]) style.remove();
  // Plot marks a chart it warned about with a ⚠️ for the console; Plotline tells the editor instead.
  for (const text of [...plot.querySelectorAll("text")]) {
    if (text.querySelector("title")?.textContent?.includes("Please check the console")) text.remove();
  }
  const svgs = plot.tagName.toLowerCase() === "svg" ? [plot] : [...plot.querySelectorAll("svg")];
  const chartSvg = svgs.find((svg) => svg.getAttribute("aria-label") !== null) ?? svgs[svgs.length - 1];
  for (const svg of svgs) {
    // Namespaced, so the same markup is a valid stand-alone .svg file (downloads, embeds).
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    if (svg === chartSvg) svg.setAttribute("role", "img");
    else svg.setAttribute("aria-hidden", "true");
  }
  // With a legend Plot returns a <figure style="max-width:initial">; it sits inside our own figure,
  // so it becomes a <div>, and loses its inline style (see .plotline-plot-figure in the stylesheet).
  plot.removeAttribute("style");
  let markup = plot.outerHTML;
  if (plot.tagName.toLowerCase() === "figure") markup = markup.replace(/^<figure\b/, "<div").replace(/<\/figure>$/, "</div>");
  return stabiliseIds(tidyAttributes(markup), options.idPrefix);
}

/**
 * One pass over every attribute of the serialised chart (cheaper than walking the DOM):
 * - geometry keeps two decimals (0.01 px), since Plot's long decimals only cost bytes;
 * - < and > are escaped: linkedom escapes only & and ", which is legal HTML but not a valid
 *   stand-alone SVG (XML) file. Text content never holds a raw "<", so matching name="value" is safe.
 */
export function tidyAttributes(markup: string): string {
  const trimmed = markup.replace(geometryAttribute, (match, name: string, value: string) => ` ${name}="${trimDecimals(value)}"`);
  if (!/="[^"]*[<>]/.test(trimmed)) return trimmed;
  return trimmed.replace(/ ([A-Za-z][\w:-]*)="([^"]*[<>][^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`);
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
