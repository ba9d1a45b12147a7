/**
 * Loads built story pages in headless Chromium as a phone would (390×844, files gzipped over loopback)
 * and records what a reader pays before interacting: bytes and requests by type, when the HTML (with its
 * server-rendered charts) is parsed and painted, and how much the layout shifts.
 */
import type { Browser } from "playwright-core";

export interface PageMeasure {
  page: string;
  javascript: boolean;
  requests: number;
  /** Bytes over the wire (gzipped bodies plus headers), by kind of resource. */
  bytes: { html: number; css: number; js: number; other: number; total: number };
  /** Figures on the page, and how many of them hold an SVG chart. */
  figures: number;
  figuresWithSvg: number;
  /** Milliseconds from navigation start. */
  responseEndMs: number;
  /** HTML parsed: every server-rendered chart is in the page by then. */
  domInteractiveMs: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
}

const kindOf = (type: string | undefined): keyof PageMeasure["bytes"] =>
  type === "Document" ? "html" : type === "Stylesheet" ? "css" : type === "Script" ? "js" : "other";

export async function measurePage(browser: Browser, url: string, javascript: boolean): Promise<PageMeasure> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: javascript,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const types = new Map<string, string>();
  const bytes = { html: 0, css: 0, js: 0, other: 0, total: 0 };
  let requests = 0;
  let cumulativeLayoutShift = 0;
  let largestContentfulPaintMs = 0;
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  cdp.on("Network.responseReceived", (event) => void types.set(event.requestId, event.type));
  cdp.on("Network.loadingFinished", (event) => {
    const kind = kindOf(types.get(event.requestId));
    bytes[kind] += event.encodedDataLength;
    bytes.total += event.encodedDataLength;
    requests++;
  });
  // Layout shifts and paints come from the browser itself, so they are seen with JavaScript off too.
  let navigationStart = 0;
  await cdp.send("PerformanceTimeline.enable", { eventTypes: ["layout-shift", "largest-contentful-paint"] });
  const timeline: { type: string; time: number; value?: number; hadRecentInput?: boolean }[] = [];
  cdp.on("PerformanceTimeline.timelineEventAdded", ({ event }) => {
    timeline.push({
      type: event.type,
      time: event.time,
      value: event.layoutShiftDetails?.value,
      hadRecentInput: event.layoutShiftDetails?.hadRecentInput,
    });
  });

  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(500);
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByType("paint").find((entry) => entry.name === "first-contentful-paint");
    return {
      origin: performance.timeOrigin,
      responseEnd: navigation.responseEnd,
      domInteractive: navigation.domInteractive,
      firstContentfulPaint: paint?.startTime ?? 0,
      figures: document.querySelectorAll("figure.plotline-figure").length,
      figuresWithSvg: [...document.querySelectorAll("figure.plotline-figure")].filter((figure) => figure.querySelector(".plotline-chart svg[role='img']")).length,
    };
  });
  navigationStart = timing.origin / 1000;
  for (const entry of timeline) {
    if (entry.type === "layout-shift" && !entry.hadRecentInput) cumulativeLayoutShift += entry.value ?? 0;
    if (entry.type === "largest-contentful-paint") largestContentfulPaintMs = Math.max(largestContentfulPaintMs, (entry.time - navigationStart) * 1000);
  }
  await context.close();
  return {
    page: new URL(url).pathname,
    javascript,
    requests,
    bytes,
    figures: timing.figures,
    figuresWithSvg: timing.figuresWithSvg,
    responseEndMs: timing.responseEnd,
    domInteractiveMs: timing.domInteractive,
    firstContentfulPaintMs: timing.firstContentfulPaint,
    largestContentfulPaintMs,
    cumulativeLayoutShift,
  };
}
