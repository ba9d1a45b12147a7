import type { Code, Heading, Parent, Root, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile, SourceSpan } from "../diagnostics/source-file.ts";
import type { StoryBlock } from "./story-block.ts";

/** One step of a scrolly section: the chart block that starts it (none for a step begun by ---) and its text. */
export interface ScrollyStep {
  chart?: Code;
  text: RootContent[];
}

export interface ScrollySection {
  kind: "scrolly";
  node: ContainerDirective;
  /** The [label] written after :::scrolly, naming the section for screen readers. */
  label?: string;
  steps: ScrollyStep[];
}

export interface ToggleView {
  chart: Code;
  block: StoryBlock | undefined;
}

export interface ToggleSection {
  kind: "toggle";
  node: ContainerDirective;
  label?: string;
  /** Content before the first view (an introduction, hidden data blocks), shown above the buttons. */
  intro: RootContent[];
  views: ToggleView[];
  /** `default=`: a view's label or chart id; checked once labels are known (see lay-out-sections.ts). */
  defaultView?: { name: string; span: SourceSpan };
  /** The level of the headings that name the views when all are shown: one below the story's last heading. */
  headingLevel: number;
}

export type StorySection = ScrollySection | ToggleSection;

const SECTIONS = ["scrolly", "toggle"] as const;
const sectionAttributes: Record<(typeof SECTIONS)[number], readonly string[]> = { scrolly: [], toggle: ["default"] };

const isSectionName = (name: string): name is (typeof SECTIONS)[number] => (SECTIONS as readonly string[]).includes(name);

/** A :::scrolly or :::toggle container that findStorySections kept: every other container is gone by then. */
export const isStorySection = (node: { type: string; name?: string }): boolean =>
  node.type === "containerDirective" && node.name !== undefined && isSectionName(node.name);

/**
 * Finds the :::scrolly and :::toggle sections of a story and checks how they are written. Any other
 * container directive, and a section where none may be (inside another, a list or a quote), is reported
 * and unwrapped: its content stays in the story as if the ::: lines were not there, so no chart is lost.
 */
