/**
 * Compiled stories kept between builds (src/engine/project/story-cache.ts): a story is taken from the
 * cache only while its text, options, data files, PNGs and the engine are as they were.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { CompiledStory } from "../../src/engine/compile-story.ts";
import { compileProject, publishProject } from "../../src/engine/project/compile-project.ts";
import { readStoredText, storeFile } from "../../src/engine/project/file-store.ts";
import type { PublishedStory } from "../../src/engine/project/published-story.ts";
import { pngCacheDir } from "../../src/engine/project/image-options.ts";
import { storyCacheDir } from "../../src/engine/project/story-cache.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const chart = "```plot data=jobs id=jobs\ntitle: Jobs\nalt: Bars.\nmarks:\n  - barX: {y: city, x: jobs}\n```\n";
const story = (body: string) => `---\ntitle: Jobs\ndek: Where the jobs are.\ndate: 2025-03-21\n---\n\n${body}\n`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-cache-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  mkdirSync(join(root, "data"));
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,120\nShanghai,90\n");
  writeFileSync(join(root, "content", "stories", "jobs.md"), story(`Text.\n\n\`\`\`data id=jobs src=jobs.csv\n\`\`\`\n\n${chart}`));
  return root;
}

const only = (root: string, options = {}): CompiledStory => compileProject(root, options).stories[0]!;
/** What a page is made of, without what says how it was made. */
const output = ({ timings, fromCache, ...rest }: CompiledStory) => rest;

