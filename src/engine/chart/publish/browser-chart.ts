/**
 * The chart drawing code shipped to browsers, loaded only when a reader first interacts with a chart:
 * Plot, and the same spec-to-Plot translation and tidying the build used, so the chart drawn again is
 * the chart the reader was already looking at.
 */
import { payloadData, type ChartPayload } from "./chart-payload.ts";
import { trimElementGeometry } from "../../xml/geometry-precision.ts";
import { type DrawnAdditions, renderChartElement } from "../render/render-chart-element.ts";

export function drawChart(payload: ChartPayload, options: { width: number; lang: string; additions?: DrawnAdditions }): Element {
  const plot = renderChartElement(payload.spec, payloadData(payload), { document, width: options.width, lang: options.lang, ...options.additions });
  trimElementGeometry(plot, payload.spec.options["projection"] !== undefined);
  if (plot.tagName.toLowerCase() !== "figure") return plot;
  // With a legend Plot returns a <figure>; on the page it sits inside our own figure, as a <div>.
  const div = document.createElement("div");
  div.className = plot.getAttribute("class") ?? "";
  div.append(...plot.childNodes);
  return div;
}
