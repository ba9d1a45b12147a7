import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../src/engine/compile-story.ts";
import type { DataFileSource } from "../../src/engine/data/data-file-source.ts";
import { closestMatch, didYouMean, suggestion } from "../../src/engine/diagnostics/did-you-mean.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";

describe("closestMatch", () => {
  it("suggests the column a typo was meant to be", () => {
    expect(closestMatch("salery", ["city", "salary", "share"])).toBe("salary");
  });
  it("matches names that differ only in case", () => {
    expect(closestMatch("City", ["city", "share"])).toBe("city");
  });
  it("counts two swapped neighbouring letters as one typo", () => {
    expect(closestMatch("yaer", ["year", "value"])).toBe("year");
    expect(closestMatch("titel", ["title", "dek", "date"])).toBe("title");
  });
  it("suggests nothing when no candidate is close", () => {
    expect(closestMatch("population", ["city", "share"])).toBeUndefined();
  });
});

describe("names that differ only in how their accents are encoded", () => {
  const composed = "café-prices.csv".normalize("NFC");
  const decomposed = "café-prices.csv".normalize("NFD");

  it("are the closest match of all, even beside a name one letter off", () => {
    expect(closestMatch(composed, ["cafe-prices.csv", decomposed])).toBe(decomposed);
  });

  it("get a sentence saying the name is written with decomposed accents instead of a suggestion that looks identical", () => {
    expect(suggestion(composed, decomposed)).toBe(
      ` It looks the same, but the name "${decomposed}" is written with decomposed accents (NFD: a letter followed by a separate accent mark, as macOS saves some file names), and the other with composed ones (NFC). Type the accented letters of the name again, or rename the file with them retyped.`,
    );
    expect(suggestion(decomposed, composed)).toContain(`"${decomposed}" is written here with decomposed accents (NFD`);
    expect(didYouMean(composed, [decomposed])).not.toContain("Did you mean");
    expect(suggestion("salery", "salary")).toBe(' Did you mean "salary"?');
  });

  it("in a data block's src=, the message explains the difference", () => {
    const text = `---\ntitle: Prices\ndek: Café prices.\ndate: 2025-03-21\n---\n\n\`\`\`data id=prices src="${composed}"\n\`\`\`\n`;
    const files: DataFileSource = {
      displayRoot: "data",
      lookup: (path) => (path === decomposed ? { kind: "file", size: 20 } : { kind: "missing" }),
      read: (path) => (path === decomposed ? new TextEncoder().encode("city,price\nParis,3\n") : undefined),
      list: () => [decomposed, "tea-prices.csv"],
    };
    const [problem] = compileStory({ path: "content/stories/prices.md", text }, { dataFiles: files }).diagnostics;
    expect(problem?.code).toBe("data/src-not-found");
    expect(problem?.message).toContain("It looks the same, but the name");
    expect(problem?.message).toContain("decomposed accents (NFD");
  });

  it("in a link to a file of public/, the message explains the difference", () => {
    const root = mkdtempSync(join(tmpdir(), "plotline-nfd-"));
    try {
      mkdirSync(join(root, "content", "stories"), { recursive: true });
      mkdirSync(join(root, "public"));
      writeFileSync(join(root, "public", "café.png".normalize("NFD")), "");
      writeFileSync(join(root, "content", "stories", "a.md"), `---\ntitle: A\ndek: B.\ndate: 2025-03-21\n---\n\n![Map](/${"café.png".normalize("NFC")})\n`);
      const [problem] = compileProject(root).diagnostics;
      expect(problem?.code).toBe("link/missing-image");
      expect(problem?.message).toContain("It looks the same, but the name");
      expect(problem?.message).not.toContain("Did you mean");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