describe("the story cache", () => {
  it("gives an unchanged story back as it was compiled, without compiling it", () => {
    const root = project();
    const first = only(root);
    expect(first.fromCache).toBeUndefined();
    const second = only(root);
    expect(second.fromCache).toBe(true);
    expect(Object.values(second.timings).every((ms) => ms === 0)).toBe(true);
    expect(output(second)).toEqual(output(first));
    expect(second.frontmatter!.date).toBeInstanceOf(Date);
  });

  it("compiles a story again when its text, a data file it reads or the options change", () => {
    const root = project();
    only(root);
    writeFileSync(join(root, "content", "stories", "jobs.md"), story(`Other text.\n\n\`\`\`data id=jobs src=jobs.csv\n\`\`\`\n\n${chart}`));
    const edited = only(root);
    expect(edited.fromCache).toBeUndefined();
    expect(edited.html).toContain("Other text.");
    expect(only(root).fromCache).toBe(true);

    writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,120\nShanghai,90\nShenzhen,70\n");
    const newData = only(root);
    expect(newData.fromCache).toBeUndefined();
    expect(newData.html).toContain("Shenzhen");

    const underBase = only(root, { assetBase: "/newsroom/" });
    expect(underBase.fromCache).toBeUndefined();
    expect(only(root, { assetBase: "/newsroom/" }).fromCache).toBe(true);
  });

  it("compiles again, drawn differently, when the house style changes (in any order of its keys)", () => {
    const root = project();
    writeFileSync(join(root, "content", "stories", "jobs.md"), story(`Text.\n\n\`\`\`data id=jobs\nyear,city,jobs\n2021,Beijing,1\n2022,Beijing,2\n2021,Shanghai,2\n2022,Shanghai,3\n\`\`\`\n\n\`\`\`plot data=jobs id=jobs\ntitle: Jobs\nalt: Lines.\nmarks:\n  - lineY: {x: year, y: jobs, stroke: city}\n\`\`\`\n`));
    const labelled = only(root);
    expect(labelled.charts[0]!.chartMarkup).toContain(">Shanghai</text>");
    const houseStyle = { endLabels: false, symbols: true };
    const unlabelled = only(root, { additions: houseStyle });
    expect(unlabelled.fromCache).toBeUndefined();
    expect(unlabelled.charts[0]!.chartMarkup).not.toContain(">Shanghai</text>");
    expect(only(root, { additions: { symbols: true, endLabels: false } }).fromCache).toBe(true);
    expect(only(root).fromCache).toBe(true);
  });

  it("never keeps a story with errors, so a data file added later is found", () => {
    const root = project();
    unlinkSync(join(root, "data", "jobs.csv"));
    expect(only(root).diagnostics.map((d) => d.code)).toContain("data/src-not-found");
    expect(only(root).fromCache).toBeUndefined();
    writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,120\n");
    const fixed = only(root);
    expect(fixed.ok).toBe(true);
    expect(fixed.fromCache).toBeUndefined();
  });

  it("compiles again when a PNG the story's downloads are copied from has gone, or an entry cannot be read", () => {
    const root = project();
    only(root);
    rmSync(join(root, pngCacheDir), { recursive: true });
    const redrawn = only(root);
    expect(redrawn.fromCache).toBeUndefined();
    expect(redrawn.assets.filter((a) => a.path.endsWith(".png")).every((a) => typeof a.content === "object" && "file" in a.content)).toBe(true);

    const dir = join(root, storyCacheDir);
    for (const entry of readdirSync(dir)) writeFileSync(join(dir, entry), "not an entry");
    expect(only(root).fromCache).toBeUndefined();
    expect(only(root).fromCache).toBe(true);
  });

  it("never publishes an entry edited on disk: its content no longer matches its hash, and the story is compiled again", async () => {
    const root = project();
    const compiled = only(root);
    const dir = join(root, storyCacheDir);
    const [name] = readdirSync(dir);
    const file = join(dir, name!);
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(0x0a);
    const entry = deserialize(gunzipSync(bytes.subarray(newline + 1))) as { published: PublishedStory };
    expect(readStoredText(root, entry.published.body)).toContain("Text.");
    // Pointed at another stored file: one with a script in it.
    entry.published.body = storeFile(root, '<script src="https://evil.example/x.js"></script>');
    // The edited story, written as the cache writes it, under the original first line.
    writeFileSync(file, Buffer.concat([bytes.subarray(0, newline + 1), gzipSync(serialize(entry))]));

    const again = only(root);
    expect(again.fromCache).toBeUndefined();
    expect(again.html).not.toContain("evil.example");
    expect((await publishProject(root)).stories[0]!.fromCache).toBe(true);
    expect(output(again)).toEqual(output(compiled));
    expect(only(root).fromCache).toBe(true);
  });

  it("publishes an unchanged story from its entry alone: its body and files stay in the file store, named by their content", async () => {
    const root = project();
    const first = (await publishProject(root)).stories[0]!;
    expect(first.fromCache).toBeUndefined();
    expect(readStoredText(root, first.body)).toContain("Text.");
    expect(first.assets.map((asset) => asset.path).sort()).toEqual(["_plotline/cards/jobs.png", "_plotline/charts/jobs/jobs.svg", "_plotline/data/jobs/jobs.csv"]);
    const second = (await publishProject(root)).stories[0]!;
    expect(second.fromCache).toBe(true);
    const { timings: _a, fromCache: _b, ...again } = second;
    const { timings: _c, fromCache: _d, ...before } = first;
    expect(again).toEqual(before);
    // A check or a test asking for the whole story compiles it once more, and keeps it too.
    expect(only(root).fromCache).toBeUndefined();
    expect(only(root).fromCache).toBe(true);
  });

  it("compiles again when a file it stored has gone, and refuses to publish a stored file changed on disk", async () => {
    const root = project();
    const first = (await publishProject(root)).stories[0]!;
    rmSync(join(root, first.body));
    const again = (await publishProject(root)).stories[0]!;
    expect(again.fromCache).toBeUndefined();
    expect(readStoredText(root, again.body)).toContain("Text.");
    writeFileSync(join(root, again.body), "<p>Changed on disk.</p>");
    expect(() => readStoredText(root, again.body)).toThrow(/was changed since Plotline stored it/);
  });

  it("stores files again after the whole store was deleted while the process ran (a dev server)", () => {
    const root = project();
    const first = storeFile(root, "<p>Before.</p>");
    rmSync(join(root, ".plotline"), { recursive: true, force: true });
    const again = storeFile(root, "<p>Before.</p>");
    expect(again).toBe(first);
    expect(readStoredText(root, again)).toBe("<p>Before.</p>");
  });

  it("compiles again when the locked dependencies change", () => {
    const root = project();
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion": 3, "packages": {"node_modules/@observablehq/plot": {"version": "0.6.17"}}}');
    only(root);
    expect(only(root).fromCache).toBe(true);
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion": 3, "packages": {"node_modules/@observablehq/plot": {"version": "0.7.0-beta.1"}}}');
    expect(only(root).fromCache).toBeUndefined();
  });
});
