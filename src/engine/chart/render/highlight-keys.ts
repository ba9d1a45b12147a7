import type { HighlightSpec, MarkSpec } from "../spec/chart-spec.ts";
import { highlightChannels } from "../spec/highlight-channels.ts";

/**
 * Highlighting ties each element Plot draws to a value of the highlight column. Plot writes a mark's
 * ariaLabel channel on each element it draws (one per bar or dot, one per line's series), whatever
 * transforms, filters and facets did to the rows; so the key travels as an aria-label with this prefix,
 * and tidy-plot-element.ts turns it into data-key. A private-use character: no label Plot or an editor
 * writes starts with it.
 */
export const KEY_LABEL_PREFIX = "\uE000";

/** Marks not lit in a static state (`highlight: {on: …}`): the site's stylesheet dims them, the page's script toggles the class. */
export const DIMMED_CLASS = "plotline-dimmed";

/** A value of the highlight column as the markup and the prose's :mark write it: dates as ISO dates, the rest as text. */
export function keyText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

type RenderFunction = (index: unknown, scales: unknown, values: Record<string, unknown>, dimensions: unknown, context: unknown, next?: RenderFunction) => unknown;

/**
 * Plot's render option for a highlightable mark: before the mark draws, its ariaLabel channel is set to
 * the keys, read from the channel that draws the highlight column as the transforms left it (a groupX's
 * x is the group's value). Marks that do not draw the column are left as they are.
 */
export function highlightRender(mark: MarkSpec, highlight: HighlightSpec | undefined): RenderFunction | undefined {
  const options = highlight ? highlightChannels(mark, highlight.by) : [];
  if (options.length === 0) return undefined;
  return (index, scales, values, dimensions, context, next) => {
    const channels = values["channels"] as Record<string, { value?: ArrayLike<unknown> }> | undefined;
    const source = options.map((option) => channels?.[option]?.value).find((value) => value !== undefined);
    if (!source) return next!(index, scales, values, dimensions, context);
    const labels = Array.from(source, (value) => {
      const text = keyText(value);
      return text === undefined ? undefined : KEY_LABEL_PREFIX + text;
    });
    return next!(index, scales, { ...values, ariaLabel: labels }, dimensions, context);
  };
}

/**
 * After tidying, on the chart's own SVG (chartSvgOf): it names the highlight column (data-highlight), and in a static state the
 * elements whose key is not lit carry the dimmed class. The same in the build and in the browser.
 */
export function markHighlight(svg: Element | null, highlight: HighlightSpec | undefined): void {
  if (!highlight || !svg) return;
  svg.setAttribute("data-highlight", highlight.by);
  if (!highlight.on) return;
  const lit = new Set(highlight.on);
  for (const element of svg.querySelectorAll("[data-key]")) {
    if (lit.has(element.getAttribute("data-key") ?? "")) continue;
    const before = element.getAttribute("class");
    element.setAttribute("class", before ? `${before} ${DIMMED_CLASS}` : DIMMED_CLASS);
  }
}
