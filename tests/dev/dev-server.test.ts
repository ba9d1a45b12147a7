/**
 * The editor's preview, `npm run dev` (astro dev), in a temporary project with tests/sites/dev: a
 * mistake shows an overlay with where it is, fixing it makes the overlay go, a change to a file under
 * data/ redraws the charts that use it, and stories come and go, all without restarting the server.
 * The browser page is never reloaded by the test: Astro reloads it by itself when the content changes.
 */
import { cpSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { createTempProject, repoRoot } from "../support/temp-project.ts";
import { ownNodeModules, startDevServer, until, type DevServer } from "./astro-dev-server.ts";

const site = join(repoRoot, "tests", "sites", "dev");
/** How long Astro may take to notice a saved file and reload the page (it takes about 0.6 s). */
const RELOAD_TIMEOUT = 10_000;

let project: ReturnType<typeof createTempProject> | undefined;
let server: DevServer;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  project = createTempProject(site);
  ownNodeModules(project.root);
  // The overlay links to the project's docs/diagnostics.md.
  cpSync(join(repoRoot, "docs", "diagnostics.md"), join(project.root, "docs", "diagnostics.md"));
  server = await startDevServer(project.root);
  browser = await launchChromium();
  // Short, so that the story scrolls under the overlay.
  const context = await browser.newContext({ viewport: { width: 1000, height: 420 } });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  project?.cleanup();
}, 30_000);

const file = (path: string) => join(project!.root, ...path.split("/"));
const read = (path: string) => readFileSync(file(path), "utf8");
const write = (path: string, text: string) => writeFileSync(file(path), text);
const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, html: await response.text() };
};
const details = () => server.log().slice(-4_000);

/**
 * page.goto, again if Astro's reload of the page we are leaving (sent when the content store changes,
 * up to a second after a save) interrupts it.
 */
