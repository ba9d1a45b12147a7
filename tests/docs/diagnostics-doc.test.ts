import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  allCodes,
  anchorOf,
  compileExample,
  diagnosticsDocPath,
  exampleFileName,
  generateDiagnosticsDoc,
  orphanExamples,
} from "../../scripts/generate-diagnostics-doc.ts";
import { docsAnchor } from "../../src/engine/diagnostics/catalog.ts";

/**
 * docs/diagnostics.md is generated from the catalogue and one example story per code
 * (docs/examples/diagnostics/<code with "/" as "-">.md). When a test here fails after a catalogue change:
 * add or fix the example, then run `node scripts/generate-diagnostics-doc.ts`.
 */
describe("docs/diagnostics.md", () => {
  it("has an example story for every code of the catalogue", async () => {
    const missing: string[] = [];
    for (const code of allCodes) if ((await compileExample(code)) === undefined) missing.push(`docs/examples/diagnostics/${exampleFileName(code)}`);
    expect(missing).toEqual([]);
  });

  it("has no example for a code that is not in the catalogue", () => {
    expect(orphanExamples()).toEqual([]);
  });

  for (const code of allCodes) {
    it(`the example of ${code} produces exactly that problem`, async () => {
      const example = await compileExample(code);
      if (!example) return; // reported above
      const found = example.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.message}`);
      expect(found.length, found.join("\n")).toBe(1);
      expect(example.diagnostics[0]!.code, found.join("\n")).toBe(code);
    });
  }

  it("has a section at the anchor each diagnostic links to", () => {
    const doc = readFileSync(diagnosticsDocPath, "utf8");
    for (const code of allCodes) {
      expect(docsAnchor(code)).toBe(`docs/diagnostics.md#${anchorOf(code)}`);
      expect(doc, code).toContain(`<a id="${anchorOf(code)}"></a>`);
    }
  });

  it("is what the generator writes now (run `node scripts/generate-diagnostics-doc.ts` to update it)", async () => {
    expect(readFileSync(diagnosticsDocPath, "utf8")).toBe(await generateDiagnosticsDoc());
  });
});
