/**
 * A compiled story as a build carries it (src/engine/project/published-story.ts): large parts in the
 * file store, each chart's figure kept once, for its story page and its embed page alike.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { compileProject } from "../../../src/engine/project/compile-project.ts";
import { readStoredText } from "../../../src/engine/project/file-store.ts";
import { publishStory, storyPageBody } from "../../../src/engine/project/published-story.ts";
import { hasStrayNul } from "../../../src/engine/story/figure-markers.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const chart = (id: string) => `\`\`\`plot data=jobs id=${id}\ntitle: Jobs ${id}\nalt: Bars.\nmarks:\n  - barX: {y: city, x: jobs}\n\`\`\`\n`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-published-story-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  mkdirSync(join(root, "data"));
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,120\nShanghai,90\n");
  const text = `---\ntitle: Jobs\ndek: Where the jobs are.\ndate: 2025-03-21\n---\n\nFirst.\n\n\`\`\`data id=jobs src=jobs.csv\n\`\`\`\n\n${chart("first")}\nBetween the charts.\n\n${chart("second")}\nLast.\n`;
  writeFileSync(join(root, "content", "stories", "jobs.md"), text);
  return root;
}

it("keeps each figure once in the store, and the page body is the compiled body exactly", () => {
  const root = project();
  const story = compileProject(root).stories[0]!;
  expect(story.charts).toHaveLength(2);
  const published = publishStory(root, story);
  const stored = readStoredText(root, published.body);
  for (const chart of story.charts) expect(stored).not.toContain(chart.html);
  expect(stored).toContain("Between the charts.");
  expect(published.charts.map((chart) => readStoredText(root, chart.figure))).toEqual(story.charts.map((chart) => chart.html));
  expect(storyPageBody(root, published)).toBe(story.html);
});

it("keeps a body whole when it has a NUL of its own, so nothing in it is read as a figure's place", () => {
  const root = project();
  const story = compileProject(root).stories[0]!;
  const stray = `${story.bodyWithMarkers}<p>\u0000plotline-figure:0\u0000 \u0000</p>`;
  expect(hasStrayNul(story.bodyWithMarkers!)).toBe(false);
  expect(hasStrayNul(stray)).toBe(true);
  const { bodyWithMarkers: _, ...whole } = { ...story, html: `${story.html}<p>\u0000plotline-figure:0\u0000</p>` };
  const published = publishStory(root, whole);
  expect(published.figuresApart).toBe(false);
  expect(readStoredText(root, published.body)).toBe(whole.html);
  expect(storyPageBody(root, published)).toBe(whole.html);
});
