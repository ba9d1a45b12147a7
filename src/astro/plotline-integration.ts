import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { storyRegistry } from "./story-registry.ts";

const ASSET_PREFIX = "_plotline/";

/**
 * Serves (in dev) and writes (in a build) the files compiled stories need beside their pages: the
 * spec and data of charts too large to inline. The content loader puts them in the story registry.
 */
export function plotlineIntegration(): AstroIntegration {
  let base = "/";
  return {
    name: "plotline",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? "").split("?")[0] ?? "");
          if (!path.startsWith(`${base}${ASSET_PREFIX}`)) return next();
          const content = storyRegistry().assets.get(path.slice(base.length));
          if (content === undefined) return next();
          response.setHeader("Content-Type", "application/json; charset=utf-8");
          response.end(content);
        });
      },
      "astro:build:done": ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const [path, content] of storyRegistry().assets) {
          const file = join(outDir, ...path.split("/"));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      },
    },
  };
}
