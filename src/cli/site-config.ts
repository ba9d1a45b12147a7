import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ProjectOptions } from "../engine/project/compile-project.ts";

/** Where the site is published, from the project's plotline.config.mjs (which reads PLOTLINE_SITE and PLOTLINE_BASE). */
export interface SiteConfig {
  /** "https://news.example.com", or undefined when the project does not say. */
  site?: string;
  /** "/" or "/a/path/". */
  base: string;
  /** The site's name (social cards), when the project sets one. */
  name?: string;
}

export async function readSiteConfig(root: string): Promise<SiteConfig> {
  const path = join(root, "plotline.config.mjs");
  if (!existsSync(path)) return { base: "/" };
  const { site, base, name } = (await import(pathToFileURL(path).href)) as { site?: unknown; base?: unknown; name?: unknown };
  return {
    base: typeof base === "string" ? base : "/",
    ...(typeof site === "string" && site !== "" ? { site } : {}),
    ...(typeof name === "string" && name !== "" ? { name } : {}),
  };
}

/**
 * How `plotline check` and `plotline build` both compile a project with this configuration: the same
 * options, so a story that passes check compiles alike in the build, and shares its cache entry.
 */
export function projectOptions({ site, base, name }: SiteConfig): ProjectOptions {
  return { assetBase: base, ...(site ? { site } : {}), ...(name ? { siteName: name } : {}) };
}
