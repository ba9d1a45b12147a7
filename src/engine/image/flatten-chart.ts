import { parseHTML } from "linkedom";
import { tidyAttributes } from "../xml/geometry-precision.ts";
import { serializeSvg } from "../xml/serialize-svg.ts";
import { xmlText } from "../xml/xml-text.ts";
import { COLORS, round } from "./svg-text.ts";
import { textWidth } from "./text-width.ts";

/** A chart as plain SVG elements drawn from (0, 0), with the size they take. */
export interface FlatChart {
  body: string;
  width: number;
  height: number;
}

/** Attributes of Plot's <svg> that mean nothing on a group, or that the standalone file sets itself. */
const DROPPED = new Set(["xmlns", "role", "viewBox", "width", "height", "class", "font-family", "style"]);
const SWATCH_ROW = 20;
const SWATCH_FONT = 13;

/**
 * The page's CSS gives charts their text colour (currentColor) and Plot's background variable; a file
 * opened alone has neither, so the light theme's colours are written in.
 */
export function explicitColors(markup: string): string {
  return markup
    .replace(/currentColor/gi, COLORS.text)
    .replace(/var\(--plot-background\)/g, COLORS.background)
    .replace(/var\(--[\w-]+(?:,\s*([^)]+))?\)/g, (_, fallback: string | undefined) => fallback?.trim() || COLORS.text);
}

/** Plot's <svg> as a <g> at the origin (Plot's viewBox is always 0 0 width height), keeping its presentation attributes. */
function svgAsGroup(svg: string): FlatChart {
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open || !svg.endsWith("</svg>")) return { body: "", width: 0, height: 0 };
  const attributes = [...open[1]!.matchAll(/\s([\w:-]+)="([^"]*)"/g)];
  const number = (name: string) => Number(attributes.find(([, n]) => n === name)?.[2] ?? 0) || 0;
  const kept = attributes.filter(([, name]) => !DROPPED.has(name!) && !name!.startsWith("aria-")).map(([all]) => all);
  return { body: `<g${kept.join("")}>${svg.slice(open[0].length, -"</svg>".length)}</g>`, width: number("width"), height: number("height") };
}

/**
 * Plot's own <svg> cut from the end of a chart's <div> (Plot puts legends first, the chart last), so
 * only the legends are parsed again: a map's thousands of paths would cost a DOM parse and a
 * serialisation for nothing. Undefined when the markup is not laid out that way.
 */
function splitPlot(markup: string): { legends: string; plot: string } | undefined {
  const start = markup.lastIndexOf("<svg");
  if (start < 0 || !markup.endsWith("</svg></div>")) return undefined;
  const plot = markup.slice(start, -"</div>".length);
  const classes = /^<svg\b[^>]*\sclass="([^"]*)"/.exec(plot)?.[1]?.split(" ") ?? [];
  return classes.includes("plotline-plot") ? { legends: `${markup.slice(0, start)}</div>`, plot } : undefined;
}

/**
 * A chart's server-rendered markup (Plot's SVG, or a <div> with an HTML legend and the SVG; see
 * render-chart-svg.ts) as SVG alone: HTML swatch legends are laid out again as SVG rows above the chart,
 * wrapping at the chart's width, and colour ramps and swatches kept as nested <svg> elements.
 */
export function flattenChart(markup: string): FlatChart {
  if (markup.startsWith("<svg")) return withColors(svgAsGroup(markup));
  const split = splitPlot(markup);
  const { document } = parseHTML(`<!doctype html><html><body>${split?.legends ?? markup}</body></html>`);
  const main = split ? undefined : document.querySelector("svg.plotline-plot");
  if (!split && !main) return { body: "", width: 0, height: 0 };
  const chart = svgAsGroup(split ? split.plot : tidyAttributes(serializeSvg(main!)));
  const parts: string[] = [];
  let y = 0;
  for (const legend of document.querySelectorAll(".plotline-plot-swatches, svg.plotline-plot-ramp")) {
    if (legend.tagName.toLowerCase() === "svg") {
      const height = Number(legend.getAttribute("height")) || 0;
      parts.push(tidyAttributes(serializeSvg(legend)).replace(/^<svg\b/, `<svg x="0" y="${y}"`));
      y += height + 8;
      continue;
    }
    let x = 0;
    for (const swatch of legend.querySelectorAll(".plotline-plot-swatch")) {
      const icon = swatch.querySelector("svg");
      const label = (swatch.textContent ?? "").trim();
      const iconSize = Number(icon?.getAttribute("width")) || 15;
      // As the page's CSS lays swatches out: icon, 0.5 em, label, 1 em.
      const width = iconSize + 5 + textWidth(label, SWATCH_FONT) + 13;
      if (x > 0 && x + width > chart.width) {
        x = 0;
        y += SWATCH_ROW;
      }
      if (icon) parts.push(tidyAttributes(serializeSvg(icon)).replace(/^<svg\b/, `<svg x="${x}" y="${round(y + (SWATCH_ROW - iconSize) / 2)}"`));
      parts.push(`<text x="${x + iconSize + 5}" y="${round(y + SWATCH_ROW / 2 + SWATCH_FONT * 0.35)}" font-size="${SWATCH_FONT}" fill="${COLORS.text}">${xmlText(label)}</text>`);
      x += width;
    }
    y += SWATCH_ROW + 8;
  }
  parts.push(`<g transform="translate(0,${y})">${chart.body}</g>`);
  return withColors({ body: parts.join(""), width: chart.width, height: y + chart.height });
}

function withColors(chart: FlatChart): FlatChart {
  return { ...chart, body: explicitColors(chart.body) };
}
