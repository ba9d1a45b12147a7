/** The dev overlay's HTML (src/astro/diagnostics-html.ts), without a server. */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { countLabel, devOverlayHtml } from "../../src/astro/diagnostics-html.ts";
import type { Diagnostic } from "../../src/engine/diagnostics/diagnostic.ts";

const source = ["---", "title: A <b>story</b>", "---", "", "```plot data=pay", "marks:", "  - barX: {y: </pre><script>alert(1)</script>, x: pay}", "```", ""].join("\n");

const diagnostic = (overrides: Partial<Diagnostic> = {}): Diagnostic => ({
  code: "plot/unknown-column",
  severity: "error",
  title: "Unknown column",
  message: 'Column "</pre><script>alert(1)</script>" is not in data "pay". Did you mean "city"?',
  hint: 'The columns of "pay" are "city", "<img src=x onerror=alert(2)>".\nNames are case-sensitive.',
  docs: "docs/diagnostics.md#plot-unknown-column",
  span: { file: "content/stories/a&b.md", start: { line: 7, column: 16 }, end: { line: 7, column: 50 } },
  ...overrides,
});

const render = (diagnostics: Diagnostic[], docsHref?: (docs: string) => string) => {
  const html = devOverlayHtml(diagnostics, { source: (file) => (file === "content/stories/a&b.md" ? source : undefined), docsHref });
  return { html, document: parseHTML(`<!doctype html><html><body>${html}</body></html>`).document };
};

describe("the dev overlay", () => {
  it("is empty when there is nothing to say", () => {
    expect(devOverlayHtml([])).toBe("");
  });

  it("escapes everything that comes from files and diagnostics", () => {
    const { html, document } = render([diagnostic()]);
    expect(html).not.toMatch(/<script|<img|<b>|<\/pre><script/);
    expect(document.querySelectorAll("script, img, b")).toHaveLength(0);
    expect(document.querySelector(".plotline-dev-where")?.textContent).toBe("content/stories/a&b.md:7:16");
    expect(document.querySelector(".plotline-dev-message")?.textContent).toContain("<script>alert(1)</script>");
    expect(document.querySelector(".plotline-dev-hint")?.textContent).toContain('<img src=x onerror=alert(2)>');
  });

  it("shows the lines around the position with the position marked, as the terminal does", () => {
    const { document } = render([diagnostic()]);
    const frame = document.querySelector(".plotline-dev-frame")?.textContent ?? "";
    expect(frame).toContain("  5 | ```plot data=pay");
    expect(frame).toContain("> 7 |   - barX: {y: </pre><script>alert(1)</script>, x: pay}");
    const marker = frame.split("\n").find((line) => line.includes("^"))!;
    expect(marker).toBe(`    | ${" ".repeat(15)}${"^".repeat(34)}`);
    expect(document.querySelector(".plotline-dev-frame-focus")?.textContent).toMatch(/^> 7 \|/);
    expect(document.querySelector(".plotline-dev-frame-marker")?.textContent).toBe("^".repeat(34));
  });

  it("has no code frame when the file cannot be read, and says so nowhere else", () => {
    const { document } = render([diagnostic({ span: { file: "data/gone.csv", start: { line: 2, column: 1 }, end: { line: 2, column: 1 } } })]);
    expect(document.querySelector(".plotline-dev-frame")).toBeNull();
    expect(document.querySelector(".plotline-dev-where")?.textContent).toBe("data/gone.csv:2:1");
  });

  it("links to the code's entry in docs/diagnostics.md", () => {
    const link = (docsHref?: (docs: string) => string) => render([diagnostic()], docsHref).document.querySelector(".plotline-dev-docs a");
    expect(link()?.getAttribute("href")).toBe("/docs/diagnostics.md#plot-unknown-column");
    expect(link()?.textContent).toBe("docs/diagnostics.md#plot-unknown-column");
    expect(link((docs) => `/news/@fs/site/${docs}&"`)?.getAttribute("href")).toBe('/news/@fs/site/docs/diagnostics.md#plot-unknown-column&"');
  });

  it("starts open with errors, errors first; warnings alone start closed and are drawn lighter", () => {
    const warning = diagnostic({ severity: "warning", code: "data/mixed-column", docs: "docs/diagnostics.md#data-mixed-column" });
    const both = render([warning, diagnostic(), diagnostic()]).document;
    expect(both.querySelector(".plotline-dev-overlay")?.className).toContain("plotline-dev-overlay-errors");
    expect(both.querySelector("details")?.hasAttribute("open")).toBe(true);
    expect(both.querySelector("summary")?.textContent).toBe("This story has 2 errors and 1 warning");
    expect([...both.querySelectorAll(".plotline-dev-severity")].map((e) => e.textContent)).toEqual(["error", "error", "warning"]);
    expect(both.querySelector(".plotline-dev-overlay")?.getAttribute("role")).toBe("alert");

    const alone = render([warning]).document;
    expect(alone.querySelector(".plotline-dev-overlay")?.className).toContain("plotline-dev-overlay-warnings");
    expect(alone.querySelector("details")?.hasAttribute("open")).toBe(false);
    expect(alone.querySelector("summary")?.textContent).toBe("This story has 1 warning");
    expect(alone.querySelector(".plotline-dev-overlay")?.getAttribute("role")).toBe("status");
  });

  it("is plain HTML: no script, no inline style, no event handler", () => {
    const { document } = render([diagnostic(), diagnostic({ severity: "warning" })]);
    const elements = [...document.querySelectorAll("*")];
    expect(elements.filter((e) => e.localName === "script" || e.localName === "style")).toEqual([]);
    expect(elements.flatMap((e) => e.getAttributeNames().filter((name) => name === "style" || name.startsWith("on")))).toEqual([]);
  });

  it("counts in words", () => {
    expect([countLabel(1, "error"), countLabel(2, "error"), countLabel(0, "warning")]).toEqual(["1 error", "2 errors", "0 warnings"]);
  });
});
