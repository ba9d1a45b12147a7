/**
 * The yardstick (issue 12 §5): Observable Plot's own snapshot tests (its repository's test/plots/, at the
 * Plot version Plotline ships), restated as Plotline stories, and compared with Plot's golden output by
 * the shapes each mark draws.
 *
 * tests/yardstick/<case>/ holds
 *   story.md    the chart restated as a Plotline story, data by src= from tests/yardstick/data/
 *   plot.svg    Plot's golden output for the test (plot.html when Plot's test draws a legend), copied unchanged
 *   case.json   {"plot": "test/plots/….ts", "test": "<function name>", "families": [...], "needs"?: "<feature>"}
 * tests/yardstick/expected.json holds the last measured result of every case; it is written only by
 * `PLOTLINE_UPDATE_YARDSTICK=1` (the test, or `node scripts/yardstick.ts`), never by hand.
 *
 * A chart is compared mark by mark: each mark group (an element Plot labels with aria-label, Plotline
 * with data-label, that sits inside no other labelled element), axes, grids and pointer tips aside, in the
 * order drawn, with the number of shapes in it (path, rect, circle, line, text, image, polygon, polyline,
 * ellipse, use; markers, clip paths and patterns aside). A case matches when both lists are equal.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { compileStory } from "../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../src/engine/data/node-data-files.ts";
import type { MarkSpec } from "../../src/engine/chart/spec/chart-spec.ts";

export const yardstickDir = join(import.meta.dirname, "..", "yardstick");
export const expectedPath = join(yardstickDir, "expected.json");
/** The share of cases that draw what Plot draws, among the cases that wait for no feature, that the yardstick aims at. */
export const AIM = 0.9;

export interface CaseInfo {
  /** Plot's test file, e.g. test/plots/crimean-war-line.ts. */
  plot: string;
  /** The exported function of that file, whose golden output is test/output/<test>.svg or .html. */
  test: string;
  families: string[];
  /**
   * A feature the story uses that Plotline's main branch does not have yet. Such a case counts as not
   * matching, whatever it draws, until the feature is merged and this key removed.
   */
  needs?: string;
}

export interface MarkGroup {
  label: string;
  shapes: number;
}

export interface CaseResult {
  name: string;
  info: CaseInfo;
  matches: boolean;
  /** Why not, when it does not match. */
  reason?: string;
  ours: MarkGroup[];
  plot: MarkGroup[];
  /** Codes of the warnings the story compiled with (e.g. data/mixed-column where "NaN" made a column text). */
  warnings: string[];
}

export interface ExpectedFile {
  plotVersion: string;
  /** Matching cases / all cases. */
  share: number;
  /** Matching cases / cases that need no feature still to come. */
  readyShare: number;
  cases: Record<string, { matches: boolean; reason?: string; needs?: string; ours: string; plot: string }>;
}

export function caseNames(): string[] {
  return readdirSync(yardstickDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(yardstickDir, entry.name, "story.md")))
    .map((entry) => entry.name)
    .sort();
}

export function caseInfo(name: string): CaseInfo {
  return JSON.parse(readFileSync(join(yardstickDir, name, "case.json"), "utf8")) as CaseInfo;
}

const SHAPES = new Set(["path", "rect", "circle", "line", "text", "image", "polygon", "polyline", "ellipse", "use"]);
/** Shapes inside these draw nothing by themselves (they are referred to by the mark's shapes). */
const NOT_DRAWN = new Set(["marker", "clippath", "pattern", "defs", "mask", "lineargradient", "radialgradient", "title", "style"]);
const AXIS_OR_GRID = /(^|-)(axis|grid)\b/;

function countShapes(element: Element): number {
  let count = 0;
  const name = element.localName.toLowerCase();
  if (NOT_DRAWN.has(name)) return 0;
  if (SHAPES.has(name)) count++;
  for (const child of element.children) count += countShapes(child);
  return count;
}

/**
 * The mark groups of a chart's SVG, in the order drawn. `attribute` is aria-label in Plot's output and
 * data-label in Plotline's (Plotline moves the labels, see tidy-plot-element.ts).
 */
export function markGroups(svg: Element, attribute: "aria-label" | "data-label"): MarkGroup[] {
  const groups: MarkGroup[] = [];
  const walk = (element: Element) => {
    for (const child of element.children) {
      const label = child.getAttribute(attribute);
      if (label === null) {
        walk(child);
        continue;
      }
      if (AXIS_OR_GRID.test(label) || label === "tip") continue;
      groups.push({ label, shapes: countShapes(child) });
    }
  };
  walk(svg);
  return groups;
}

/** The chart's own SVG in a markup that may also hold legends: the one with the most labelled elements. */
function chartSvg(markup: string, attribute: "aria-label" | "data-label"): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${markup.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
  const svgs = [...document.querySelectorAll("svg")] as Element[];
  let best: Element | undefined;
  let most = -1;
  for (const svg of svgs) {
    const labelled = svg.querySelectorAll(`[${attribute}]`).length;
    if (labelled >= most) {
      best = svg;
      most = labelled;
    }
  }
  if (!best) throw new Error("no <svg> in the markup");
  return best;
}

/** Plot's golden output for a case: plot.svg, or plot.html for charts with a legend. */
export function goldenGroups(name: string): MarkGroup[] {
  const svgPath = join(yardstickDir, name, "plot.svg");
  const path = existsSync(svgPath) ? svgPath : join(yardstickDir, name, "plot.html");
  return markGroups(chartSvg(readFileSync(path, "utf8"), "aria-label"), "aria-label");
}

