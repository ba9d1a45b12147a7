// The Astro shell around the Plotline engine. Where the site is published (site, base) is set in
// plotline.config.mjs, not here.
import { defineConfig } from "astro/config";
import { base, site } from "./plotline.config.mjs";
import { hostingIntegration } from "./src/astro/hosting-integration.ts";
import { plotlineIntegration } from "./src/astro/plotline-integration.ts";
import { sitemapIntegration } from "./src/astro/sitemap.ts";

// Astro sends anonymous usage data unless told not to; a newsroom build should not phone home.
process.env.ASTRO_TELEMETRY_DISABLED ??= "1";

export default defineConfig({
  site,
  base,
  output: "static",
  // Every page is a folder with an index.html (dist/stories/<slug>/index.html) and every
  // internal link ends in "/", so the site works the same on any static host.
  trailingSlash: "always",
  // The dev toolbar injects client-side JavaScript of its own; pages should behave in dev as they will live.
  devToolbar: { enabled: false },
  // Never inline CSS as <style>: a strict Content-Security-Policy (no 'unsafe-inline') must hold.
  build: { format: "directory", inlineStylesheets: "never" },
  // Nor scripts: Astro would put a small page script without imports (the search page's) inline.
  vite: { build: { assetsInlineLimit: 0 } },
  // Astro's cache (content store) stays inside the project, not in node_modules, which may be shared.
  cacheDir: "./.plotline/astro-cache",
  integrations: [plotlineIntegration(), hostingIntegration(), sitemapIntegration()],
});
