import type { ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { intlLocale } from "../i18n/d3-locales.ts";
import { labelSeparator, uiStrings } from "../i18n/ui-strings.ts";
import type { Cell, DataColumn, DataTable, DatePrecision, Row } from "./data-table.ts";
import { shownDatePrecision } from "./shown-date-precision.ts";

/** Rows shown at most; a note says how many more there are. */
export const MAX_ROWS_SHOWN = 1000;
/** A table of more rows than this shows its first FIRST_ROWS and keeps the rest behind a disclosure. */
export const LONG_TABLE_ROWS = 20;
export const FIRST_ROWS = 10;

const DATE_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: "numeric" },
  month: { year: "numeric", month: "short" },
  day: { year: "numeric", month: "short", day: "numeric" },
  time: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
};

/**
 * A data block as a readable, accessible HTML table, for blocks marked `show`.
 * Numbers are right-aligned and formatted for the story's language (a column whose every value was
 * written as a percentage, 22.5%, shows as percentages; other numbers plainly); dates show at the
 * precision they were written, in UTC; true/false read as yes/no; a missing value is a dash that
 * screen readers announce as missing. The wrapper can be focused and scrolled with the keyboard.
 */
export function renderDataTableHtml(
  table: DataTable,
  options: {
    lang: string;
    maxRows?: number;
    id?: string;
    caption?: string | undefined;
    source?: string | undefined;
    /** Headers for columns, by column name (the chart's scale labels); others are headed by their name. */
    labels?: ReadonlyMap<string, string>;
    /** The id of the rows a long table keeps behind its disclosure (unique in the page). */
    restId?: string;
  },
): string {
  const locale = intlLocale(options.lang);
  const words = uiStrings(options.lang);
  // Up to 4 decimals; below 1, up to 4 significant digits so that small values do not read as 0.
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const formatNumber = (n: number) => (n !== 0 && Math.abs(n) < 1 ? small : plain).format(n);
  // Columns written as percentages (22.5%) are shown as percentages.
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const formatPercent = (n: number) => percent.format(n);
  const dateFormats = new Map<DatePrecision, Intl.DateTimeFormat>();
  const formatDate = (date: Date, precision: DatePrecision) => {
    let format = dateFormats.get(precision);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[precision], timeZone: "UTC" });
      dateFormats.set(precision, format);
    }
    return format.format(date);
  };

  const precisions = new Map(table.columns.filter((c) => c.type === "date").map((c) => [c.name, shownDatePrecision(c, table.rows)]));
  const restId = options.restId ?? `${options.id ?? `data-section-${table.id}`}-more-rows`;

  // Rows are written as text, not as a syntax tree: a chart's table has up to 100 rows and a data
  // block's 1,000, and building and serialising a node per cell was most of a table's cost. The
  // output is what hast-util-to-html writes for the same cells (see htmlText).
  const classOf = (column: DataColumn) => `plotline-${column.type}${column.type === "number" ? " plotline-num" : ""}`;
  const missingLabel = htmlAttribute(words.missingValue);
  const missingCell = (column: DataColumn) => `<td class="${classOf(column)} plotline-missing"><span role="img" aria-label="${missingLabel}">—</span></td>`;
  const cell = (value: Cell, column: DataColumn): string => {
    if (value === null) return missingCell(column);
    let text: string;
    if (typeof value === "number") text = column.percent ? formatPercent(value) : formatNumber(value);
    else if (typeof value === "boolean") text = value ? words.yes : words.no;
    else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : formatDate(value, precisions.get(column.name) ?? "day");
    else text = value;
    return `<td class="${classOf(column)}">${htmlText(text)}</td>`;
  };

  const shown = table.rows.slice(0, options.maxRows ?? MAX_ROWS_SHOWN);
  const rowsOf = (rows: readonly Row[]): ElementContent => raw(rows.map((row) => `<tr>${table.columns.map((column) => cell(row[column.name] ?? null, column)).join("")}</tr>`).join(""));
  // A long table shows its first rows; the rest follow in a second body that the disclosure after the
  // table shows and hides with CSS alone (the stylesheet's :has(); without it every row shows).
  const long = table.rows.length > LONG_TABLE_ROWS;
  const first = long ? shown.slice(0, FIRST_ROWS) : shown;
  const body: ElementContent[] = [rowsOf(long ? shown.slice(FIRST_ROWS) : shown)];
  const hidden = table.rows.length - shown.length;
  if (hidden > 0) {
    body.push(
      h(
        "tr",
        { className: ["plotline-table-note"] },
        h("td", { colSpan: Math.max(1, table.columns.length) }, words.moreRows(plain.format(hidden), hidden)),
      ),
    );
  }

  const tree = h(
    "div",
    { id: options.id, className: ["plotline-table"], role: "region", ariaLabel: words.dataTable(table.id), tabIndex: 0, dataId: table.id },
    h("table", [
      options.caption ? h("caption", options.caption) : "",
      h(
        "thead",
        h(
          "tr",
          table.columns.map((column) => {
            // A header renamed by a label keeps the column's name, as the CSV download has it.
            const label = options.labels?.get(column.name);
            return h("th", { scope: "col", className: classOf(column).split(" "), ...(label === undefined ? {} : { dataColumn: column.name }) }, label ?? column.name);
          }),
        ),
      ),
      long ? h("tbody", [rowsOf(first)]) : "",
      h("tbody", long ? { id: restId, className: ["plotline-table-rest"] } : {}, body),
    ]),
    long
      ? h(
          "details.plotline-table-more",
          h("summary", { ariaControls: restId }, [
            // One text while closed, the other while open (the stylesheet shows one).
            h("span.plotline-more-closed", words.showMoreRows(plain.format(shown.length - FIRST_ROWS), shown.length - FIRST_ROWS)),
            h("span.plotline-more-open", words.showFewerRows),
          ]),
        )
      : "",
  );
  if (!options.source) return toHtml(tree, { allowDangerousHtml: true });
  return toHtml(tree, { allowDangerousHtml: true }) + toHtml(h("p.plotline-source.plotline-table-source", [h("span.plotline-label", `${words.source}${labelSeparator(options.lang)}`), options.source]));
}

/** A character as hast-util-to-html writes a reference to it: hexadecimal, capitals. */
const reference = (char: string): string => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;

/** Text in an element as hast-util-to-html escapes it: `<` and `&`. */
const htmlText = (text: string): string => (/[<&]/.test(text) ? text.replace(/[<&]/g, reference) : text);

/** A double-quoted attribute value as hast-util-to-html escapes it: `"` and `&`. */
const htmlAttribute = (text: string): string => (/["&]/.test(text) ? text.replace(/["&]/g, reference) : text);

/** Markup written here, passed through hast-util-to-html as it is (allowDangerousHtml). */
const raw = (value: string): ElementContent => ({ type: "raw", value }) as unknown as ElementContent;