/**
 * Marks Plotline adds to a chart of its own accord, which are not Plot's: the end-of-line labels of
 * lines coloured by category (color-cues.ts). They are left on in the stories and left out of the comparison.
 */
export const isPlotlineAddition = (mark: MarkSpec): boolean =>
  mark.mark === "text" &&
  mark.options["ariaHidden"] === true &&
  mark.transforms.length === 1 &&
  mark.transforms[0]!.name === "selectLast";

const AXIS_MARK = /^(axis|grid)/;

export const describeGroups = (groups: MarkGroup[]): string => groups.map((g) => `${g.label} ${g.shapes}`).join(", ") || "none";

export function runCase(name: string): CaseResult {
  const info = caseInfo(name);
  const plot = goldenGroups(name);
  // A golden with no mark group would make any chart without marks "match".
  if (plot.length === 0) throw new Error(`${name}: Plot's golden output has no mark group`);
  const text = readFileSync(join(yardstickDir, name, "story.md"), "utf8");
  const story = compileStory({ path: `content/stories/${name.toLowerCase()}.md`, text }, { dataFiles: nodeDataFiles(join(yardstickDir, "data")) });
  const errors = story.diagnostics.filter((d) => d.severity === "error");
  const chart = story.charts[0];
  const warnings = [...new Set(story.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code))];
  const fail = (reason: string, ours: MarkGroup[] = []): CaseResult => ({
    name,
    info,
    matches: false,
    reason: info.needs ? `needs: ${info.needs} (${reason})` : reason,
    ours,
    plot,
    warnings,
  });
  if (errors.length > 0 || !chart) {
    const first = errors[0];
    return fail(first ? `${first.code}: ${first.message.split("\n")[0]}` : "no chart");
  }
  let ours = markGroups(chartSvg(chart.chartMarkup, "data-label"), "data-label");
  // Leave out the groups of marks Plotline added (one group per mark, axes and grids aside).
  const drawnMarks = chart.spec.marks.filter((mark) => !AXIS_MARK.test(mark.mark));
  if (drawnMarks.length === ours.length) ours = ours.filter((_, index) => !isPlotlineAddition(drawnMarks[index]!));
  const differences: string[] = [];
  for (let i = 0; i < Math.max(ours.length, plot.length); i++) {
    const a = ours[i];
    const b = plot[i];
    if (a && b && a.label === b.label && a.shapes === b.shapes) continue;
    differences.push(`mark ${i + 1}: Plotline ${a ? `${a.label} ${a.shapes}` : "nothing"}, Plot ${b ? `${b.label} ${b.shapes}` : "nothing"}`);
  }
  // A story that uses a feature still to come counts as not matching even when the shapes happen to agree
  // (main may draw it wrongly but with as many shapes): remove `needs` from case.json once the feature is in.
  if (differences.length === 0) return info.needs ? fail("shapes already agree", ours) : { name, info, matches: true, ours, plot, warnings };
  return fail(`shapes differ: ${differences.join("; ")}`, ours);
}

export function summarise(results: CaseResult[], plotVersion: string): ExpectedFile {
  const matching = results.filter((r) => r.matches).length;
  const ready = results.filter((r) => !r.info.needs);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    plotVersion,
    share: round(matching / results.length),
    readyShare: round(ready.filter((r) => r.matches).length / ready.length),
    cases: Object.fromEntries(
      results.map((r) => [
        r.name,
        {
          matches: r.matches,
          ...(r.reason !== undefined ? { reason: r.reason } : {}),
          ...(r.info.needs !== undefined ? { needs: r.info.needs } : {}),
          ours: describeGroups(r.ours),
          plot: describeGroups(r.plot),
        },
      ]),
    ),
  };
}

export const readmePath = join(import.meta.dirname, "..", "..", "README.md");
const README_START = "<!-- yardstick:start -->";
const README_END = "<!-- yardstick:end -->";

/** The README's figures, from a recorded result: written between the yardstick markers, checked by the test. */
export function readmeFigures(expected: ExpectedFile): string {
  const cases = Object.entries(expected.cases);
  const matching = cases.filter(([, c]) => c.matches).length;
  const ready = cases.filter(([, c]) => c.needs === undefined);
  const readyMatching = ready.filter(([, c]) => c.matches).length;
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines = [
    `**${matching} of the ${cases.length} cases (${percent(expected.share)}) draw as many shapes as Plot ${expected.plotVersion} in every mark group;`,
    `${readyMatching} of the ${ready.length} that use no feature still to come (${percent(expected.readyShare)}).**`,
  ];
  const different = ready.filter(([, c]) => !c.matches);
  if (different.length > 0) lines.push(`Not matching: ${different.map(([name, c]) => `\`${name}\` (${c.reason ?? ""})`).join("; ")}.`);
  const waiting = new Map<string, number>();
  for (const [, c] of cases) for (const feature of c.needs?.split("; ") ?? []) waiting.set(feature, (waiting.get(feature) ?? 0) + 1);
  if (waiting.size > 0) {
    const waitingCases = cases.length - ready.length;
    lines.push(
      `The other ${waitingCases} use features still to come and count as not matching until they arrive: ` +
        `${[...waiting].map(([feature, n]) => `${feature} (${n})`).join(", ")}.`,
    );
  }
  return lines.join("\n");
}

/** The README with its yardstick figures replaced by `figures`, or undefined when it has no markers. */
export function readmeWithFigures(readme: string, figures: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${figures}\n${readme.slice(end)}`;
}

export function plotVersion(): string {
  const packagePath = join(import.meta.dirname, "..", "..", "node_modules", "@observablehq", "plot", "package.json");
  return (JSON.parse(readFileSync(packagePath, "utf8")) as { version: string }).version;
}
