/**
 * What must hold for any story, whatever its text (tests/engine/property-based.test.ts): compiling it does
 * not throw; every problem is a diagnostic of the catalogue with a hint and a position in the story or a
 * data file it reads; no message leaks a stack trace, "undefined" or "[object …]"; every SVG made (in the
 * page, the download, the social card) is well-formed XML.
 */
import { compileStory, type CompiledStory } from "../../src/engine/compile-story.ts";
import { catalog } from "../../src/engine/diagnostics/catalog.ts";
import { rasterizeSvg, type Rasterizer } from "../../src/engine/image/rasterize-svg.ts";
import { memoryFiles } from "../engine/data/helpers.ts";
import { DATA_FILE_NAMES, type GeneratedStory } from "./generated-story.ts";
import { xmlProblem } from "./strict-xml.ts";

const STORY_PATH = "content/stories/generated.md";

/** An HTML tag at a "<": name in group 2 ("/" in group 1 for an end tag), quoted attribute values skipped whole. */
const TAG = /<(\/?)([A-Za-z][^\s/>]*)(?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s*\/?>/y;

/**
 * Every outermost <svg> element of a page's HTML, as written. Tags are read one after another, so an
 * "<svg>" inside an attribute value (an alt text quoting one) is not taken for an element, and script
 * contents (the chart's JSON) are skipped.
 */
function svgsIn(html: string): string[] {
  const svgs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i)) {
    TAG.lastIndex = i;
    const tag = TAG.exec(html);
    if (!tag) {
      i++;
      continue;
    }
    const [, end, name = ""] = tag;
    const lower = name.toLowerCase();
    if (lower === "script" && !end) {
      const close = html.toLowerCase().indexOf("</script", TAG.lastIndex);
      i = close === -1 ? html.length : close;
      continue;
    }
    if (lower === "svg" && !end && depth++ === 0) start = i;
    if (lower === "svg" && end && depth > 0 && --depth === 0) svgs.push(html.slice(start, TAG.lastIndex));
    i = TAG.lastIndex;
  }
  return svgs;
}

/** The outcome of compiling one generated story. */
export interface Checked {
  story?: CompiledStory;
  /** What does not hold, as sentences; empty when everything does. */
  problems: string[];
  /** SVGs that went to the rasterizer (chart downloads, the social card). */
  rasterized: number;
  /** SVGs checked as XML (in the page, alone, as downloads, as PNGs). */
  svgs: number;
}

/** Compiles a generated story as a build does (PNGs included) and says what of the above does not hold. */
export function compileAndCheck({ text, files, realRaster }: GeneratedStory): Checked {
  const rasterized: string[] = [];
  const rasterize: Rasterizer = (svg, options) => {
    rasterized.push(svg);
    return realRaster ? rasterizeSvg(svg, options) : new Uint8Array(0);
  };
  let story: CompiledStory;
  try {
    story = compileStory({ path: STORY_PATH, text }, { dataFiles: memoryFiles(files), assetBase: "/", site: "https://news.example.org", rasterize, chartPngs: true });
  } catch (error) {
    const where = error instanceof Error ? (error.stack ?? "").split("\n").slice(0, 4).join(" | ") : String(error);
    return { problems: [`compileStory threw: ${where}`], rasterized: rasterized.length, svgs: 0 };
  }
  return { story, ...problemsWith(story, text, rasterized), rasterized: rasterized.length };
}

/** Problems with a compiled story, as sentences; empty when the property holds. */
function problemsWith(story: CompiledStory, storySource: string, rasterized: readonly string[]): { problems: string[]; svgs: number } {
  const problems: string[] = [];
  // Lines as the engine counts them (a lone "\r" ends a line too: see normalize-source.ts).
  const lines = storySource.split(/\r\n?|\n/).length;
  for (const d of story.diagnostics) {
    const where = `${d.code} "${d.message}"`;
    if (!Object.hasOwn(catalog, d.code)) problems.push(`${where}: not a code of the catalogue`);
    if (d.hint.trim() === "") problems.push(`${where}: no hint`);
    // In the story, or in the data file it reads (data/gen.csv: a problem on a line of that file).
    const inStory = d.span.file === STORY_PATH;
    if (!inStory && !DATA_FILE_NAMES.some((name) => d.span.file === `data/${name}`)) problems.push(`${where}: in ${d.span.file}, neither the story nor a data file`);
    if (!(d.span.start.line >= 1 && d.span.start.column >= 1 && (!inStory || d.span.start.line <= lines))) problems.push(`${where}: no position (${JSON.stringify(d.span.start)})`);
    for (const [name, words] of [["message", d.message], ["hint", d.hint]] as const) {
      if (/\n\s+at .+:\d+:\d+\)?/.test(words) || /\b(Type|Range|Reference|Syntax)Error\b/.test(words)) problems.push(`${where}: its ${name} holds a stack trace or an internal error`);
      // Words the story holds itself are not blamed on Plotline.
      if (/\bundefined\b|\[object \w+\]/.test(words) && !/undefined|\[object /.test(storySource)) problems.push(`${where}: its ${name} says "undefined" or "[object …]"`);
    }
  }
  const svgs = [
    ...story.charts.flatMap((chart) => [
      ...svgsIn(chart.html).map((svg) => ({ what: `chart ${chart.id} in the page`, svg })),
      { what: `chart ${chart.id} alone`, svg: chart.chartMarkup },
      ...(chart.svg ? [{ what: `chart ${chart.id} download`, svg: String(chart.svg.content) }] : []),
    ]),
    ...rasterized.map((svg) => ({ what: "an SVG drawn as PNG (chart download or social card)", svg })),
  ];
  for (const { what, svg } of svgs) {
    const problem = xmlProblem(svg);
    if (problem) problems.push(`${what} is not well-formed XML: ${problem}`);
  }
  return { problems, svgs: svgs.length };
}
