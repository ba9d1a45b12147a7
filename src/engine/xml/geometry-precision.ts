import { relativePath } from "./relative-path.ts";

/**
 * Plot writes coordinates with up to 17 digits; two decimals (0.01 px) look the same and weigh far
 * less. The build cuts them in the serialised markup (tidyAttributes, for render-chart-svg.ts and
 * flatten-chart.ts), the browser in the DOM of a chart drawn again (trimElementGeometry, for
 * browser-chart.ts), with the same rule, so both draw exactly the same picture.
 */
export const geometryAttributes = ["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy", "r", "points", "viewBox", "dx", "dy"] as const;

/** Cuts decimals after the second: a plain string replacement, much cheaper than rounding each number. */
export const trimDecimals = (value: string): string => value.replace(/(\.\d\d)\d+/g, "$1");

/** An attribute holding geometry whose value has a number with more than two decimals. */
const geometryAttribute = new RegExp(` (${geometryAttributes.join("|")})="([^"]*\\.\\d{3}[^"]*)"`, "g");

/**
 * Geometry keeps two decimals (0.01 px), since Plot's long decimals only cost bytes. One pass over the
 * serialised chart's attributes, cheaper than walking the DOM; the markup is serialize-svg.ts's, where
 * no attribute value or text holds a raw `"` or `<`, so matching name="value" is safe.
 */
export function tidyAttributes(markup: string): string {
  return markup.replace(geometryAttribute, (_, name: string, value: string) => ` ${name}="${trimDecimals(value)}"`);
}

/** trimDecimals on every geometry attribute of an element and its descendants (and mapPath on paths of maps). */
export function trimElementGeometry(root: Element, map = false): void {
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const name of geometryAttributes) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (map && name === "d") element.setAttribute(name, mapPath(value));
      else if (/\.\d{3}/.test(value)) element.setAttribute(name, trimDecimals(value));
    }
  }
}

/**
 * A map's outlines are most of its weight: their paths keep one decimal (0.1 px), which no screen
 * shows apart from two, and weigh a fifth less.
 */
export const trimMapPath = (value: string): string => value.replace(/(\.\d)\d+/g, "$1");

/** A map's path as it is written: to a tenth of a pixel, in relative steps when it is a plain outline (relative-path.ts). */
export const mapPath = (value: string): string => relativePath(value) ?? trimMapPath(value);

/** mapPath on every path of serialised markup (after tidyAttributes). */
export const tidyMapPaths = (markup: string): string => markup.replace(/ d="([^"]*)"/g, (_, value: string) => ` d="${mapPath(value)}"`);
