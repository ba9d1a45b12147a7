/**
 * Plot writes coordinates with up to 17 digits; two decimals (0.01 px) look the same and weigh far
 * less. The build cuts them in the serialised markup (render-chart-svg.ts), the browser in the DOM of a
 * chart drawn again (browser-chart.ts), with the same rule, so both draw exactly the same picture.
 */
export const geometryAttributes = ["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy", "r", "points", "viewBox", "dx", "dy"] as const;

/** Cuts decimals after the second: a plain string replacement, much cheaper than rounding each number. */
export const trimDecimals = (value: string): string => value.replace(/(\.\d\d)\d+/g, "$1");

/** trimDecimals on every geometry attribute of an element and its descendants. */
export function trimElementGeometry(root: Element): void {
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const name of geometryAttributes) {
      const value = element.getAttribute(name);
      if (value !== null && /\.\d{3}/.test(value)) element.setAttribute(name, trimDecimals(value));
    }
  }
}
