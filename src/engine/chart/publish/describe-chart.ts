import type { Cell, DataTable, Row } from "../../data/data-table.ts";
import { intlLocale } from "../../i18n/d3-locales.ts";
import { type ChartSpec, type JsonObject, type MarkSpec, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import { describeMap } from "./describe-map.ts";

const kinds: Record<string, { en: string; zh: string }> = {
  bar: { en: "Bar chart", zh: "条形图" },
  line: { en: "Line chart", zh: "折线图" },
  area: { en: "Area chart", zh: "面积图" },
  dot: { en: "Dot plot", zh: "点图" },
  waffle: { en: "Waffle chart", zh: "华夫图" },
  cell: { en: "Heatmap", zh: "热力图" },
  tick: { en: "Tick plot", zh: "刻度图" },
  rect: { en: "Histogram", zh: "直方图" },
  chart: { en: "Chart", zh: "图表" },
};
const kindOf = (mark: string) =>
  /^bar/.test(mark) ? "bar" : /^line/.test(mark) ? "line" : /^area/.test(mark) ? "area" : /^(dot|circle|hexagon)/.test(mark) ? "dot"
  : /^waffle/.test(mark) ? "waffle" : /^cell/.test(mark) ? "cell" : /^tick/.test(mark) ? "tick" : /^rect/.test(mark) ? "rect" : "chart";

/**
 * A text alternative for a chart whose editor wrote no `alt`: what kind of chart it is, its title, and
 * the extremes of what it shows ("Highest: Beijing (33.3%); lowest: Shenzhen (16%)"). Better than
 * nothing for screen-reader users; the editor is warned to write a real one.
 */
export function describeChart(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, lang: string): string {
  const zh = lang === "zh-CN";
  const main = spec.marks.find((m) => !/^(rule|text|frame|axis|grid|tip)/.test(m.mark)) ?? spec.marks[0];
  // A map is described by its shapes, whatever is drawn before them (a sphere, a graticule).
  const shapesOf = (mark: MarkSpec) => tables.get(markDataId(spec, mark) ?? "");
  const geo = spec.marks.find((mark) => mark.mark === "geo" && shapesOf(mark)?.shapes);
  if (geo) {
    const color = spec.options["color"];
    const tickFormat = isJsonObject(color) && typeof color["tickFormat"] === "string" ? color["tickFormat"] : undefined;
    return describeMap(geo, shapesOf(geo)!, spec.figure.title, lang, tickFormat);
  }
  const kind = kinds[main ? kindOf(main.mark) : "chart"]!;
  const parts = [zh ? kind.zh : kind.en];
  const title = spec.figure.title;
  let text = title ? `${parts[0]}${zh ? "：" : ": "}${title}${zh ? "。" : "."}` : `${parts[0]}${zh ? "。" : "."}`;
  if (!main) return text;
  const tableId = typeof main.data === "string" ? main.data : spec.data;
  const table = tableId === undefined ? undefined : tables.get(tableId);
  const extremes = table ? describeExtremes(main, spec, table.rows, lang) : undefined;
  if (extremes) text += `${zh ? "" : " "}${extremes}`;
  return text;
}

function describeExtremes(mark: MarkSpec, spec: ChartSpec, rows: readonly Row[], lang: string): string | undefined {
  const zh = lang === "zh-CN";
  const x = mark.options["x"];
  const y = mark.options["y"];
  if (typeof x !== "string" || typeof y !== "string" || mark.transforms.length > 0 || rows.length === 0) return undefined;
  // Horizontal bars measure along x; everything else along y.
  const [valueColumn, labelColumn, scale] = /X$/.test(mark.mark) && !/^(line|area|dot)/.test(mark.mark) ? [x, y, "x"] : [y, x, "y"];
  const valued = rows.filter((row) => typeof row[valueColumn] === "number");
  if (valued.length === 0) return undefined;
  const byValue = [...valued].sort((a, b) => (b[valueColumn] as number) - (a[valueColumn] as number));
  const percent = isJsonObject(spec.options[scale]) && (spec.options[scale] as JsonObject)["percent"] === true;
  const number = new Intl.NumberFormat(intlLocale(lang), percent ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
  const label = (cell: Cell | undefined) =>
    cell instanceof Date ? cell.toISOString().slice(0, 10).replace(/-01-01$|-01$/, "") : cell === null || cell === undefined ? "" : String(cell);
  const item = (row: Row) => `${label(row[labelColumn])} (${number.format(row[valueColumn] as number)})`;
  const high = byValue[0]!;
  const low = byValue[byValue.length - 1]!;
  if (high === low) return zh ? `${item(high).replace(" (", "（").replace(/\)$/, "）")}。` : `${item(high)}.`;
  return zh
    ? `最高：${item(high).replace(" (", "（").replace(/\)$/, "）")}；最低：${item(low).replace(" (", "（").replace(/\)$/, "）")}。`
    : `Highest: ${item(high)}; lowest: ${item(low)}.`;
}
