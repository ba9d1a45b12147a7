import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { matchKeys, tolerantKey } from "../../../src/engine/data/match-keys.ts";
import { memoryFiles, story, STORY_PATH } from "./helpers.ts";

const files = memoryFiles({
  "zones.geojson": JSON.stringify({
    type: "FeatureCollection",
    features: [
      ["A", "Côte d'Ivoire", "6", 10],
      ["B", "Guinea-Bissau", "12", 20],
      ["C", "United States of America", "004", 30],
      ["D", "Bosnia and Herz.", "48", 40],
    ].map(([code, name, fips, households], i) => ({
      type: "Feature",
      id: code,
      properties: { name, fips, households },
      geometry: { type: "Polygon", coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] },
    })),
  }),
  "rates.csv": "code,rate\nA,1\nZ,2\n",
});

const compile = (markdown: string) => compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: files });
/** The joined table as the story's "Get the data" and charts see it: its rows, without shapes. */
const codes = (result: ReturnType<typeof compile>) => result.diagnostics.map((d) => d.code);

/** A story whose shapes (zones.geojson, four zones) are joined to `table` by `on`, with a chart and a data table of the result. */
const joined = (table: string, on: string, extra = "") =>
  compile(`\`\`\`data id=zones src=zones.geojson join=rates on="${on}" show\n\`\`\`\n\n\`\`\`data id=rates\n${table}\n\`\`\`\n${extra}`);

/** The cells of the data table shown for the joined shapes, row by row. */
function shownRows(html: string): string[][] {
  const table = html.slice(html.indexOf('id="data-zones"'));
  const body = table.slice(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => (c[1]!.includes('aria-label="missing"') ? "" : c[1]!)));
}

describe("matching keys", () => {
  it("reads keys without case, accents, apostrophes, spaces, dots, dashes and leading zeros", () => {
    expect(tolerantKey("Côte d’Ivoire")).toBe(tolerantKey("COTE D'IVOIRE"));
    expect(tolerantKey("Guinea-Bissau")).toBe(tolerantKey("Guinea Bissau"));
    expect(tolerantKey("Bosnia and Herz.")).toBe(tolerantKey(" bosnia and herz "));
    expect(tolerantKey("004")).toBe("4");
    expect(tolerantKey("0")).toBe("0");
    expect(tolerantKey("Niger")).not.toBe(tolerantKey("Nigeria"));
    expect(tolerantKey("4.5")).not.toBe(tolerantKey("45"));
    expect(tolerantKey("St. Lucia")).toBe(tolerantKey("St Lucia"));
  });
  it("matches letter for letter first, then tolerantly; numbers match digit strings", () => {
    const m = matchKeys(["06", "6x", "Côte d'Ivoire", "004"], [6, "COTE D IVOIRE", "4", "6x", null, "Nowhere"]);
    expect(m.shapesOfRow).toEqual([[0], [2], [3], [1], [], []]);
    expect(m.unmatchedRows).toEqual([5]);
    expect(m.duplicates).toEqual([]);
    expect(matchKeys([6, 48], ["006", "48"]).shapesOfRow).toEqual([[0], [1]]);
  });
  it("finds two rows for one shape, also when they are spelt differently", () => {
    expect(matchKeys(["France"], ["France", "france"]).duplicates).toEqual([{ shape: 0, rows: [0, 1] }]);
  });
});

