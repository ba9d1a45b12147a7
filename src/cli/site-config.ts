import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ProjectOptions } from "../engine/project/compile-project.ts";
import { readSqlOptions } from "../engine/sql/read-sql-options.ts";
import { readChartPngs } from "../engine/project/image-options.ts";
import { ConfigError, readHouseStyle } from "../engine/project/house-style.ts";
import type { AdditionSwitches } from "../engine/chart/spec/addition-switches.ts";
import type { SqlOptions } from "../engine/sql/story-queries.ts";

/** Where the site is published, from the project's plotline.config.mjs (which reads PLOTLINE_SITE and PLOTLINE_BASE). */
export interface SiteConfig {
  /** "https://news.example.com", or undefined when the project does not say. */
  site?: string;
  /** "/" or "/a/path/". */
  base: string;
  /** The site's name (social cards), when the project sets one. */
  name?: string;
  /** Settings of SQL blocks (`export const sql = { timeout: 30, remote: [] }`), when the project sets any. */
  sql?: SqlOptions;
  /** `export const images = { chartPng: true }`: a PNG of every chart drawn at build time. */
  chartPngs?: boolean;
  /** `export const additions = { endLabels: false }`: the house style, which of Plotline's additions charts get. */
  additions?: AdditionSwitches;
}

export async function readSiteConfig(root: string): Promise<SiteConfig> {
  const path = join(root, "plotline.config.mjs");
  if (!existsSync(path)) return { base: "/" };
  const { site, base, name, sql, images, additions } = (await importConfig(path)) as {
    site?: unknown;
    base?: unknown;
    name?: unknown;
    sql?: unknown;
    images?: unknown;
    additions?: unknown;
  };
  const sqlOptions = readSqlOptions(sql);
  const houseStyle = readHouseStyle(additions);
  return {
    base: typeof base === "string" ? base : "/",
    ...(typeof site === "string" && site !== "" ? { site } : {}),
    ...(typeof name === "string" && name !== "" ? { name } : {}),
    ...(sqlOptions ? { sql: sqlOptions } : {}),
    ...(readChartPngs(images) ? { chartPngs: true } : {}),
    ...(Object.keys(houseStyle).length > 0 ? { additions: houseStyle } : {}),
  };
}

/**
 * How `plotline check` and `plotline build` both compile a project with this configuration: the same
 * options, so a story that passes check compiles alike in the build, and shares its cache entry.
 */
export function projectOptions({ site, base, name, sql, chartPngs, additions }: SiteConfig): ProjectOptions {
  return {
    assetBase: base,
    ...(site ? { site } : {}),
    ...(name ? { siteName: name } : {}),
    ...(sql ? { sql } : {}),
    ...(chartPngs ? { chartPngs } : {}),
    ...(additions ? { additions } : {}),
  };
}

/**
 * plotline.config.mjs as a module. A mistake in it (a typo, a name declared twice) is reported like the
 * config's other mistakes, by a ConfigError that names the line, never as Plotline's own crash.
 */
async function importConfig(path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /plotline\.config\.mjs:(\d+)/.exec(error instanceof Error ? (error.stack ?? "") : "")?.[1];
    throw new ConfigError(
      `plotline.config.mjs${line ? `:${line}` : ""} could not be read: ${message}. Fix the file (it is JavaScript: compare it with the comments at its top), then run the command again.`,
    );
  }
}
