import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const files = { displayRoot: "data", read: () => undefined, list: () => [] };
const FRONT = "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n";
const DATA = "```data id=pay\ncity,a\nBeijing,31\nShanghai,29\n```\n\n";
/** Lines before the story's body: diagnostics are reported by line in the body. */
const BODY_LINE = FRONT.split("\n").length - 1 + DATA.split("\n").length - 1;
const chart = (id: string, extra = "", title = `Title ${id}`) =>
  `\`\`\`plot data=pay id=${id}${extra}\ntitle: ${title}\nalt: Alt of ${id}.\nmarks:\n  - barX: {x: a, y: city}\n\`\`\``;
const compile = (body: string) => compileStory({ path: "content/stories/t.md", text: `${FRONT}${DATA}${body}\n` }, { dataFiles: files, site: "https://news.example.org" });
const page = (body: string) => {
  const story = compile(body);
  return { story, document: parseHTML(`<!doctype html><html><body>${story.html}</body></html>`).document };
};
const found = (body: string) => compile(body).diagnostics.map((d) => `${d.code} ${d.span.start.line - BODY_LINE}:${d.span.start.column}-${d.span.end.column}`);

describe("a scrolly section", () => {
  const SCROLLY = [":::scrolly", chart("one"), "Step **one**.", "", chart("two"), "Step two.", "", "---", "", "Step three, :value[pay.a]{city=Beijing}.", ":::"].join("\n");

  it("becomes its steps in order, each its graphic (a chart's whole figure) then its text", () => {
    const { story, document } = page(SCROLLY);
    expect(story.diagnostics).toEqual([]);
    const steps = [...document.querySelectorAll("section.plotline-scrolly > .plotline-step")];
    expect(steps.map((step) => [...step.children].map((part) => part.className))).toEqual([
      ["plotline-step-graphic", "plotline-step-text"],
      ["plotline-step-graphic", "plotline-step-text"],
      ["plotline-step-text"],
    ]);
    expect(steps.map((step) => step.querySelector("figure.plotline-figure")?.id)).toEqual(["chart-one", "chart-two", undefined]);
    expect(steps.map((step) => step.querySelector(".plotline-step-text > p")!.firstChild!.textContent)).toEqual(["Step ", "Step two.", "Step three, "]);
    expect(steps[2]!.querySelector(".plotline-value data")!.textContent).toBe("31");
    expect(steps[0]!.querySelector("strong")?.textContent).toBe("one");
  });

  it("keeps each chart as any chart: its own id, data table, downloads and embed code", () => {
    const { story, document } = page(SCROLLY);
    expect(story.charts.map((c) => c.id)).toEqual(["one", "two"]);
    for (const id of ["one", "two"]) {
      const figure = document.getElementById(`chart-${id}`)!;
      expect(figure.querySelector("details.plotline-chart-data table")).not.toBeNull();
      expect(figure.querySelector("a.plotline-download-csv")).not.toBeNull();
      expect(figure.querySelector(".plotline-embed")).not.toBeNull();
    }
  });

  it('starts a step at a line of "---" written right under the text, which Markdown would read as a heading', () => {
    const { story, document } = page([":::scrolly", chart("one"), "First.", "---", "Second.", ":::"].join("\n"));
    expect(story.diagnostics).toEqual([]);
    expect(document.querySelector("section.plotline-scrolly h2")).toBeNull();
    expect([...document.querySelectorAll(".plotline-step-text")].map((t) => t.textContent.trim())).toEqual(["First.", "Second."]);
  });

  it("names the section for screen readers with the [label] written after :::scrolly", () => {
    const { document } = page([":::scrolly[How pay grew]", chart("one"), "First.", ":::"].join("\n"));
    expect(document.querySelector("section.plotline-scrolly")!.getAttribute("aria-label")).toBe("How pay grew");
    expect(document.querySelector(".plotline-step-text")!.textContent.trim()).toBe("First.");
  });

  it("sanitises its prose like any other: a script typed into a step is dropped", () => {
    const { document } = page([":::scrolly", chart("one"), "", '<script>alert(1)</script><p onclick="x()">Hi</p>', ":::"].join("\n"));
    expect(document.querySelector("script:not(.plotline-spec)")).toBeNull();
    expect(document.querySelector("[onclick]")).toBeNull();
  });

  it("is an error when it does not start with a chart block, and the text is still shown", () => {
    expect(found([":::scrolly", "Text first.", "", chart("one"), "After.", ":::"].join("\n"))).toEqual(["section/scrolly-without-chart 2:1-12"]);
    expect(found([":::scrolly", ":::"].join("\n"))).toEqual(["section/scrolly-without-chart 1:1-11"]);
    const { document } = page([":::scrolly", "Text first.", "", chart("one"), "After.", ":::"].join("\n"));
    expect(document.querySelector(".plotline-step-text")!.textContent).toContain("Text first.");
  });
});

