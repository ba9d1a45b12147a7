export interface EmbedCodeParts {
  /** Absolute address of the chart's embed page. */
  url: string;
  /** Absolute address of the host script that sizes the iframe to its content. */
  scriptUrl: string;
  /** The iframe's accessible name: the chart's title. */
  title: string;
  /** Height in px until (or unless) the host script sizes the iframe. */
  height: number;
}

/** Quotes a value for an HTML attribute written between double quotes. */
const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The HTML another site pastes to show a chart: an iframe of the chart's embed page, full width, at a
 * height that fits the chart as drawn, and the small script that then keeps the iframe as tall as its
 * content. Without the script (some CMSs strip scripts) the iframe keeps its height and still works.
 */
export function embedCode({ url, scriptUrl, title, height }: EmbedCodeParts): string {
  return (
    `<iframe src="${attribute(url)}" title="${attribute(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>` +
    `<script src="${attribute(scriptUrl)}" async></script>`
  );
}
