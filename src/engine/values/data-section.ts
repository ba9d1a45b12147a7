import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { DataTable } from "../data/data-table.ts";
import { renderDataTableHtml } from "../data/data-table-html.ts";
import { labelSeparator, uiStrings } from "../i18n/ui-strings.ts";

/** Rows shown per data block in the story's data section; the rest are counted. */
export const DATA_SECTION_ROWS = 50;

export interface DataSectionEntry {
  table: DataTable;
  title?: string;
  source?: string;
}

/**
 * The data numbers in the prose link to, at the end of the story: one disclosure per data block, with
 * its source and its rows as a table (the first rows of large ones), so every bound number can be
 * checked against the data it came from.
 */
export function dataSectionHtml(entries: readonly DataSectionEntry[], lang: string): string {
  if (entries.length === 0) return "";
  const w = uiStrings(lang);
  const separator = labelSeparator(lang);
  const items = entries.map(({ table, title, source }) =>
    h("details.plotline-data-entry", { id: `data-${table.id}` }, [
      h("summary", [title ?? table.id, " ", h("span.plotline-data-size", `(${w.rows(table.rows.length)})`)]),
      source ? h("p.plotline-source", [h("span.plotline-label", `${w.source}${separator}`), source]) : "",
      { type: "raw", value: renderDataTableHtml(table, { lang, maxRows: DATA_SECTION_ROWS }) } as never,
    ]),
  );
  return toHtml(h("section.plotline-data", { "aria-labelledby": "plotline-data-heading" }, [h("h2", { id: "plotline-data-heading" }, w.dataSection), ...items]), { allowDangerousHtml: true });
}
