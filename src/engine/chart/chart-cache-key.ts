import { createHash } from "node:crypto";
import { canonicalText } from "../canonical-text.ts";
import type { ChartContext } from "./chart-context.ts";
import type { PreparedChart } from "./prepare-chart.ts";

/**
 * What decides a chart once it is prepared: the prepared chart (the spec with its id settled and
 * Plotline's additions in, every table it draws with the rows it draws, the inline values) and what
 * drawing and publishing read from the story (language, slug, base path, site), written out with
 * canonicalText and hashed.
 *
 * Undefined, so the chart is drawn and not kept, when the key would miss something: a chart with a PNG
 * download (drawn later, by a build's PNG workers), a map (its rows carry their shapes under a symbol),
 * or anything else that is not plain data.
 */
export function chartCacheKey(prepared: PreparedChart, context: ChartContext): string | undefined {
  if (context.rasterize) return undefined;
  for (const table of prepared.tables.values()) if (table.shapes) return undefined;
  const { rows: _sameAsTablesAndInline, ...decisive } = prepared;
  const text = canonicalText([CHART_CACHE_FORMAT, context.lang, context.storySlug, context.assetBase ?? "/", context.site ?? "", decisive]);
  return text === undefined ? undefined : createHash("sha256").update(text).digest("hex");
}

/** Changed when what a key covers changes (the engine's own source is part of every key besides). */
const CHART_CACHE_FORMAT = "plotline-chart 1";
