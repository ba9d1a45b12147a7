// STUB — being replaced by the full implementation.
import type { DataTable } from "./data-table.ts";
export function renderDataTableHtml(table: DataTable, _options: { lang: string }): string {
  return `<table data-id="${table.id}"></table>`;
}
