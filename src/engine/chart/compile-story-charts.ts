import type { CompiledChart } from "../compiled-chart.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { ChartContext } from "./chart-context.ts";
import { compileChart, type ChartTimings } from "./compile-chart.ts";

/** The attribute of a chart block that makes it a variant of another chart (a state of a story that moves). */
export const EXTENDS_ATTRIBUTE = "extends";

export interface StoryCharts {
  /** The charts that could be drawn, in the story's order, each with its block. */
  charts: { block: StoryBlock; chart: CompiledChart }[];
  diagnostics: Diagnostic[];
  timings: ChartTimings;
}

/**
 * Compiles a story's chart blocks. Charts of their own come first, in the story's order, then variants
 * (extends=) once the chart they extend has been drawn, round after round, so a variant may come before
 * its base in the story and extend another variant; and ids made from a title the variant inherits
 * number after the base's (`cities-2`). A variant whose base has errors is left out silently (the base
 * reports them); one naming no chart, or in a circle of variants, is reported at its extends=.
 */
export function compileStoryCharts(plotBlocks: readonly StoryBlock[], context: Omit<ChartContext, "usedIds" | "bases">): StoryCharts {
  const usedIds = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const timings: ChartTimings = { check: 0, render: 0, html: 0, images: 0 };
  const compiled = new Map<StoryBlock, CompiledChart>();
  const blockOfId = new Map<string, StoryBlock>();
  const basesOf = new Map<StoryBlock, StoryBlock[]>();
  const compile = (block: StoryBlock, bases: StoryBlock[]) => {
    const result = compileChart(block, { ...context, usedIds, ...(bases.length > 0 ? { bases } : {}) });
    diagnostics.push(...result.diagnostics);
    for (const key of Object.keys(timings) as (keyof ChartTimings)[]) timings[key] += result.timings[key];
    if (!result.chart) return;
    compiled.set(block, result.chart);
    usedIds.add(result.chart.id);
    blockOfId.set(result.chart.id, block);
    basesOf.set(block, bases);
  };

  let variants: StoryBlock[] = [];
  for (const block of plotBlocks) {
    if (block.attributes.has(EXTENDS_ATTRIBUTE)) variants.push(block);
    else compile(block, []);
  }
  for (let progress = true; progress && variants.length > 0; ) {
    progress = false;
    const waiting: StoryBlock[] = [];
    for (const variant of variants) {
      const base = blockOfId.get(variant.attribute(EXTENDS_ATTRIBUTE) ?? "");
      if (base === undefined) {
        waiting.push(variant);
        continue;
      }
      compile(variant, [base, ...(basesOf.get(base) ?? [])]);
      progress = true;
    }
    variants = waiting;
  }
  diagnostics.push(...unresolvedVariants(variants, [...usedIds, ...(context.reservedIds ?? [])]));

  const charts = plotBlocks.filter((block) => compiled.has(block)).map((block) => ({ block, chart: compiled.get(block)! }));
  return { charts, diagnostics: withoutRepeats(diagnostics), timings };
}

/**
 * The variants whose base was never drawn: those naming no chart, and those in a circle, are reported;
 * the rest extend a chart with errors of its own (or a variant of one), already reported. A circle is
 * reported once, at the extends= of its first chart in the story.
 */
function unresolvedVariants(variants: readonly StoryBlock[], knownIds: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = [...new Set(knownIds)];
  /** Variants of a circle already reported: a circle is one problem, shown once, at its first chart in the story. */
  const inReportedCycle = new Set<StoryBlock>();
  const waitingById = new Map(variants.flatMap((block) => (block.attribute("id") === undefined ? [] : [[block.attribute("id")!, block] as const])));
  for (const variant of variants) {
    const baseId = variant.attribute(EXTENDS_ATTRIBUTE) ?? "";
    const span = variant.attributeSpan(EXTENDS_ATTRIBUTE, "value");
    if (!known.includes(baseId)) {
      // A chart cannot extend itself: its own id is no candidate.
      const others = known.filter((id) => id !== variant.attribute("id"));
      diagnostics.push(diagnostic("plot/unknown-base", { id: baseId, suggestion: didYouMean(baseId, others), known: others }, span));
      continue;
    }
    if (inReportedCycle.has(variant)) continue;
    const cycle = [variant.attribute("id") ?? baseId];
    const seen = new Set<StoryBlock>([variant]);
    for (let next = waitingById.get(baseId); next; next = waitingById.get(next.attribute(EXTENDS_ATTRIBUTE) ?? "")) {
      cycle.push(next.attribute("id")!);
      if (next === variant) {
        diagnostics.push(diagnostic("plot/extends-cycle", { cycle }, span));
        for (const member of seen) inReportedCycle.add(member);
        break;
      }
      // A circle this variant only leads into is reported at its own members.
      if (seen.has(next)) break;
      seen.add(next);
    }
  }
  return diagnostics;
}

/** Each diagnostic once: a variant that inherits a key with a warning would otherwise repeat its base's at the same place. */
function withoutRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.span.file}:${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
