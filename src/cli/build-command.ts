import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CompiledStory } from "../engine/compile-story.ts";
import { precompiledStoriesKey } from "../engine/project/compile-project.ts";
import { compileProjectInWorkers } from "../engine/project/compile-in-workers.ts";
import { plural, printDiagnostics } from "./print-diagnostics.ts";


/**
 * `plotline build`: checks and compiles every story first (so every problem is reported at once, with
 * positions and no stack trace), then lets Astro build the pages into a temporary folder, and only
 * replaces dist/ when that succeeded, so a failed build never leaves a broken or half-written site.
 */
export async function buildCommand(root: string): Promise<number> {
  const started = performance.now();
  const { base } = (await import(pathToFileURL(join(root, "plotline.config.mjs")).href)) as { base: string };
  const project = await compileProjectInWorkers(root, { assetBase: base });
  const counts = printDiagnostics(root, project.diagnostics, (text) => process.stderr.write(text));
  const charts = project.stories.reduce((n, s) => n + s.charts.length, 0);
  if (counts.errors > 0) {
    process.stderr.write(
      `Build failed: ${plural(counts.errors, "error")}${counts.warnings ? ` and ${plural(counts.warnings, "warning")}` : ""} in ${plural(project.stories.length, "story").replace("storys", "stories")}. dist/ was left as it was.\n`,
    );
    return 1;
  }
  process.stdout.write(
    `Compiled ${plural(project.stories.length, "story").replace("storys", "stories")} with ${plural(charts, "chart")} in ${((performance.now() - started) / 1000).toFixed(2)} s` +
      `${counts.warnings ? ` (${plural(counts.warnings, "warning")})` : ""}.\n`,
  );

  (globalThis as Record<symbol, unknown>)[precompiledStoriesKey] = new Map<string, CompiledStory>(project.stories.map((s) => [s.path, s]));
  const workDir = join(root, ".plotline");
  const stagingDir = join(workDir, `dist-${process.pid}`);
  const outDir = join(root, "dist");
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    const { build } = await import("astro");
    await build({ root, outDir: stagingDir, logLevel: "warn" });
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    process.stderr.write(`Build failed while writing pages: ${error instanceof Error ? error.message : String(error)}\ndist/ was left as it was.\n`);
    return 1;
  } finally {
    delete (globalThis as Record<symbol, unknown>)[precompiledStoriesKey];
  }
  const previous = join(workDir, `previous-dist-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  rmSync(previous, { recursive: true, force: true });
  process.stdout.write(`Built the site into dist/ in ${((performance.now() - started) / 1000).toFixed(2)} s.\n`);
  return 0;
}
