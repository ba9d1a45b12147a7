import type { Page } from "playwright-core";

/** Sums every layout-shift entry from now on, those right after input included (CLS leaves those out). */
export const watchShifts = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts += entry.value;
    }).observe({ type: "layout-shift" });
  });

/** The sum so far, read after the next 300 ms (a shift is reported a frame or two after it happens). */
export const shifts = (page: Page): Promise<number> =>
  page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve((window as unknown as { shifts: number }).shifts), 300)));
