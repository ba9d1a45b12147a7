import type { Cell, ColumnType, DataTable, Row } from "../data/data-table.ts";
import type { StoryData } from "../data/story-data.ts";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { isNameTooLong, MAX_NAME_BYTES, nameBytes, shortenName } from "../story/name-limit.ts";
import type { ChartContext } from "./chart-context.ts";
import { checkChannelTypes } from "./checks/check-channel-types.ts";
import { checkChartAddresses } from "./checks/check-chart-addresses.ts";
import { checkChartData } from "./checks/check-chart-data.ts";
import { checkChartExpressions } from "./checks/check-chart-expressions.ts";
import { checkChartHighlight } from "./checks/check-chart-highlight.ts";
import { checkChartMaps } from "./checks/check-chart-maps.ts";
import { checkChartValues } from "./checks/check-chart-values.ts";
import { checkDrawnChart } from "./checks/drawn/check-drawn-chart.ts";
import { checkFormatTypes } from "./checks/check-format-types.ts";
import { deriveChartColumns } from "./data/derive-chart-columns.ts";
import { filterChartRows } from "./data/filter-chart-rows.ts";
import { typeInlineData } from "./data/inline-data.ts";
import { addAdditions } from "./defaults/additions.ts";
import { withShapeNameTips } from "./defaults/shape-name-tip.ts";
import { additionsOn, type AdditionsOn } from "./spec/addition-switches.ts";
import { describeChart } from "./publish/describe-chart.ts";
import type { ChartData } from "./render/spec-to-plot.ts";
import { type ChartSpec, type MarkSpec, chartDataIds, markDataId } from "./spec/chart-spec.ts";
import { parseChartSpec } from "./spec/parse-chart-spec.ts";

/** A chart block read, checked and made ready to draw: the first stage of compileChart. */
export interface PreparedChart {
  /** The spec as the editor wrote it (its id settled). */
  spec: ChartSpec;
  /** The spec to draw: expressions turned into columns, Plotline's defaults added, alt text set. */
  drawn: ChartSpec;
  /** Every table the chart draws from, by data id (inline lists of rows under "~" + mark index). */
  tables: Map<string, DataTable>;
  /** Inline lists of plain values, by their "~" id. */
  inline: Map<string, (Row | Cell)[]>;
  /** The rows of both, as Plot gets them. */
  rows: ChartData;
  /** For each data id, the columns its expressions read (the spec names only the computed columns). */
  sources: ReadonlyMap<string, ReadonlySet<string>>;
  /** DOM id of the figure in the story page. */
  domId: string;
  /** Which of Plotline's additions are on for this chart (its `plotline:` over the house style). */
  additions: AdditionsOn;
  /** The values its `highlight:` column can light (as data-key writes them), for the prose's :mark[…]; empty without one. */
  highlightKeys: string[];
}

const validId = /^[a-z][a-z0-9-]*$/;

