import type { Element, ElementContent, Properties } from "hast";
import { h } from "hastscript";
import type { Code, Data, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { CompiledChart } from "../compiled-chart.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import type { ScrollySection, StorySection, ToggleSection } from "./story-sections.ts";

/** Builds the element around a part of the page from the HTML of its content (already sanitised). */
export type Wrapper = (children: ElementContent[]) => Element;

export interface SectionContext {
  file: SourceFile;
  chartOf: (node: Code) => CompiledChart | undefined;
  /**
   * The data of a node that becomes `wrapper(its content)` in the page. The content goes through the
   * story's sanitiser like all prose; the wrapper is Plotline's own markup (roles, ids, classes) and does not.
   */
  wrap: (wrapper: Wrapper) => Data;
}

/**
 * Gives each section its page structure, once its charts are drawn (a view's label defaults to its
 * chart's title). A scrolly section holds its steps in order, each its graphic (a figure) then its text;
 * a step begun by --- has no graphic of its own and keeps the one before. A toggle holds its introduction,
 * a tab list (hidden without JavaScript by no-script.css) and a panel for each view, the default one
 * selected; each panel starts with its label as a heading, shown when all views are (no JavaScript).
 */
export function layOutSections(sections: readonly StorySection[], context: SectionContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let unnamed = 0;
  for (const section of sections) {
    if (section.kind === "scrolly") layOutScrolly(section, context);
    else diagnostics.push(...layOutToggle(section, context, () => `plotline-view-${++unnamed}`));
  }
  return diagnostics;
}

function layOutScrolly(section: ScrollySection, context: SectionContext): void {
  const { wrap, chartOf } = context;
  const steps = section.steps.map((step) => {
    const children: RootContent[] = [];
    const drawn = step.chart && chartOf(step.chart);
    if (step.chart && drawn) children.push(part(wrap((c) => h("div.plotline-step-graphic", c)), [step.chart]));
    // A chart that could not be drawn leaves nothing (its error is reported); its block goes with the text.
    const text = step.chart && !drawn ? [step.chart, ...step.text] : step.text;
    children.push(part(wrap((c) => h("div.plotline-step-text", c)), text));
    return part(wrap((c) => h("div.plotline-step", c)), children);
  });
  section.node.children = steps as ContainerDirective["children"];
  section.node.data = wrap((c) => h("section.plotline-scrolly", { "aria-label": section.label }, c));
}

function layOutToggle(section: ToggleSection, context: SectionContext, unnamedId: () => string): Diagnostic[] {
  const { wrap, chartOf, file } = context;
  const diagnostics: Diagnostic[] = [];
  const views = section.views.map((view) => {
    const compiled = chartOf(view.chart);
    const label = view.block?.attribute("label") ?? compiled?.title ?? compiled?.id ?? view.block?.attribute("id") ?? "";
    const base = compiled?.domId ?? unnamedId();
    return { ...view, compiled, label, tabId: `${base}-tab`, panelId: `${base}-view` };
  });
  const seen = new Set<string>();
  for (const view of views) {
    if (seen.has(view.label)) {
      const span = view.block ? (view.block.attributes.has("label") ? view.block.attributeSpan("label", "value") : view.block.fenceSpan) : file.lineSpan(view.chart.position?.start.line ?? 1);
      diagnostics.push(diagnostic("section/toggle-duplicate-label", { label: view.label }, span));
    }
    seen.add(view.label);
  }
  let selected = 0;
  if (section.defaultView) {
    const { name, span } = section.defaultView;
    const found = views.findIndex((view) => view.label === name || view.compiled?.id === name || view.block?.attribute("id") === name);
    if (found >= 0) selected = found;
    else {
      const known = [...new Set(views.flatMap((view) => [view.label, ...(view.compiled ? [view.compiled.id] : [])]).filter((n) => n !== ""))];
      diagnostics.push(diagnostic("section/toggle-unknown-default", { name, suggestion: didYouMean(name, known), known }, span));
    }
  }
  const tabs = h(
    "div.plotline-tabs",
    { role: "tablist", "aria-label": section.label },
    views.map((view, i) =>
      h(
        "button.plotline-tab",
        { type: "button", role: "tab", id: view.tabId, "aria-controls": view.panelId, "aria-selected": i === selected ? "true" : "false", tabindex: i === selected ? 0 : -1 },
        view.label,
      ),
    ),
  );
  const panels = views.map((view, i) => {
    const props: Properties = { role: "tabpanel", id: view.panelId, "aria-labelledby": view.tabId };
    const heading = h(`h${section.headingLevel}.plotline-view-label`, view.label);
    return part(
      wrap((c) => h(`div.plotline-view${i === selected ? ".plotline-view-selected" : ""}`, props, [heading, ...c])),
      [view.chart],
    );
  });
  const panelList = part(wrap((c) => h("div.plotline-views", c)), panels);
  section.node.children = [...section.intro, panelList] as ContainerDirective["children"];
  // The tab list goes right before the panels, after the introduction.
  section.node.data = wrap((c) => h("section.plotline-toggle", [...c.slice(0, -1), tabs, ...c.slice(-1)]));
  return diagnostics;
}

/** A node of the story's tree that becomes Plotline's markup around `children`. */
const part = (data: Data, children: RootContent[]): RootContent =>
  ({ type: "containerDirective", name: "plotline", attributes: {}, children, data }) as unknown as RootContent;