describe("joining a table to shapes", () => {
  it("adds the table's columns to every shape, with missing values where no row matched, and keeps the shapes", () => {
    const result = joined("code,rate\nA,5.5\nC,7", "id = code");
    expect(result.diagnostics).toEqual([]);
    expect(shownRows(result.html)).toEqual([
      ["A", "Côte d'Ivoire", "6", "10", "5.5"],
      ["B", "Guinea-Bissau", "12", "20", ""],
      ["C", "United States of America", "4", "30", "7"],
      ["D", "Bosnia and Herz.", "48", "40", ""],
    ]);
  });
  it("matches keys spelt another way, and numbers against codes with leading zeros", () => {
    const byName = joined("country,rate\nCOTE D’IVOIRE,1\nguinea bissau,2\nBosnia and Herz,3", "name = country");
    expect(codes(byName)).toEqual([]);
    expect(shownRows(byName.html).map((row) => row[4])).toEqual(["1", "2", "", "3"]);
    const byCode = joined("fips,rate\n6,1\n4,2\n048,3", "fips");
    expect(codes(byCode)).toEqual([]);
    expect(shownRows(byCode.html).map((row) => row[4])).toEqual(["1", "", "2", "3"]);
  });
  it("may join a table defined before the shapes, and the table keeps its own id", () => {
    const result = compile("```data id=rates\ncode,rate\nA,1\n```\n\n```data id=zones src=zones.geojson join=rates on=\"id = code\" show\n```\n\nRate: :value[zones.rate]{id=A}.\n");
    expect(result.diagnostics).toEqual([]);
    expect(shownRows(result.html)[0]).toEqual(["A", "Côte d'Ivoire", "6", "10", "1"]);
  });
  it("joins shapes to shapes that are themselves joined, whatever the order of the blocks", () => {
    const result = compile(
      '```data id=regions src=zones.geojson join=zones on=id show\n```\n\n```data id=zones src=zones.geojson join=rates on="id = code"\n```\n\n```data id=rates\ncode,rate\nB,2\n```\n',
    );
    expect(result.diagnostics).toEqual([]);
    const table = result.html.slice(result.html.indexOf('id="data-regions"'));
    expect(table).toContain(">rate</th>");
  });
  it("gives a table column named like a shapes column of the same type the table's value where a row matched", () => {
    const result = joined("code,name\nA,Ivory Coast", "id = code");
    expect(codes(result)).toEqual([]);
    expect(shownRows(result.html).map((row) => row[1])).toEqual(["Ivory Coast", "Guinea-Bissau", "United States of America", "Bosnia and Herz."]);
  });
  it("adds a table column named like a shapes column of another type under a name of its own, and says so", () => {
    const result = joined("code,households\nA,many", "id = code");
    expect(codes(result)).toEqual(["map/join-column-renamed"]);
    expect(result.diagnostics[0]!.message).toContain('"households (rates)"');
    expect(shownRows(result.html)[0]).toEqual(["A", "Côte d'Ivoire", "6", "10", "many"]);
  });

  it("lists rows that match no shape, with the shape each probably meant and its line", () => {
    const result = joined("country,rate\nCote d'Ivorie,1\nGuinea-Bissau,2\nUnited States,3\nAtlantis,4", "name = country");
    expect(codes(result)).toEqual(["map/join-unmatched-rows"]);
    const [warning] = result.diagnostics;
    expect(warning!.severity).toBe("warning");
    expect(warning!.message).toBe(
      '3 rows of "rates" match no shape, so their values are not on the map: "Cote d\'Ivorie" (line 12; did you mean "Côte d\'Ivoire"?); "United States" (line 14; did you mean "United States of America"?); "Atlantis" (line 15). Shapes without a row: "Côte d\'Ivoire", "United States of America", "Bosnia and Herz.".',
    );
    expect(warning!.span.start).toEqual({ line: 7, column: 41 });
  });
  it("names the line of an unmatched row in the table's file", () => {
    const result = compile('```data id=zones src=zones.geojson join=rates on="id = code"\n```\n\n```data id=rates src=rates.csv\n```\n');
    expect(codes(result)).toEqual(["map/join-unmatched-rows"]);
    expect(result.diagnostics[0]!.message).toContain('"Z" (data/rates.csv:3)');
  });
  it("counts unmatched rows past eight, and leaves long lists of shapes without rows out", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `Nowhere ${i},${i}`).join("\n");
    const result = joined(`country,rate\nGuinea-Bissau,1\n${rows}`, "name = country");
    expect(result.diagnostics[0]!.message).toMatch(/^10 rows of "rates" match no shape.*"Nowhere 7" \(line 20\); and 2 more\. Shapes without a row: /);
  });
  it("says nothing about shapes without a row when every row matched: the table may cover part of the map", () => {
    expect(codes(joined("code,rate\nB,1", "id = code"))).toEqual([]);
  });
  it("reports a join where no row matches, and the shapes' column the keys would match", () => {
    const result = joined("fips,rate\n06,1\n12,2", "id = fips");
    expect(codes(result)).toEqual(["map/join-nothing-matched"]);
    expect(result.diagnostics[0]!.hint).toBe('The keys look like the shapes\' column "fips": join on it with on="fips = fips".');
    expect(result.ok).toBe(false);
  });
  it("reports two rows for one shape, naming both rows' lines", () => {
    const result = joined("code,rate\nA,1\nB,2\na,3", "id = code");
    expect(codes(result)).toEqual(["map/join-duplicate-key"]);
    expect(result.diagnostics[0]!.message).toBe('Two rows of "rates" match the shape "A": "A" (line 12) and "a" (line 14). A shape takes one row.');
  });

  it("reports join= naming no data block, with a suggestion", () => {
    const result = compile('```data id=zones src=zones.geojson join=rate on="id = code"\n```\n\n```data id=rates\ncode,rate\nA,1\n```\n');
    expect(codes(result)).toEqual(["map/join-unknown-data"]);
    expect(result.diagnostics[0]!.message).toBe('join=rate names no data block of this story. Did you mean "rates"?');
    expect(result.diagnostics[0]!.span.start).toEqual({ line: 7, column: 41 });
  });
  it("reports join= on a table that is not shapes, saying where it goes", () => {
    const result = compile('```data id=zones src=zones.geojson\n```\n\n```data id=rates join=zones on="id = code"\ncode,rate\nA,1\n```\n');
    expect(codes(result)).toEqual(["map/join-not-shapes"]);
    expect(result.diagnostics[0]!.hint).toContain('move it to the block of "zones", as join=rates');
  });
  it("reports shapes joined to themselves, join= without on=, and on= without join=", () => {
    expect(codes(compile('```data id=zones src=zones.geojson join=zones on=id\n```\n'))).toEqual(["map/join-itself"]);
    const without = compile("```data id=zones src=zones.geojson join=rates\n```\n\n```data id=rates\ncode,rate\nA,1\n```\n");
    expect(codes(without)).toEqual(["map/join-without-on"]);
    expect(without.diagnostics[0]!.hint).toContain('The shapes\' columns are "id", "name", "fips", "households"; the columns of "rates" are "code", "rate".');
    expect(codes(compile("```data id=zones src=zones.geojson on=id\n```\n"))).toEqual(["map/on-without-join"]);
    expect(codes(joined("code,rate\nA,1", "id = = code"))).toEqual(["map/join-on-form"]);
  });
  it("reports a key column missing on either side, with suggestions from that side's columns", () => {
    const result = joined("code,rate\nA,1", "nmae = cod");
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'The shapes "zones" have no column "nmae" to join on. Did you mean "name"?',
      'The table "rates" has no column "cod" to join on. Did you mean "code"?',
    ]);
    expect(result.diagnostics[0]!.span.start).toEqual({ line: 7, column: 51 });
  });
  it("stays quiet about a join to a table that could not be read, and about charts over the shapes", () => {
    const result = compile(
      '```data id=zones src=zones.geojson join=rates on="id = code"\n```\n\n```data id=rates src=missing.csv\n```\n\n```plot id=m\ntitle: Rates\nalt: Rates by zone.\nmarks:\n  - geo: {data: zones, fill: rate}\n```\n',
    );
    expect(codes(result)).toEqual(["data/src-not-found"]);
  });
});

