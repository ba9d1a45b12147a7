import { dateFormatReader, type RawValue } from "./infer-column-types.ts";

/**
 * Ways of writing dates that Plotline does not read on its own (only ISO dates are: see
 * infer-column-types.ts) but that say unambiguously which date they mean. `%m/%d/%Y` and `%d/%m/%Y`
 * are both tried, month first (the US order), since a column whose days all stay under 13 fits both.
 */
const WRITTEN_DATE_FORMATS = [
  "%b-%Y",
  "%b %Y",
  "%B %Y",
  "%B-%Y",
  "%Y/%m/%d",
  "%Y/%m",
  "%d %b %Y",
  "%d %B %Y",
  "%d-%b-%Y",
  "%b %d, %Y",
  "%B %d, %Y",
  "%d.%m.%Y",
  "%m/%d/%Y",
  "%d/%m/%Y",
  "%Y年%m月",
  "%Y年%m月%d日",
] as const;

/** Values tried against every format before the one that fits them is checked on the whole column. */
const SAMPLE = 50;

/**
 * The d3-time-format specifier every present value of a text column is written in, when they are
 * dates written one of the common ways above (`Jan-1992`, `March 2020`, `03/21/2025`, `2025年3月`), with the first
 * such value; undefined otherwise. Missing values are null or blank (markers already made null). A
 * column of one distinct value says too little to tell.
 */
export function writtenDateFormat(values: readonly RawValue[]): { format: string; first: number } | undefined {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "string" && value.trim() !== "") present.push(i);
    else if (value !== null && typeof value !== "string") return undefined;
  }
  if (present.length < 2) return undefined;
  const text = (i: number) => values[i] as string;
  if (new Set(present.slice(0, SAMPLE).map(text)).size < 2) return undefined;
  for (const format of WRITTEN_DATE_FORMATS) {
    const read = dateFormatReader(format);
    const fits = (i: number) => read(text(i)) !== undefined;
    if (present.slice(0, SAMPLE).every(fits) && present.slice(SAMPLE).every(fits)) {
      return { format, first: present[0]! };
    }
  }
  return undefined;
}
