/**
 * The forms that move in the example stories, on the example site every browser test shares (built once
 * per run): the English story's scrolly section (three states of the pay ladder) follows the reader at
 * phone and desktop widths, and the Chinese story's toggle (年龄 / 学历与经验) switches by mouse and
 * keyboard, says so to screen readers, and moves nothing.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe-violations.ts";
import { shifts, watchShifts } from "./layout-shifts.ts";
import { openPage, openTestSite, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
}, 300_000);
afterAll(async () => site?.close());

const english = () => `${site.url}stories/ai-talent-demand-2025/`;
const chinese = () => `${site.url}stories/aigc-talent-report-2023/`;
/** The chart each step of the English scrolly brings: Shanghai's income, then the ¥500,000 line, then the top offers. */
const LADDER = ["chart-pay-ladder-shanghai", "chart-pay-ladder-500k", "chart-the-ai-pay-bar-more-than"];

const liveRegion = (page: Page) => page.locator(".plotline-sr-only[aria-live=polite]").textContent();

describe.each([390, 1200])("the English story's scrolly section at %i px", (width) => {
  it("shows each step's chart of the pay ladder, in the window, as the reader scrolls to the step, and says what it shows", async () => {
    const height = width < 400 ? 844 : 900;
    const { page, context, problems } = await openPage(site.browser, english(), { width, height });
    const texts = page.locator(".plotline-scrolly .plotline-step-text");
    expect(await texts.count()).toBe(LADDER.length);
    await watchShifts(page);
    for (const [i, expected] of LADDER.entries()) {
      await texts.nth(i).evaluate((text) => text.scrollIntoView({ block: "center" }));
      const active = () =>
        page.locator(".plotline-scrolly .plotline-step-graphic.plotline-active").evaluateAll((graphics) =>
          graphics.map((g) => `${g.querySelector("figure")?.id} ${getComputedStyle(g).opacity}`),
        );
      await expect.poll(active, { timeout: 5_000 }).toEqual([`${expected} 1`]);
      const box = (await page.locator(`#${expected}`).evaluate((figure) => figure.closest(".plotline-step-graphic")!.getBoundingClientRect().toJSON())) as DOMRect;
      expect(box.top).toBeGreaterThanOrEqual(-1);
      expect(box.bottom).toBeLessThanOrEqual(height + 1);
      if (i > 0) {
        const title = await page.locator(`#${expected} .plotline-title`).textContent();
        await expect.poll(() => liveRegion(page)).toContain(title!.trim());
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Changing the graphic moves nothing on the page.
    expect(await shifts(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

it("a keyboard reader who tabs into a state not shown yet (its data, its downloads) is shown that state", async () => {
  const { page, context } = await openPage(site.browser, english(), { width: 1200, height: 900 });
  const [, second] = LADDER;
  // Focus the link just before the second state's first link, then Tab into it.
  await page.locator(`#${second} a, #${second} summary, #${second} button`).first().evaluate((first) => {
    const all = [...document.querySelectorAll<HTMLElement>("a[href], button, summary, [tabindex='0']")];
    all[all.indexOf(first as HTMLElement) - 1]!.focus();
  });
  await page.keyboard.press("Tab");
  expect(await page.evaluate((id) => document.activeElement?.closest("figure")?.id, second)).toBe(second);
  const active = () => page.locator(".plotline-scrolly .plotline-step-graphic.plotline-active figure").evaluateAll((figures) => figures.map((f) => f.id));
  await expect.poll(active, { timeout: 5_000 }).toEqual([second]);
  await context.close();
});

describe("the Chinese story's toggle", () => {
  const selected = (page: Page) => page.locator(".plotline-tabs [role=tab][aria-selected=true]").textContent();
  /** The titles of the toggle's views a reader can see. */
  const shownViews = (page: Page) =>
    page.locator(".plotline-toggle figure.plotline-figure").evaluateAll((figures) =>
      figures.filter((f) => f.checkVisibility({ visibilityProperty: true, opacityProperty: true })).map((f) => f.querySelector(".plotline-title")?.textContent?.trim()),
    );
  const AGE = "AIGC人才中35岁以上者超过三分之一";
  const EXPERIENCE = "近八成AIGC人才工作超过3年";

  it.each([390, 1200])("switches views by click and by arrow keys at %i px, tells screen readers the new view, and moves nothing", async (width) => {
    const { page, context, problems } = await openPage(site.browser, chinese(), { width });
    await page.locator(".plotline-toggle").evaluate((toggle) => toggle.scrollIntoView({ block: "center" }));
    expect(await page.getByRole("tab").allTextContents()).toEqual(["年龄", "学历与经验"]);
    expect(await selected(page)).toBe("年龄");
    expect(await shownViews(page)).toEqual([AGE]);
    const next = page.locator(".plotline-toggle ~ *").first();
    const before = await next.boundingBox();
    await watchShifts(page);
    await page.getByRole("tab", { name: "学历与经验" }).click();
    expect(await selected(page)).toBe("学历与经验");
    expect(await shownViews(page)).toEqual([EXPERIENCE]);
    await expect.poll(() => liveRegion(page)).toMatch(new RegExp(`^${EXPERIENCE}。华夫图`));
    await page.keyboard.press("ArrowLeft");
    expect(await selected(page)).toBe("年龄");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("年龄");
    expect(await shownViews(page)).toEqual([AGE]);
    await expect.poll(() => liveRegion(page)).toMatch(new RegExp(`^${AGE}。点图`));
    await page.keyboard.press("ArrowRight");
    expect(await selected(page)).toBe("学历与经验");
    expect(await shownViews(page)).toEqual([EXPERIENCE]);
    await page.keyboard.press("ArrowRight");
    expect(await selected(page)).toBe("年龄");
    expect(await next.boundingBox()).toEqual(before);
    expect(await shifts(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

it("without JavaScript, both stories show every state: each chart of the pay ladder with its text, and both views of the toggle under their labels", async () => {
  const shown = async (url: string, selector: string) => {
    const { page, context } = await openPage(site.browser, url, { width: 390, javascript: false });
    const found = await page.locator(selector).evaluateAll((elements) =>
      elements.filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })).map((e) => e.id || e.textContent?.trim()),
    );
    await context.close();
    return found;
  };
  expect(await shown(english(), ".plotline-scrolly figure.plotline-figure")).toEqual(LADDER);
  expect(await shown(chinese(), ".plotline-toggle :is(.plotline-view-label, .plotline-tabs)")).toEqual(["年龄", "学历与经验"]);
  expect((await shown(chinese(), ".plotline-toggle figure.plotline-figure")).length).toBe(2);
});

describe.each(["light", "dark"] as const)("in %s mode at 390 px", (colorScheme) => {
  it("the example stories have no WCAG 2.2 A/AA violations with the scrolly on its second step and the toggle on its second view", async () => {
    for (const url of [english(), chinese()]) {
      const { page, context } = await openPage(site.browser, url, { width: 390, colorScheme });
      const step = page.locator(".plotline-scrolly .plotline-step-text").nth(1);
      if (await step.count()) {
        await step.evaluate((text) => text.scrollIntoView({ block: "center" }));
        await expect.poll(() => page.locator(".plotline-step-graphic.plotline-active figure").getAttribute("id")).toBe(LADDER[1]);
      } else {
        await page.getByRole("tab").nth(1).click();
      }
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