async function open(path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${server.url}${path}`);
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes("interrupted by another navigation")) throw error;
    }
  }
}

const overlay = () => page.locator("[data-plotline-dev-overlay]");
/** The text labels of the chart's bars, as the server drew them. */
const chartText = (text: string): Locator => page.locator("figure.plotline-figure svg text").filter({ hasText: new RegExp(`^${text}$`) });

const story = "content/stories/jobs.md";
let original = "";

describe("astro dev", () => {
  it("serves the story with its chart from data/jobs.csv and no overlay", async () => {
    original = read(story);
    await open("/stories/jobs/");
    await chartText("412").first().waitFor({ timeout: RELOAD_TIMEOUT });
    expect(await overlay().count()).toBe(0);
  });

  it("shows an overlay at the top of the window when a column is misspelt, without a reload by the test", async () => {
    const broken = original.replace("barX: {y: city,", "barX: {y: cty,");
    expect(broken).not.toBe(original);
    // Where the editor will look: the line and column of "cty", counted from 1.
    const lines = broken.split("\n");
    const line = lines.findIndex((l) => l.includes("{y: cty,")) + 1;
    const column = lines[line - 1]!.indexOf("cty") + 1;
    write(story, broken);

    await overlay().waitFor({ timeout: RELOAD_TIMEOUT });
    const text = (await overlay().textContent()) ?? "";
    expect(await overlay().locator(".plotline-dev-where").first().textContent()).toBe(`${story}:${line}:${column}`);
    expect(text).toContain("plot/unknown-column");
    expect(text).toContain('Did you mean "city"?');
    expect(text).toMatch(/error/i);
    expect(text).toContain('The columns of "jobs" are "city", "openings".');
    // The code frame: the lines around the mistake, the line marked with ">" and "cty" underlined.
    const frame = (await overlay().locator(".plotline-dev-frame").first().textContent()) ?? "";
    expect(frame).toContain(`> ${line} |`);
    expect(frame).toContain(lines[line - 2]!.trim());
    const marker = frame.split("\n").find((l) => /^\s*\|\s*\^+\s*$/.test(l));
    expect(marker).toBeDefined();
    expect(marker!.indexOf("^") - marker!.indexOf("|") - 2).toBe(column - 1);
    expect(marker!.trim().replace(/^\|\s*/, "")).toBe("^^^");
    // The docs link opens the project's docs/diagnostics.md, served as it is by the dev server.
    const docs = overlay().locator(".plotline-dev-docs a");
    expect(await docs.textContent()).toBe("docs/diagnostics.md#plot-unknown-column");
    const href = (await docs.getAttribute("href")) ?? "";
    expect(href).toBe(`/@fs${project!.root}/docs/diagnostics.md#plot-unknown-column`);
    const served = await fetch(new URL(href, server.url), { headers: { accept: "text/html" } });
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("plot/unknown-column");
    expect(await overlay().locator("details").getAttribute("open")).not.toBeNull();

    // Fixed to the top of the window across its width, and still there when the story is scrolled.
    const box = () => overlay().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, viewport: window.innerWidth, position: getComputedStyle(el).position };
    });
    expect(await box()).toMatchObject({ top: 0, left: 0, position: "fixed" });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const scrolled = await box();
    expect(scrolled.top).toBe(0);
    expect(scrolled.width).toBeGreaterThan(scrolled.viewport * 0.9);
  });

  it("needs no JavaScript for the overlay, and flags the story on the home page", async () => {
    const { html } = await get("/stories/jobs/");
    const markup = /<div class="plotline-dev-overlay[\s\S]*?<\/details><\/div>/.exec(html)?.[0] ?? "";
    expect(markup).toContain("<details open>");
    expect(markup).not.toContain("<script");

    const home = await get("/");
    expect(home.html).toContain("data-plotline-dev-home");
    const item = /<li class="story-item"[^>]*>(?:(?!<\/li>)[\s\S])*Jobs by city(?:(?!<\/li>)[\s\S])*<\/li>/.exec(home.html)?.[0] ?? "";
    expect(item).toMatch(/data-plotline-dev-badge[^>]*>1 error</);
    const notes = /<li class="story-item"[^>]*>(?:(?!<\/li>)[\s\S])*Notes with a warning(?:(?!<\/li>)[\s\S])*<\/li>/.exec(home.html)?.[0] ?? "";
    expect(notes).toMatch(/data-plotline-dev-badge[^>]*>1 warning</);
  });

  it("removes the overlay and draws the chart again when the file is fixed", async () => {
    write(story, original);
    await overlay().waitFor({ state: "detached", timeout: RELOAD_TIMEOUT });
    await chartText("412").first().waitFor({ timeout: RELOAD_TIMEOUT });
    expect(await page.locator("figure.plotline-figure svg").count()).toBeGreaterThan(0);
    expect((await get("/")).html).not.toContain("data-plotline-dev-home");
  });

  it("redraws the chart when a value in data/jobs.csv changes", async () => {
    write("data/jobs.csv", read("data/jobs.csv").replace("Shanghai,412", "Shanghai,987"));
    await chartText("987").first().waitFor({ timeout: RELOAD_TIMEOUT });
    expect(await chartText("412").count()).toBe(0);
    // The data the browser redraws the chart from (tips, keyboard) has the new value too.
    const payload = (await page.locator("figure.plotline-figure script.plotline-spec").first().textContent()) ?? "";
    expect(payload).toContain("987");
    expect(payload).not.toContain("412");
    // Another story reads the file as src="./jobs.csv": it is compiled again too.
    await until("the ranking story to show the new value", async () => /<td[^>]*>987<\/td>/.test((await get("/stories/ranking/")).html), {
      timeout: RELOAD_TIMEOUT,
      details,
    });
  });

  it("shows warnings alone in a lighter overlay that starts closed", async () => {
    await open("/stories/notes/");
    await overlay().waitFor();
    expect(await overlay().getAttribute("class")).toContain("plotline-dev-overlay-warnings");
    expect(await overlay().locator("details").getAttribute("open")).toBeNull();
    expect(await overlay().locator(".plotline-dev-summary").textContent()).toBe("This story has 1 warning");
    await overlay().locator(".plotline-dev-summary").click();
    expect(await overlay().locator(".plotline-dev-where").textContent()).toBe("content/stories/notes.md:12:9");
    expect(await overlay().locator(".plotline-dev-severity").textContent()).toBe("warning");
  });

  it("adds a new story, shows the overlay for broken frontmatter, and removes a deleted story", async () => {
    const path = "content/stories/late-news.md";
    const good = "---\ntitle: Late news\ndek: Added while the server runs.\ndate: 2025-05-01\n---\n\nJust in.\n";
    const statuses: number[] = [];
    const poll = (what: string, check: (r: { status: number; html: string }) => boolean) =>
      until(
        what,
        async () => {
          const result = await get("/stories/late-news/");
          statuses.push(result.status);
          return check(result) ? result : undefined;
        },
        { timeout: RELOAD_TIMEOUT, details },
      );

    write(path, good.replace("date: 2025-05-01", "date: [2025-05-01"));
    const broken = await poll("the new story's page with an overlay", (r) => r.status === 200 && r.html.includes("data-plotline-dev-overlay"));
    expect(broken.html).toContain(`${path}:4:7`);
    expect(broken.html).toContain("story/frontmatter-syntax");
    expect(broken.html).toContain("late-news (the frontmatter has errors)");
    expect((await get("/")).html).toMatch(/late-news \(the frontmatter has errors\)/);

    write(path, good);
    const fixed = await poll("the fixed story", (r) => r.status === 200 && r.html.includes("<h1 class=\"story-title\">Late news</h1>"));
    expect(fixed.html).not.toContain("data-plotline-dev-overlay");

    unlinkSync(file(path));
    await poll("the deleted story's page to be gone", (r) => r.status === 404);
    expect((await get("/")).html).not.toContain("Late news");
    // Never an error page on the way (the page must not route to a story whose body is gone).
    expect(statuses.filter((s) => s !== 200 && s !== 404)).toEqual([]);
  });

  it("checks links and translations across stories as they come and go", async () => {
    const linking = "content/stories/follow-up.md";
    const target = "content/stories/original-report.md";
    const front = (title: string, extra = "") => `---\ntitle: ${title}\ndek: Across stories.\ndate: 2025-05-02\n${extra}---\n\n`;
    const page = (path: string, check: (r: { status: number; html: string }) => boolean, what: string) =>
      until(what, async () => {
        const result = await get(path);
        return check(result) ? result : undefined;
      }, { timeout: RELOAD_TIMEOUT, details });

    // A link to a story that does not exist yet, and a translation that names nothing.
    write(linking, front("Follow-up", "translationOf: original-report-zh\n") + "As [the first report](/stories/original-report/) found.\n");
    const broken = await page("/stories/follow-up/", (r) => r.status === 200 && r.html.includes("link/broken"), "the follow-up's overlay");
    expect(broken.html).toContain("story/unknown-translation");
    expect(broken.html).toContain(`${linking}:8:`);

    // The story it links to arrives: the link error goes, from the other story's page too.
    write(target, front("Original report") + "First.\n");
    const fixed = await page("/stories/follow-up/", (r) => r.status === 200 && !r.html.includes("link/broken"), "the link error to go");
    expect(fixed.html).toContain("story/unknown-translation");

    // And leaves again: the link is broken again without the follow-up being saved.
    unlinkSync(file(target));
    await page("/stories/follow-up/", (r) => r.status === 200 && r.html.includes("link/broken"), "the link error to come back");
    unlinkSync(file(linking));
    await page("/stories/follow-up/", (r) => r.status === 404, "the follow-up to be gone");
  });

  it("did all this without restarting", () => {
    expect(server.log().match(/ready in \d+/g)).toHaveLength(1);
    expect(server.log()).not.toMatch(/Could not compile/);
  });
});
