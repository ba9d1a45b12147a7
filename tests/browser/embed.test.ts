/**
 * Chart embeds in Chromium, as another site shows them: the example site is built for
 * https://news.example.org/newsroom/ and served from /newsroom/ with its own _headers (the site's
 * Content-Security-Policy); a host page on another origin (another port) holds the embed code copied
 * from the story page. The iframe must take its content's height, follow it when the host gets narrow,
 * ignore height messages from anything but itself, show tips, and log no error.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/static-server.ts";
import { sharedSite } from "../support/shared-site.ts";
import { publishedAt, repoRoot } from "../support/temp-project.ts";
import { openPage } from "./site-browser.ts";

const BASE = "/newsroom/";
const SITE = "https://news.example.org";
const STORY = "ai-talent-demand-2025";
/** A bar chart with tips, and a chart with a legend, of the English example story. */
const BARS = "ai-job-ads-jumped-by-more";
const LEGEND = "half-of-ai-jobs-want-a";

/** A copy of the example site's dist/ (built once per run, shared-site.ts), to which this file adds an impostor page. */
let dist: string;
let hostDir: string;
let site: StaticServer;
let host: StaticServer;
let browser: Browser;
/** The site's origin on the test machine, which stands in for SITE. */
let siteOrigin: string;

/** Each chart's embed code as the story page offers it (read by the browser), pointed at the test server instead of SITE. */
async function embedCodes(): Promise<Map<string, string>> {
  const page = await browser.newPage();
  await page.goto(`${site.url}stories/${STORY}/`);
  const codes = await page.locator("textarea.plotline-embed-code").evaluateAll((fields) => fields.map((f) => [f.id, (f as HTMLTextAreaElement).value]));
  await page.close();
  return new Map(codes.map(([id, code]) => [id!.replace(/^chart-|-embed-code$/g, ""), code!.replaceAll(SITE, siteOrigin)]));
}

