/**
 * The maps the benchmark measures (bench/maps.ts) and tests/engine/chart/map-weight.test.ts checks: a
 * world choropleth as a newsroom draws one (countries-110m, equal-earth, sphere and graticule, a
 * continuous fill with its legend) and every US county. The fill is computed from the base map's own
 * columns, a number per shape, so the colours, data table and payload weigh what a real choropleth's do.
 */
export interface MapStory {
  name: "world" | "counties";
  /** What the README calls it. */
  title: string;
  text: string;
}

const story = (title: string, dataBlock: string, plot: string) => `---
title: ${title}
dek: A map for the benchmark.
date: 2025-01-01
---

A map.

${dataBlock}

${plot}
`;

export const mapStories: readonly MapStory[] = [
  {
    name: "world",
    title: "World choropleth (world/countries, 177 shapes, equal-earth)",
    text: story(
      "The world",
      "```data id=countries basemap=world/countries\n```",
      `\`\`\`plot data=countries id=world
title: Countries by the length of their name
alt: A world map of countries, coloured by the number of letters in their name.
projection: equal-earth
color: {legend: true, scheme: blues}
marks:
  - sphere: {}
  - graticule: {}
  - geo: {data: countries, fill: {expr: "length(name)", label: Letters in the name}, stroke: white, strokeWidth: 0.5, tip: true}
\`\`\``,
    ),
  },
  {
    name: "counties",
    title: "US counties (us/counties, 3,231 shapes, albers-usa)",
    text: story(
      "US counties",
      "```data id=counties basemap=us/counties\n```",
      `\`\`\`plot data=counties id=counties
title: Counties by the length of their name
alt: A map of US counties, coloured by the number of letters in their name.
projection: albers-usa
color: {legend: true, scheme: blues}
marks:
  - geo: {data: counties, fill: {expr: "length(name)", label: Letters in the name}, stroke: white, strokeWidth: 0.25, tip: true}
\`\`\``,
    ),
  },
];

/** A compiled figure's two drawings (the markup inside each variant's div), found in its HTML. */
export function figureVariants(html: string): { width: number; markup: string }[] {
  const opens = [...html.matchAll(/<div class="plotline-variant [^"]*" data-width="(\d+)">/g)];
  const end = html.indexOf('</div></div><div class="plotline-figure-data"');
  if (opens.length === 0 || end < 0) throw new Error("figureVariants: no drawings found in the figure's HTML");
  return opens.map((open, i) => {
    const from = open.index + open[0].length;
    const to = i + 1 < opens.length ? opens[i + 1]!.index - "</div>".length : end;
    return { width: Number(open[1]), markup: html.slice(from, to) };
  });
}