describe("maps of joined tables", () => {
  const chart = (data: string, projection: string, fill: string, color = "{legend: true}") =>
    compile(`${data}\n\n\`\`\`plot id=map data=places\ntitle: Rates\nalt: Rates by place.\nprojection: ${projection}\ncolor: ${color}\nmarks:\n  - geo: {data: places, fill: ${fill}, stroke: white}\n\`\`\`\n`);

  it("joins US states by name and by postal code, and draws them", () => {
    const byName = chart('```data id=places basemap=us/states join=rates on="name = state"\n```\n\n```data id=rates\nstate,rate\nCalifornia,5.3\nnew york,4.1\nTexas,4\n```', "albers-usa", "rate");
    expect(byName.diagnostics).toEqual([]);
    expect(byName.charts[0]!.html).toContain("<path");
    const byPostal = chart('```data id=places basemap=us/states join=rates on="postal = code"\n```\n\n```data id=rates\ncode,rate\nCA,5.3\nNY,4.1\n```', "albers-usa", "rate");
    expect(byPostal.diagnostics).toEqual([]);
    // FIPS codes typed as numbers in the table ("06" saved by a spreadsheet as 6) match the map's "06".
    const byFips = chart('```data id=places basemap=us/states join=rates on="id = fips"\n```\n\n```data id=rates\nfips,rate\n6,5.3\n36,4.1\n```', "albers-usa", "rate");
    expect(byFips.diagnostics).toEqual([]);
  });
  it("joins world countries by iso3, and suggests iso3 when codes are joined against names", () => {
    const table = "```data id=rates\ncode,rate\nFRA,7.3\nDEU,3\nCIV,2.5\n```";
    const byIso = chart(`\`\`\`data id=places basemap=world/countries join=rates on="iso3 = code"\n\`\`\`\n\n${table}`, "equal-earth", "rate");
    expect(byIso.diagnostics).toEqual([]);
    const svg = byIso.charts[0]!.html;
    expect(svg).toContain("<path");
    // Three countries coloured, the rest drawn as no data.
    expect(new Set([...svg.matchAll(/fill="(#[0-9a-f]{6}|rgb[^"]*)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(3);
    const byName = chart(`\`\`\`data id=places basemap=world/countries join=rates on="name = code"\n\`\`\`\n\n${table}`, "equal-earth", "rate");
    expect(codes(byName)).toEqual(["map/join-nothing-matched"]);
    expect(byName.diagnostics[0]!.hint).toContain('on="iso3 = code"');
  });
  it("suggests the world map's name for a country written another way", () => {
    const result = chart('```data id=places basemap=world/countries join=rates on="name = country"\n```\n\n```data id=rates\ncountry,rate\nFrance,7.3\nIvory Coast,2.5\n```', "equal-earth", "rate");
    expect(codes(result)).toEqual(["map/join-unmatched-rows"]);
    expect(result.diagnostics[0]!.message).toContain('"Ivory Coast" (line 13; did you mean "Côte d\'Ivoire"?)');
  });
  it("gives numbers in the prose and the chart's data the joined columns", () => {
    const result = chart(
      '```data id=places basemap=world/countries join=rates on="iso3 = code"\n```\n\n```data id=rates\ncode,rate\nFRA,7.3\n```\n\nFrance: :value[places.rate]{iso3=FRA}.',
      "equal-earth",
      "rate",
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toMatch(/France: (<[^>]+>)*7\.3/);
    const csv = String(result.charts[0]!.csv?.content);
    // The chart's data for readers: the column it draws, one row per country, France's filled.
    const lines = csv.replace(/^\ufeff/, "").split(/\r?\n/);
    expect(lines[0]).toBe("rate");
    expect(lines.length).toBeGreaterThan(170);
    expect(lines).toContain("7.3");
    expect(result.charts[0]!.html).toContain("<table");
  });
  it("keeps every row's shape in the joined table", () => {
    // Plot leaves out shapes whose fill is missing unless the color scale's `unknown` colours them: all 56 are drawn, in two widths.
    const result = chart('```data id=places basemap=us/states join=rates on="postal = code"\n```\n\n```data id=rates\ncode,rate\nCA,5.3\nNY,3\n```', "albers-usa", "rate", '{legend: true, unknown: "#ddd"}');
    expect(result.diagnostics).toEqual([]);
    expect((result.charts[0]!.html.match(/<path/g) ?? []).length).toBe(2 * 56);
  });
});
