import type { DataTable, Row } from "../../data/data-table.ts";
import { intlLocale, isTimeSpecifier, localizedFormat } from "../../i18n/d3-locales.ts";
import type { MarkSpec } from "../spec/chart-spec.ts";
import { shapeNameColumn } from "../../geo/shape-name-column.ts";

/** What the shapes of each base map are called; other shapes are areas. */
const nouns: Record<string, { en: string; zh: string }> = {
  "world/countries": { en: "countries", zh: "个国家和地区" },
  "us/states": { en: "states", zh: "个州" },
  "us/counties": { en: "counties", zh: "个县" },
};
const areas = { en: "areas", zh: "个地区" };

/**
 * A map's text alternative: how many shapes, what colours them, and the highest and the lowest by
 * name ("Map of 177 countries coloured by unemployment: highest Spain (13.5), lowest Japan (2.6).").
 * Shapes are named as geo/shape-name-column.ts says; values are written as the legend writes them, with the colour scale's
 * tickFormat when it has one (".0%" gives 13%, not 0.13; mapLegend's ",.3~r" gives 13.3). Shapes without a value (a join
 * that did not cover them) are counted apart: "56 states, 52 of them coloured by …".
 */
export function describeMap(mark: MarkSpec, table: DataTable, title: string | undefined, lang: string, tickFormat?: string): string {
  const zh = lang === "zh-CN";
  const basemap = table.shapes?.basemap?.replace(/-50m$/, "");
  const noun = (basemap && nouns[basemap]) || areas;
  const count = table.rows.length;
  const fill = typeof mark.options["fill"] === "string" ? table.columns.find((c) => c.name === mark.options["fill"]) : undefined;
  const names = shapeNameColumn(table.columns, lang, fill?.name);
  let colouring = "";
  if (fill) {
    colouring = zh ? `按${fill.name}着色` : ` coloured by ${fill.name}`;
    const valued = fill.type === "number" ? table.rows.filter((row) => typeof row[fill.name] === "number") : [];
    if (valued.length > 1 && names) {
      const intl = new Intl.NumberFormat(intlLocale(lang), fill.percent ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
      const number = tickFormat !== undefined && !isTimeSpecifier(tickFormat) ? { format: localizedFormat(tickFormat, lang) } : intl;
      const sorted = [...valued].sort((a, b) => (b[fill.name] as number) - (a[fill.name] as number));
      const item = (row: Row) => (zh ? `${String(row[names])}（${number.format(row[fill.name] as number)}）` : `${String(row[names])} (${number.format(row[fill.name] as number)})`);
      colouring += zh ? `：最高${item(sorted[0]!)}，最低${item(sorted[sorted.length - 1]!)}` : `: highest ${item(sorted[0]!)}, lowest ${item(sorted[sorted.length - 1]!)}`;
    }
    const missing = table.rows.filter((row) => row[fill.name] === null || row[fill.name] === undefined).length;
    if (missing > 0 && count > 1) colouring = zh ? `，其中${count - missing}个${colouring}` : `, ${count - missing} of them${colouring}`;
  }
  const many = count > 1 ? (zh ? `${count}${noun.zh}` : `${count} ${noun.en}`) : "";
  if (zh) {
    if (title) return `地图：${title}。${many}${colouring}${many || colouring ? "。" : ""}`;
    return many ? `${many}的地图${colouring ? `，${colouring}` : ""}。` : `地图${colouring ? `，${colouring}` : ""}。`;
  }
  if (title) return `Map: ${title}.${many ? ` ${many[0]!.toUpperCase()}${many.slice(1)}${colouring}.` : colouring ? ` Coloured${colouring.slice(" coloured".length)}.` : ""}`;
  return `Map${many ? ` of ${many}` : ""}${colouring}.`;
}