export function findStorySections(tree: Root, file: SourceFile, blocks: readonly StoryBlock[]): { sections: StorySection[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sections: StorySection[] = [];
  const blockOf = new Map(blocks.map((block) => [block.node, block]));
  visit(tree, "containerDirective", (node: ContainerDirective, index, parent) => {
    if (!parent || index === undefined) return;
    const opening = openingLine(node, file);
    if (!isSectionName(node.name)) {
      diagnostics.push(diagnostic("section/unknown", { name: node.name, suggestion: didYouMean(node.name, SECTIONS) }, opening.name));
      return unwrap(node, index, parent);
    }
    if (parent !== tree) {
      const inside = isStorySection(parent as { type: string; name?: string }) ? `a :::${(parent as ContainerDirective).name} section` : "a list or a quote";
      diagnostics.push(diagnostic("section/nested", { section: node.name, inside }, opening.name));
      return unwrap(node, index, parent);
    }
    // Markdown lets a section without its closing ":::" run to the end of the story.
    const end = node.position?.end.line;
    if (end !== undefined && !/^\s*:{3,}\s*$/.test(file.lineText(end))) diagnostics.push(diagnostic("section/unclosed", { section: node.name }, opening.name));
    for (const name of Object.keys(node.attributes ?? {})) {
      if (sectionAttributes[node.name].includes(name)) continue;
      const known = sectionAttributes[node.name];
      diagnostics.push(diagnostic("section/unknown-attribute", { section: node.name, name, suggestion: didYouMean(name, known), known }, opening.attribute(name)));
    }
    // The [label] after the name is the first child, marked by the parser.
    const first = node.children[0];
    const label = first?.type === "paragraph" && first.data && "directiveLabel" in first.data ? toString(first).trim() : undefined;
    const content = label === undefined ? node.children : node.children.slice(1);
    const section =
      node.name === "scrolly"
        ? scrolly(node, content, label, file, diagnostics)
        : toggle(node, content, label, tree, index, blockOf, opening, file, diagnostics);
    if (!section) return unwrap(node, index, parent);
    sections.push(section);
    // Its children are checked here: a section inside is reported by the visit going on into it.
    return undefined;
  });
  return { sections, diagnostics };
}

function scrolly(node: ContainerDirective, content: RootContent[], label: string | undefined, file: SourceFile, diagnostics: Diagnostic[]): ScrollySection {
  const steps: ScrollyStep[] = [];
  for (const child of content) {
    if (child.type === "code" && child.lang === "plot") steps.push({ chart: child, text: [] });
    else if (child.type === "thematicBreak") {
      if (steps.length === 0) reportNoChart(child, node, file, diagnostics, steps);
      else steps.push({ text: [] });
    } else if (isSetextUnderline(child, file)) {
      // "Text\n---" without a blank line between is Markdown for a heading; in a scrolly it is text and a new step.
      if (steps.length === 0) reportNoChart(child, node, file, diagnostics, steps);
      steps.at(-1)!.text.push({ type: "paragraph", children: child.children, ...(child.position ? { position: child.position } : {}) });
      steps.push({ text: [] });
    } else {
      if (steps.length === 0) reportNoChart(child, node, file, diagnostics, steps);
      steps.at(-1)!.text.push(child);
    }
  }
  if (steps.length === 0) reportNoChart(undefined, node, file, diagnostics, steps);
  return { kind: "scrolly", node, ...(label ? { label } : {}), steps };
}

const isSetextUnderline = (child: RootContent, file: SourceFile): child is Heading =>
  child.type === "heading" && child.depth === 2 && child.position !== undefined && child.position.end.line > child.position.start.line && /^ {0,3}-+[ \t]*$/.test(file.lineText(child.position.end.line));

/** The first thing in a scrolly section is not a chart block: reported, and a step without a graphic holds it. */
function reportNoChart(child: RootContent | undefined, node: ContainerDirective, file: SourceFile, diagnostics: Diagnostic[], steps: ScrollyStep[]): void {
  const line = child?.position?.start.line ?? node.position?.start.line ?? 1;
  diagnostics.push(diagnostic("section/scrolly-without-chart", {}, file.lineSpan(line)));
  if (child) steps.push({ text: [] });
}

function toggle(
  node: ContainerDirective,
  content: RootContent[],
  label: string | undefined,
  tree: Root,
  index: number,
  blockOf: ReadonlyMap<Code, StoryBlock>,
  opening: ReturnType<typeof openingLine>,
  file: SourceFile,
  diagnostics: Diagnostic[],
): ToggleSection | undefined {
  const intro: RootContent[] = [];
  const views: ToggleView[] = [];
  let reported = false;
  for (const child of content) {
    if (child.type === "code" && child.lang === "plot") {
      views.push({ chart: child, block: blockOf.get(child) });
      continue;
    }
    // A data block not shown as a table puts nothing on the page: it may sit anywhere.
    const hidden = child.type === "code" && child.lang === "data" && !blockOf.get(child)?.flag("show");
    if (views.length > 0 && !hidden && !reported) {
      diagnostics.push(diagnostic("section/toggle-prose-after-view", {}, file.lineSpan(child.position?.start.line ?? 1)));
      reported = true;
    }
    intro.push(child);
  }
  if (views.length < 2 || views.length > 5) {
    diagnostics.push(diagnostic("section/toggle-view-count", { count: views.length }, opening.name));
    return undefined;
  }
  const written = node.attributes?.["default"];
  let headingLevel = 2;
  for (let i = index - 1; i >= 0; i--) {
    const before = tree.children[i]!;
    if (before.type === "heading") {
      headingLevel = Math.min(6, before.depth + 1);
      break;
    }
  }
  return {
    kind: "toggle",
    node,
    ...(label ? { label } : {}),
    intro,
    views,
    ...(typeof written === "string" ? { defaultView: { name: written, span: opening.attribute("default", true) } } : {}),
    headingLevel,
  };
}

/** Puts a container's content where the container was; the visit goes on with that content. */
function unwrap(node: ContainerDirective, index: number, parent: Parent): number {
  parent.children.splice(index, 1, ...(node.children as Parent["children"]));
  return index;
}

/** Spans on a section's opening line (":::toggle{default=2023}"): its name, and each attribute. */
function openingLine(node: ContainerDirective, file: SourceFile) {
  const line = node.position?.start.line ?? 1;
  const text = file.lineText(line);
  const lineStart = file.offsetAt({ line, column: 1 });
  const at = text.indexOf(`:::${node.name}`);
  const whole = file.lineSpan(line);
  return {
    name: at < 0 ? whole : file.span(lineStart + at, lineStart + at + 3 + node.name.length),
    attribute(name: string, valueOnly = false): SourceSpan {
      const braces = text.indexOf("{");
      const match = braces < 0 ? null : new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*=\\s*("[^"]*"|'[^']*'|[^\\s}]*))?`).exec(text.slice(braces));
      if (!match) return whole;
      const start = lineStart + braces + match.index;
      if (!valueOnly || !match[2]) return file.span(start, start + match[0].length);
      const valueStart = start + match[0].length - match[2].length;
      const quoted = /^["']/.test(match[2]);
      return file.span(valueStart + (quoted ? 1 : 0), valueStart + match[2].length - (quoted ? 1 : 0));
    },
  };
}
