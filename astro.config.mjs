// The Astro shell around the Plotline engine. Where the site is published (site, base) is set in
// plotline.config.mjs, not here.
import { defineConfig } from "astro/config";
import { base, site } from "./plotline.config.mjs";

// Astro sends anonymous usage data unless told not to; a newsroom build should not phone home.
process.env.ASTRO_TELEMETRY_DISABLED ??= "1";

export default defineConfig({
  site,
  base,
  output: "static",
  // Every page is a folder with an index.html (dist/stories/<slug>/index.html) and every
  // internal link ends in "/", so the site works the same on any static host.
  trailingSlash: "always",
  build: { format: "directory" },
  // The dev toolbar injects client-side JavaScript; Plotline pages have none, in dev too.
  devToolbar: { enabled: false },
});
