import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { withBase } from "./present.ts";
import { staticHostHeaders } from "./static-host-headers.ts";

/** Writes what static hosts read beside the pages: the `_headers` file, for the site's base path. */
export function hostingIntegration(): AstroIntegration {
  let base = "/";
  return {
    name: "plotline:hosting",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = withBase(config.base);
      },
      "astro:build:done": ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), "_headers"), staticHostHeaders(base));
      },
    },
  };
}
