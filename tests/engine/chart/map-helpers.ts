import { parseHTML } from "linkedom";
import { renderChartSvg } from "../../../src/engine/chart/render/render-chart-svg.ts";
import { type Box, collide, textBox } from "../../../src/engine/chart/render/text-boxes.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";
import type { CompiledStory } from "../../../src/engine/compile-story.ts";
import type { DataFileSource } from "../../../src/engine/data/data-file-source.ts";
import { memoryFiles, storyBlocks } from "./helpers.ts";

/** A one-degree square of a map, west edge at `lon`, south edge at `lat`. */
export const square = (properties: Record<string, unknown>, lon: number, lat = 50) => ({
  type: "Feature",
  properties,
  geometry: { type: "Polygon", coordinates: [[[lon, lat], [lon, lat + 1], [lon + 1, lat + 1], [lon + 1, lat], [lon, lat]]] },
});

/** Four regions with a name and a rate, as data/regions.geojson. */
export const REGIONS = JSON.stringify({
  type: "FeatureCollection",
  features: [
    square({ name: "Nordland", rate: 4.5, people: 120000 }, 4),
    square({ name: "Sudland", rate: 13.25, people: 80000 }, 5),
    square({ name: "Ostmark", rate: 2.6, people: 300000 }, 6),
    square({ name: "Westmark", rate: 7, people: 52000 }, 7),
  ],
});
export const regionFiles = (extra: Record<string, string> = {}): DataFileSource => memoryFiles({ "regions.geojson": REGIONS, ...extra });
export const REGIONS_BLOCK = "```data id=regions src=regions.geojson\n```\n\n";

/** Compiles a story in `lang` (the test frontmatter otherwise). */
export function compileIn(lang: string, markdown: string, files: DataFileSource = regionFiles()): CompiledStory {
  return compileStory({ path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n${markdown}` }, { dataFiles: files });
}

/** The story's only chart drawn at `width` (as the build draws its phone drawing), parsed. */
export function drawnAt(markdown: string, width: number, files: DataFileSource = regionFiles()): Element {
  const chart = compileIn("en", markdown, files).charts[0];
  if (!chart) throw new Error("the story has no chart");
  const { data } = storyBlocks(markdown, files);
  const rows = Object.fromEntries([...data].map(([id, d]) => [id, d.table.rows]));
  const markup = renderChartSvg(chart.spec, rows, { idPrefix: "t", width });
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.body.firstElementChild as unknown as Element;
}

/** Pairs of visible texts under `root` whose boxes overlap. */
export function overlaps(root: Element, selector = "text"): string[] {
  const boxes = [...root.querySelectorAll(selector)].flatMap((text) => {
    const box = textBox(text, root);
    return box ? [{ label: text.textContent ?? "", box }] : [];
  });
  const found: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => collide(a.box as Box, b.box as Box) && found.push(`${a.label} × ${b.label}`)));
  return found;
}
