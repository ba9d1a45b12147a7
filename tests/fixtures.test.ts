/**
 * Fixture stories: tests/fixtures/<case>/input.md, with
 *   expected.json  {"diagnostics": [{"code", "severity", "line", "column", "file"?, "message"?}]}  (exact list)
 *   charts/<id>.svg   golden markup of each chart the story renders (optional)
 *   data/             files the story reads with src= (optional)
 * Golden SVGs are only ever written when PLOTLINE_UPDATE_GOLDEN=1 is set; otherwise a missing or
 * different file fails the test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileStory } from "../src/engine/compile-story.ts";
import { nodeDataFiles } from "../src/engine/data/node-data-files.ts";
import { normalizeSvg } from "./support/normalize-svg.ts";

const fixturesDir = join(import.meta.dirname, "fixtures");
const updateGolden = process.env["PLOTLINE_UPDATE_GOLDEN"] === "1";

interface ExpectedDiagnostic {
  code: string;
  severity: "error" | "warning";
  line: number;
  column: number;
  file?: string;
  message?: string;
}

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(fixturesDir, entry.name, "input.md")))
  .map((entry) => entry.name)
  .sort();

describe.each(cases)("fixture %s", (name) => {
  const dir = join(fixturesDir, name);
  const path = `content/stories/${name}.md`;
  const story = compileStory({ path, text: readFileSync(join(dir, "input.md"), "utf8") }, { dataFiles: nodeDataFiles(join(dir, "data")) });
  const expectedPath = join(dir, "expected.json");
  const expected = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, "utf8")) as { diagnostics: ExpectedDiagnostic[] }) : { diagnostics: [] };

  it("reports exactly the expected diagnostics, at the expected positions", () => {
    const actual = story.diagnostics.map((d) => {
      const e = expected.diagnostics.find((x) => x.code === d.code && x.line === d.span.start.line);
      return {
        code: d.code,
        severity: d.severity,
        line: d.span.start.line,
        column: d.span.start.column,
        ...(d.span.file !== path ? { file: d.span.file } : {}),
        ...(e?.message !== undefined ? { message: d.message } : {}),
      };
    });
    expect(actual).toEqual(expected.diagnostics);
  });

  const goldenDir = join(dir, "charts");
  // Every fixture that draws a chart is held to its goldens; a missing golden fails, it is never made up.
  if (existsSync(goldenDir) || story.charts.length > 0) {
    it("renders every chart exactly as its golden SVG", () => {
      const expectedFiles = existsSync(goldenDir) ? readdirSync(goldenDir).filter((f) => f.endsWith(".svg")).sort() : [];
      const actualFiles = story.charts.map((c) => `${c.id}.svg`).sort();
      if (updateGolden && story.charts.length > 0) {
        mkdirSync(goldenDir, { recursive: true });
        for (const chart of story.charts) {
          writeFileSync(join(goldenDir, `${chart.id}.svg`), normalizeSvg(chart.chartMarkup));
          console.log(`wrote golden ${name}/charts/${chart.id}.svg`);
        }
        return;
      }
      expect(actualFiles).toEqual(expectedFiles);
      for (const chart of story.charts) {
        expect(normalizeSvg(chart.chartMarkup), `${name}/charts/${chart.id}.svg`).toBe(readFileSync(join(goldenDir, `${chart.id}.svg`), "utf8"));
      }
    });
  }
});