describe("a toggle", () => {
  const views = (head = ":::toggle", a = ' label="2021"', b = ' label="2023"') => [head, "Pick a year.", "", chart("y2021", a), "", chart("y2023", b), ":::"].join("\n");

  it("becomes a tab list before one panel per view, each panel holding its chart's figure under its label", () => {
    const { story, document } = page(views());
    expect(story.diagnostics).toEqual([]);
    const section = document.querySelector("section.plotline-toggle")!;
    expect([...section.children].map((c) => c.className)).toEqual(["", "plotline-tabs", "plotline-views"]);
    expect(section.firstElementChild!.textContent).toBe("Pick a year.");
    const tabs = [...section.querySelectorAll(".plotline-tabs[role=tablist] > button[role=tab][type=button]")];
    expect(tabs.map((t) => t.textContent)).toEqual(["2021", "2023"]);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute("aria-controls")!)!;
      expect(panel.getAttribute("role")).toBe("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel.querySelector(".plotline-view-label")!.textContent).toBe(tab.textContent);
      expect(panel.querySelectorAll("figure.plotline-figure")).toHaveLength(1);
    }
    expect(story.charts.map((c) => c.domId)).toEqual(["chart-y2021", "chart-y2023"]);
  });

  it("selects the first view unless default= names another, by label or by chart id", () => {
    const selected = (body: string) => {
      const { document } = page(body);
      const tabs = [...document.querySelectorAll("[role=tab]")];
      return {
        tabs: tabs.map((t) => `${t.textContent}:${t.getAttribute("aria-selected")}:${t.getAttribute("tabindex")}`),
        panels: [...document.querySelectorAll(".plotline-view.plotline-view-selected")].map((p) => p.id),
      };
    };
    expect(selected(views())).toEqual({ tabs: ["2021:true:0", "2023:false:-1"], panels: ["chart-y2021-view"] });
    expect(selected(views(':::toggle{default="2023"}'))).toEqual({ tabs: ["2021:false:-1", "2023:true:0"], panels: ["chart-y2023-view"] });
    expect(selected(views(":::toggle{default=y2023}"))).toEqual({ tabs: ["2021:false:-1", "2023:true:0"], panels: ["chart-y2023-view"] });
  });

  it("names a view without label= by its chart's title", () => {
    const { document } = page(views(":::toggle", "", ""));
    expect([...document.querySelectorAll("[role=tab]")].map((t) => t.textContent)).toEqual(["Title y2021", "Title y2023"]);
  });

  it("heads each view one level under the story's last heading", () => {
    expect(page(views()).document.querySelector(".plotline-view-label")!.tagName).toBe("H2");
    expect(page(`### Pay\n\n${views()}`).document.querySelector(".plotline-view-label")!.tagName).toBe("H4");
  });

  it("is an error with fewer than 2 or more than 5 views, and its charts are shown as ordinary charts", () => {
    expect(found([":::toggle", chart("a"), ":::"].join("\n"))).toEqual(["section/toggle-view-count 1:1-10"]);
    const six = [":::toggle", ...["a", "b", "c", "d", "e", "f"].map((id) => chart(id, ` label=${id}`)), ":::"].join("\n");
    expect(found(six)).toEqual(["section/toggle-view-count 1:1-10"]);
    const { document } = page([":::toggle", chart("a"), ":::"].join("\n"));
    expect(document.querySelector(".plotline-toggle")).toBeNull();
    expect(document.querySelector("figure#chart-a")).not.toBeNull();
  });

  it("is an error when default= names no view, suggesting the closest", () => {
    const story = compile(views(':::toggle{default="2032"}'));
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line - BODY_LINE}:${d.span.start.column}-${d.span.end.column}`)).toEqual(["section/toggle-unknown-default 1:20-24"]);
    expect(story.diagnostics[0]!.message).toBe('default="2032" names none of this toggle\'s views. Did you mean "2023"?');
  });

  it("is an error when two views have the same label", () => {
    expect(found(views(":::toggle", ' label="Pay"', ' label="Pay"'))).toEqual(["section/toggle-duplicate-label 11:34-37"]);
  });

  it("is an error when text comes after its first view", () => {
    expect(found([":::toggle", chart("a"), "Between.", "", chart("b"), ":::"].join("\n"))).toEqual(["section/toggle-prose-after-view 8:1-9"]);
  });

  it("lets a data block that shows nothing sit between views", () => {
    expect(found([":::toggle", chart("a"), "", "```data id=more\nx,y\n1,2\n```", "", chart("b"), ":::"].join("\n"))).toEqual([]);
  });
});

describe("sections written wrongly", () => {
  it("warns about an unknown section, suggesting the closest, and shows its content as ordinary story content", () => {
    const story = compile([":::scroly", chart("one"), "Text.", ":::"].join("\n"));
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line - BODY_LINE}:${d.span.start.column}-${d.span.end.column}`)).toEqual(["section/unknown 1:1-10"]);
    expect(story.diagnostics[0]!.message).toContain('Did you mean "scrolly"?');
    expect(story.html).toContain('id="chart-one"');
    expect(story.html).toContain("<p>Text.</p>");
    expect(story.html).not.toContain(":::");
  });

  it("is an error to put a section inside another, or inside a list or a quote", () => {
    const toggle = [":::toggle", chart("a", " label=A"), chart("b", " label=B"), ":::"];
    expect(found(["::::scrolly", chart("one"), "Text.", "", ...toggle, "::::"].join("\n"))).toEqual(["section/nested 10:1-10"]);
    const quoted = toggle.join("\n").split("\n").map((line) => `> ${line}`).join("\n");
    expect(found(quoted)).toEqual(["section/nested 1:3-12"]);
    expect(found(`- item\n\n  ${toggle.join("\n").split("\n").join("\n  ")}`)).toEqual(["section/nested 3:3-12"]);
  });

  it("is an error to leave a section without its closing line, which would take in the rest of the story", () => {
    expect(found([":::scrolly", chart("one"), "Text.", "", "## Later", "", "More."].join("\n"))).toEqual(["section/unclosed 1:1-11"]);
    expect(found([":::scrolly", chart("one"), "Text.", ":::"].join("\n"))).toEqual([]);
  });

  it("warns about an attribute a section does not take, suggesting the closest", () => {
    const body = [':::toggle{defualt="B"}', chart("a", " label=A"), chart("b", " label=B"), ":::"].join("\n");
    expect(found(body)).toEqual(["section/unknown-attribute 1:11-22"]);
    expect(compile(body).diagnostics[0]!.message).toContain('Did you mean "default"?');
  });
});
