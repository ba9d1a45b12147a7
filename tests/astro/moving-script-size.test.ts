/**
 * The script that runs scrolly steps, toggles and highlighting loads with every story page, before the
 * reader does anything: it must stay within 3 KB gzipped. Measured as the build ships it (bundled and
 * minified by esbuild, which Vite uses for the build), without the charts' code, which it must not pull in.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { repoRoot } from "../support/temp-project.ts";

const entries = ["run-scrolly.ts", "switch-toggles.ts", "highlight-series.ts"];

it("the scrolly, toggle and highlight script weighs at most 3 KB gzipped, and imports no chart code", async () => {
  const result = await build({
    stdin: { contents: entries.map((file) => `import "./src/astro/${file}";`).join("\n"), resolveDir: repoRoot, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => !path.startsWith("src/astro/") && path !== "<stdin>")).toEqual([]);
  const gzipped = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
  expect(gzipped).toBeGreaterThan(0);
  expect(gzipped).toBeLessThanOrEqual(3 * 1024);
});