const hostPage = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>A host</title><link rel="icon" href="data:,"><style>body { margin: 0; font: 16px/1.5 serif } main { max-width: 720px; margin: 0 auto; padding: 0 16px }</style></head>` +
  `<body><main><h1>Another newspaper</h1><p>Its own words before the chart.</p>${body}<p>And after it.</p></main></body></html>`;

beforeAll(async () => {
  const built = await sharedSite(repoRoot, publishedAt(BASE, SITE));
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  dist = mkdtempSync(join(tmpdir(), "plotline-embed-site-"));
  cpSync(built.dist, dist, { recursive: true });
  // A page of the site itself that claims to be the chart: it may size its own frame, never the chart's.
  writeFileSync(join(dist, "impostor.html"), '<!doctype html><title>impostor</title><script src="impostor.js"></script>');
  writeFileSync(
    join(dist, "impostor.js"),
    `setInterval(() => parent.postMessage({ type: "plotline:height", id: "${STORY}/${BARS}", height: 3000 }, "*"), 50);`,
  );
  site = await serveStatic(dist, { base: BASE, hostHeaders: true });
  siteOrigin = new URL(site.url).origin;

  browser = await launchChromium();
  const codes = await embedCodes();
  const embedCode = (chart: string) => codes.get(chart) ?? "";
  hostDir = mkdtempSync(join(tmpdir(), "plotline-host-"));
  host = await serveStatic(hostDir);
  // A frame of the host's own origin that posts heights too.
  writeFileSync(
    join(hostDir, "stranger.html"),
    `<!doctype html><title>stranger</title><script>setInterval(() => parent.postMessage({ type: "plotline:height", id: "${STORY}/${BARS}", height: 5 }, "*"), 50)</script>`,
  );
  writeFileSync(
    join(hostDir, "index.html"),
    hostPage(
      embedCode(BARS) +
        `<iframe id="stranger" src="stranger.html" title="stranger" width="300" height="80"></iframe>` +
        `<iframe id="impostor" src="${siteOrigin}${BASE}impostor.html" title="impostor" width="300" height="80"></iframe>` +
        embedCode(LEGEND),
    ),
  );
  // A host that adds the script only once the iframe has loaded (as some CMSs do): the frame is asked again.
  const [frame, script] = embedCode(BARS).split("</iframe>");
  const scriptUrl = /src="([^"]+)"/.exec(script ?? "")?.[1];
  writeFileSync(
    join(hostDir, "late.html"),
    hostPage(
      `${frame}</iframe><script>document.querySelector("iframe").addEventListener("load", () => setTimeout(() => {` +
        `const script = document.createElement("script"); script.src = ${JSON.stringify(scriptUrl)}; document.body.append(script); }, 1000));</script>`,
    ),
  );
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

/** The embed's iframe for a chart, and its document. */
async function embedFrame(page: Page, chart: string): Promise<{ frame: Frame; height: () => Promise<number> }> {
  const iframe = page.locator(`iframe[src$="/embed/${STORY}/${chart}/"]`);
  await iframe.scrollIntoViewIfNeeded();
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await frame.waitForLoadState("load");
  return { frame, height: async () => (await iframe.boundingBox())!.height };
}

/** How tall the embed page's content is, and how far it scrolls, inside its frame. */
const contentOf = (frame: Frame) =>
  frame.evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));

/** Waits until the iframe is as tall as its content (within 2 px) and returns that height. */
async function fitted(page: Page, chart: string): Promise<number> {
  const { frame, height } = await embedFrame(page, chart);
  await expect
    .poll(async () => Math.abs((await height()) - (await contentOf(frame)).content), { timeout: 10_000 })
    .toBeLessThanOrEqual(2);
  const { scrollHeight, viewport } = await contentOf(frame);
  // Nothing to scroll inside the frame: the whole chart shows.
  expect(scrollHeight).toBeLessThanOrEqual(viewport + 1);
  return height();
}

describe("a chart embedded on another site", () => {
  it("is served to be framed: the site's policy, without frame-ancestors or X-Frame-Options", async () => {
    const response = await fetch(`${site.url}embed/${STORY}/${BARS}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/frame-ancestors|'unsafe-inline'|'unsafe-eval'/);
    expect(response.headers.get("x-frame-options")).toBeNull();
    // Story pages are not for other sites' frames.
    expect((await fetch(`${site.url}stories/${STORY}/`)).headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(new URL(host.url).origin).not.toBe(siteOrigin);
  });

  it("takes the height of its content, and again when the host page gets narrow", async () => {
    const { page, context, problems } = await openPage(browser, host.url, { width: 1200, height: 900 });
    const wide = await fitted(page, BARS);
    const { frame } = await embedFrame(page, BARS);
    expect(await frame.locator(".plotline-wide").isVisible()).toBe(true);
    // The other chart has a legend and its own height: each frame gets its own.
    const legend = await fitted(page, LEGEND);
    expect(Math.abs(legend - wide)).toBeGreaterThan(10);

    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await fitted(page, BARS);
    expect(await frame.locator(".plotline-narrow").isVisible()).toBe(true);
    expect(narrow).not.toBeCloseTo(wide, 0);
    await fitted(page, LEGEND);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("ignores height messages from other frames, the host's own origin or the site's", async () => {
    const { page, context, problems } = await openPage(browser, host.url, { width: 1200, height: 900 });
    const height = await fitted(page, BARS);
    // The impostor (a page of the site) and the stranger have been posting 3000 and 5 all along.
    await page.waitForTimeout(500);
    const { frame } = await embedFrame(page, BARS);
    expect(Math.abs(height - (await contentOf(frame)).content)).toBeLessThanOrEqual(2);
    expect(await page.locator("#stranger").evaluate((e: HTMLIFrameElement) => [e.style.height, e.clientHeight])).toEqual(["", 80]);
    // The host page itself cannot resize the chart by posting to itself either.
    await page.evaluate(() => window.postMessage({ type: "plotline:height", height: 3000 }, "*"));
    await page.waitForTimeout(200);
    expect(Math.abs((await page.locator(`iframe[src$="/${BARS}/"]`).boundingBox())!.height - height)).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("is sized by a script the host adds after the frame has loaded", async () => {
    const { page, context, problems } = await openPage(browser, `${host.url}late.html`, { width: 1200, height: 900 });
    await fitted(page, BARS);
    expect(await page.locator("iframe").first().evaluate((e: HTMLIFrameElement) => e.style.height)).not.toBe("");
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("shows tips inside the frame, under the site's Content-Security-Policy, with no console error", async () => {
    const { page, context, problems } = await openPage(browser, host.url, { width: 1200, height: 900 });
    const { frame } = await embedFrame(page, BARS);
    await frame.locator(".plotline-wide g[data-label=bar] rect").last().hover();
    await expect.poll(async () => (await frame.locator('g[data-label="tip"]').allTextContents()).join(" "), { timeout: 10_000 }).toContain("122.5");
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("without JavaScript shows the whole chart at the height the embed code gives it", async () => {
    const { page, context } = await openPage(browser, host.url, { width: 1200, height: 900, javascript: false });
    const { frame, height } = await embedFrame(page, BARS);
    const given = Number(await page.locator(`iframe[src$="/${BARS}/"]`).getAttribute("height"));
    expect(await height()).toBe(given);
    // The estimate leaves no scroll bar at a host column of 720 px, and not much empty space.
    const { content } = await contentOf(frame);
    expect(given).toBeGreaterThanOrEqual(content);
    expect(given - content).toBeLessThan(40);
    expect(await frame.locator(".plotline-wide svg").isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it("links back to the chart in the story, in the top window", async () => {
    const { page, context } = await openPage(browser, host.url, { width: 1200, height: 900 });
    const { frame } = await embedFrame(page, BARS);
    const credit = frame.locator(".plotline-embed-credit a");
    expect(await credit.getAttribute("target")).toBe("_top");
    await Promise.all([page.waitForURL(`${site.url}stories/${STORY}/#chart-${BARS}`), credit.click()]);
    expect(await page.locator(`#chart-${BARS}`).isVisible()).toBe(true);
    await context.close();
  }, 60_000);
});

describe("the embed code on the story page", () => {
  it("is copied with the Copy button, which says so to screen readers, in the story's language", async () => {
    for (const [slug, copied] of [
      [STORY, "Copied"],
      ["aigc-talent-report-2023", "已复制"],
    ] as const) {
      const { page, context, problems } = await openPage(browser, `${site.url}stories/${slug}/`, { width: 1200 });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteOrigin });
      const embed = page.locator("details.plotline-embed").first();
      await embed.locator("summary").click();
      const code = await embed.locator("textarea").inputValue();
      expect(code).toMatch(new RegExp(`^<iframe src="${SITE}${BASE}embed/${slug}/[a-z0-9-]+/" title="[^"]+" width="100%" height="\\d+"`));
      expect(code).toContain(`<script src="${SITE}${BASE}_plotline/embed.js" async></script>`);
      await embed.locator("button.plotline-copy").click();
      await expect.poll(() => embed.locator("[role=status]").textContent()).toBe(copied);
      expect(await embed.locator("[role=status]").getAttribute("aria-live")).toBe("polite");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it("without JavaScript is there to select by hand, with no dead Copy button", async () => {
    const { page, context } = await openPage(browser, `${site.url}stories/${STORY}/`, { width: 1200, javascript: false });
    const embed = page.locator("details.plotline-embed").first();
    await embed.locator("summary").click();
    expect(await embed.locator("textarea").isVisible()).toBe(true);
    expect(await embed.locator("textarea").inputValue()).toContain(`${SITE}${BASE}embed/${STORY}/`);
    expect(await embed.locator("button.plotline-copy").isVisible()).toBe(false);
    await context.close();
  }, 60_000);
});
