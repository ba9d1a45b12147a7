import { createHash } from "node:crypto";
import { join } from "node:path";
import type { CachedChart, ChartCache } from "../chart/chart-cache.ts";
import type { CompiledChart } from "../compiled-chart.ts";
import { encodeCheckedEntry, readCheckedEntry } from "./checked-entry.ts";
import { readStoredText, storedFilesPresent, storeFile } from "./file-store.ts";
import { writeStoryCacheFile } from "./story-cache-file.ts";

/** Where a project keeps drawn charts, relative to its root. */
export const chartCacheDir = ".plotline/cache/charts";

const ENTRY_KIND = "plotline-chart-cache 1";

/** The files a chart publishes beside its page, as an entry keeps them: their site path and stored file. */
type StoredAsset = { path: string; file: string };

/** A chart as an entry keeps it: its text in the file store (file-store.ts), the rest as it was. */
interface Entry {
  chart: Omit<CompiledChart, "html" | "chartMarkup" | "asset" | "csv" | "svg" | "png"> & {
    html: string;
    chartMarkup: string;
    asset?: StoredAsset;
    csv?: StoredAsset;
    svg?: StoredAsset;
  };
  warnings: string[];
}

const ASSETS = ["asset", "csv", "svg"] as const;

/**
 * The project's chart cache (chart/chart-cache.ts), one small entry per chart in .plotline/cache/charts/
 * and the chart's figure, drawing and files in the file store, where publishing the story puts them
 * anyway (so keeping a chart costs one small file). `salt` is what every chart of these compiles shares
 * and a key does not cover: the engine's source and dependencies, and the compile's options.
 *
 * A chart whose entry or stored files are missing or changed on disk is drawn again. Charts with a PNG
 * download are never offered (chartCacheKey), since a build draws those PNGs later, elsewhere.
 */
export function chartCacheStore(root: string, salt: string): ChartCache {
  const entryFile = (key: string) => {
    const name = storeKey(salt, key);
    return join(root, chartCacheDir, name.slice(0, 2), `${name.slice(2)}.bin.gz`);
  };
  return {
    get(key) {
      const entry = readCheckedEntry<Entry>(ENTRY_KIND, entryFile(key));
      if (!entry) return undefined;
      const { chart, warnings } = entry;
      const stored = [chart.html, chart.chartMarkup, ...ASSETS.flatMap((name) => (chart[name] ? [chart[name].file] : []))];
      if (!storedFilesPresent(root, stored)) return undefined;
      try {
        const compiled: CompiledChart = { ...chart, html: readStoredText(root, chart.html), chartMarkup: readStoredText(root, chart.chartMarkup) } as CompiledChart;
        for (const name of ASSETS) {
          const asset = chart[name];
          if (asset) compiled[name] = { path: asset.path, content: readStoredText(root, asset.file) };
        }
        return { chart: compiled, warnings };
      } catch {
        // A stored file changed since: drawn again.
        return undefined;
      }
    },
    set(key, { chart, warnings }: CachedChart) {
      // Only text is kept: a PNG would be drawn later, elsewhere (chartCacheKey offers none).
      if (chart.png || ASSETS.some((name) => chart[name] && typeof chart[name].content !== "string")) return;
      try {
        const { html, chartMarkup, asset: _asset, csv: _csv, svg: _svg, ...rest } = chart;
        const entry: Entry = { chart: { ...rest, html: storeFile(root, html), chartMarkup: storeFile(root, chartMarkup) }, warnings };
        for (const name of ASSETS) {
          const asset = chart[name];
          if (asset) entry.chart[name] = { path: asset.path, file: storeFile(root, asset.content as string) };
        }
        writeStoryCacheFile({ file: entryFile(key), bytes: encodeCheckedEntry(ENTRY_KIND, entry) });
      } catch {
        // A cache that cannot be written only costs time on the next compile.
      }
    },
  };
}

const storeKey = (salt: string, key: string): string => createHash("sha256").update(salt).update("\n").update(key).digest("hex").slice(0, 40);
