import { ensureChromium } from "../../scripts/chromium.ts";

/** Browser tests need Debian's Chromium; install it once before any test runs (see scripts/chromium.ts). */
export default function setup(): void {
  ensureChromium();
}
