/**
 * Shared set-up of the browser tests: the example site built once per test run (shared-site.ts), served
 * gzipped on loopback (optionally under a Content-Security-Policy), and Debian's Chromium.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/static-server.ts";
import { sharedSite } from "../support/shared-site.ts";
import { repoRoot } from "../support/temp-project.ts";

export const stories = ["ai-talent-demand-2025", "aigc-talent-report-2023"] as const;

/**
 * A policy with no 'unsafe-inline' and no 'unsafe-eval' anywhere. 'wasm-unsafe-eval' lets the search
 * page compile Pagefind's WebAssembly (it allows no JavaScript eval).
 */
export const strictCsp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export interface TestSite {
  url: string;
  cspUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * The example stories (or those of `site`, a folder with content/ and data/, or several: see
 * fixture-site.ts), as readers get them: built by the first browser test that asks for them, then shared
 * (read only) with the others.
 */
export async function openTestSite(site: string | readonly string[] = repoRoot): Promise<TestSite> {
  const built = await sharedSite(site);
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const dist = built.dist;
  const servers: StaticServer[] = [await serveStatic(dist), await serveStatic(dist, { headers: { "Content-Security-Policy": strictCsp } })];
  const browser = await launchChromium();
  return {
    url: servers[0]!.url,
    cspUrl: servers[1]!.url,
    browser,
    close: async () => {
      await browser.close();
      for (const server of servers) await server.close();
    },
  };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  /** Console warnings seen so far. */
  warnings: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; javascript?: boolean; colorScheme?: "light" | "dark" } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    javaScriptEnabled: options.javascript ?? true,
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
    if (message.type() === "warning") warnings.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, context, problems, warnings };
}

/** Cumulative layout shift so far, from the browser's own layout-shift entries. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}