/** Reads and checks one chart block: diagnostics, and the chart ready to draw unless it has errors. */
export function prepareChart(block: StoryBlock, context: ChartContext): { prepared?: PreparedChart; diagnostics: Diagnostic[] } {
  const parsed = parseChartSpec(block, context.bases);
  const diagnostics = [...parsed.diagnostics];
  const { spec, locate } = parsed;
  if (!spec) return { diagnostics };

  const explicitId = block.attribute("id");
  if (explicitId !== undefined && !validId.test(explicitId)) {
    const suggestion = shortenName(explicitId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "")) || "chart";
    diagnostics.push(diagnostic("plot/invalid-id", { id: explicitId, suggestion }, block.attributeSpan("id", "value")));
  } else if (explicitId !== undefined && isNameTooLong(explicitId)) {
    const suggestion = shortenName(explicitId);
    diagnostics.push(diagnostic("plot/id-too-long", { length: nameBytes(explicitId), max: MAX_NAME_BYTES, suggestion }, block.attributeSpan("id", "value")));
  } else if (explicitId !== undefined && context.usedIds.has(explicitId)) {
    diagnostics.push(diagnostic("plot/duplicate-id", { id: explicitId }, block.attributeSpan("id", "value")));
  } else if (explicitId === undefined) {
    spec.id = freeId(spec.id, context);
  }

  // A chart on data that could not be read would only add "no such data" to the data's own error.
  const usesFailedData = chartDataIds(spec).some((id) => context.failedData?.has(id));
  if (usesFailedData) return { diagnostics };
  diagnostics.push(
    ...checkChartData(spec, block, context.data, locate, parsed.markPaths),
    ...checkChartValues(spec, locate, parsed.markPaths),
    ...checkChartMaps(spec, context.data, locate, parsed.markPaths),
    ...checkChartExpressions(spec, context.data, locate, parsed.locateText, parsed.markPaths),
    ...checkChartAddresses(spec, context.data, locate, parsed.markPaths),
    ...checkFormatTypes(spec, context.data, locate, parsed.markPaths),
    ...checkChannelTypes(spec, context.data, locate, parsed.markPaths),
  );
  // A mark that could not be read may be the one drawing the highlight column: its error says enough.
  const highlight = hasErrors(diagnostics) ? { diagnostics: [], keys: [] } : checkChartHighlight(spec, context.data, locate, parsed.highlightPath ?? ["highlight"]);
  diagnostics.push(...highlight.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  // Embeds on partners' sites and links from other stories keep working only while the id does (said
  // once the chart has no errors: those come first).
  if (explicitId === undefined && spec.figure.title === undefined) {
    diagnostics.push(diagnostic("plot/positional-id", { id: spec.id, suggestion: suggestedId(block, spec, context) }, block.fenceSpan));
  }

  // Inline lists are typed like data blocks and then referred to by an id of their own ("~" + mark index),
  // so the spec stays plain JSON and the browser gets the typed values with the rest of the data.
  const inline = new Map<string, (Row | Cell)[]>();
  const tables = new Map<string, DataTable>();
  spec.marks.forEach((mark, index) => {
    if (!Array.isArray(mark.data)) return;
    const id = `~${index}`;
    const typed = typeInlineData(id, mark.data, scaleTypeOf(spec, mark, context.data));
    mark.data = id;
    if (typed.table.rows.length > 0) tables.set(id, typed.table);
    else inline.set(id, typed.values);
  });
  for (const id of chartDataIds(spec)) {
    if (tables.has(id) || inline.has(id)) continue;
    const table = context.data.get(id)?.table;
    if (table) tables.set(id, table);
  }
  // A chart's own filter (a state of a story that moves) keeps rows of its data=: the drawing, the payload,
  // the table and the CSV all hold just those.
  const filtered = filterChartRows(spec, tables);
  // Expressions (computed channels, filters, sort keys) become columns of values, here, once: from now
  // on the spec names plain columns, and the browser, the CSV and the tips see the values.
  const derived = deriveChartColumns(filtered.spec, tables);
  if (filtered.sources.size > 0 && spec.data !== undefined) {
    derived.sources.set(spec.data, new Set([...(derived.sources.get(spec.data) ?? []), ...filtered.sources]));
  }
  for (const [id, table] of derived.tables) tables.set(id, table);
  // Plotline's additions where the editor chose nothing and switched none off (defaults/additions.ts).
  const additions = additionsOn(context.additions, parsed.additions);
  // Tips over a map's shapes name the shape: not an addition, like the rest of Plotline's tips.
  const drawn = withShapeNameTips(addAdditions(derived.spec, { tables, lang: context.lang }, additions), tables, context.lang);
  // What would come out wrong, read from the data the chart draws (marks keep their index: their place in the YAML).
  const markPath = (index: number) => parsed.markPaths.get(spec.marks[index]!) ?? ["marks", index, drawn.marks[index]!.mark];
  diagnostics.push(...checkDrawnChart({ spec: drawn, tables, locate, markPath, lang: context.lang }));
  if (drawn.figure.alt === undefined) {
    // Screen readers need words for the chart; the editor's are better, so they are warned.
    const generated = describeChart(drawn, tables, context.lang);
    drawn.figure = { ...drawn.figure, alt: generated };
    diagnostics.push(diagnostic("plot/missing-alt", { generated }, block.fenceSpan));
  }
  const rows: Record<string, (Row | Cell)[]> = Object.fromEntries([...[...tables].map(([id, table]) => [id, table.rows] as const), ...inline]);
  const domId = `chart-${spec.id}`;

  return { prepared: { spec, drawn, tables, inline, rows, sources: derived.sources, domId, additions, highlightKeys: highlight.keys }, diagnostics };
}

/**
 * The type of the data another mark puts on the scale a mark of plain values (ruleX: [2020]) draws on:
 * "date" when that is a date column, so the plain values are read as dates too.
 */
function scaleTypeOf(spec: ChartSpec, mark: MarkSpec, data: ReadonlyMap<string, StoryData>): ColumnType | undefined {
  const scale = /X$/.test(mark.mark) ? "x" : /Y$/.test(mark.mark) ? "y" : undefined;
  if (!scale) return undefined;
  for (const other of spec.marks) {
    const column = other.options[scale];
    const tableId = markDataId(spec, other);
    if (other === mark || typeof column !== "string" || tableId === undefined) continue;
    const type = data.get(tableId)?.table.columns.find((c) => c.name === column)?.type;
    if (type === "date") return "date";
  }
  return undefined;
}

/**
 * `wanted`, or `wanted-2`, `wanted-3`, … : the first that no chart so far has and no id= reserves, cut
 * short enough to name files (a title's first six words can be long ones).
 */
function freeId(wanted: string, context: ChartContext): string {
  const taken = (candidate: string) => context.usedIds.has(candidate) || (context.reservedIds?.has(candidate) ?? false);
  const numbered = (n: number) => (n === 1 ? shortenName(wanted) : `${shortenName(wanted, MAX_NAME_BYTES - `-${n}`.length)}-${n}`);
  let id = numbered(1);
  for (let n = 2; taken(id); n++) id = numbered(n);
  return id;
}

/** The block's opening line with an id= added: named after its data, kept clear of the story's other ids. */
function suggestedId(block: StoryBlock, spec: ChartSpec, context: ChartContext): string {
  const id = freeId(typeof spec.data === "string" && validId.test(spec.data) ? `${spec.data}-chart` : "main-chart", context);
  const written = block.node.meta?.trim();
  return written ? `${written} id=${id}` : `id=${id}`;
}

