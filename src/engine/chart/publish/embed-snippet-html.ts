import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { uiStrings } from "../../i18n/ui-strings.ts";

export interface EmbedSnippetParts {
  /** DOM id of the figure, to name the field. */
  domId: string;
  /** The code to copy (see embed-code.ts). */
  code: string;
  lang: string;
}

/**
 * "Embed" under a chart: a disclosure holding the chart's embed code in a read-only field, which readers
 * can select and copy by hand, and a Copy button that src/astro/copy-embed-code.ts reveals and wires up
 * where the Clipboard API exists (it stays hidden without JavaScript). The status after it is where
 * "Copied" is written, so screen readers announce it.
 */
export function embedSnippetHtml({ domId, code, lang }: EmbedSnippetParts): string {
  const strings = uiStrings(lang);
  const fieldId = `${domId}-embed-code`;
  return toHtml(
    h("details.plotline-embed", [
      h("summary", strings.embed),
      h("div.plotline-embed-panel", [
        h("label", { for: fieldId }, strings.embedCode),
        h(
          "textarea.plotline-embed-code",
          { id: fieldId, readOnly: true, rows: 4, spellCheck: "false", autoComplete: "off", translate: "no", dir: "ltr" },
          code,
        ),
        h(
          "button.plotline-copy",
          { type: "button", hidden: true, dataCopied: strings.copied, dataCopyFailed: strings.copyFailed },
          strings.copy,
        ),
        h("span.plotline-copy-status", { role: "status", ariaLive: "polite" }),
      ]),
    ]),
  );
}
