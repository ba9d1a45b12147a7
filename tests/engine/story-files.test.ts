/**
 * Which files of content/stories/ are stories (src/engine/project/story-files.ts): every Markdown file
 * left out is named in a warning, and a symbolic link is followed only while it stays in the project.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { scanStoryFiles } from "../../src/engine/project/story-files.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const story = (title: string) => `---\ntitle: ${title}\ndek: A story.\ndate: 2025-03-21\n---\n\nText of ${title}.\n`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-files-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  writeFileSync(join(root, "content", "stories", "jobs.md"), story("Jobs"));
  return root;
}

describe("story files", () => {
  it("builds a story that is a symbolic link to a file inside the project, under the link's name", () => {
    const root = project();
    mkdirSync(join(root, "drafts"));
    writeFileSync(join(root, "drafts", "budget.md"), story("Budget"));
    symlinkSync("../../drafts/budget.md", join(root, "content", "stories", "budget.md"));
    const compiled = compileProject(root);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.stories.map((s) => s.slug)).toEqual(["budget", "jobs"]);
    expect(compiled.stories[0]!.html).toContain("Text of Budget.");
  });

  it("never reads a story linked from outside the project, and warns about it", () => {
    const root = project();
    const outside = mkdtempSync(join(tmpdir(), "plotline-outside-"));
    roots.push(outside);
    writeFileSync(join(outside, "secret.md"), story("Secret"));
    symlinkSync(join(outside, "secret.md"), join(root, "content", "stories", "secret.md"));
    const compiled = compileProject(root);
    expect(compiled.stories.map((s) => s.slug)).toEqual(["jobs"]);
    expect(compiled.diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(["story/link-not-followed content/stories/secret.md"]);
    expect(compiled.diagnostics[0]!.message).toContain("outside the project");
  });

  it("warns once for each Markdown file in folders at any depth, and ignores other files, hidden ones and a linked folder", () => {
    const root = project();
    const dir = join(root, "content", "stories");
    mkdirSync(join(dir, "2024", "march"), { recursive: true });
    writeFileSync(join(dir, "2024", "budget.md"), story("Budget"));
    writeFileSync(join(dir, "2024", "march", "rain.markdown"), story("Rain"));
    writeFileSync(join(dir, "2024", "chart.png"), "");
    writeFileSync(join(dir, ".draft.md"), story("Hidden"));
    writeFileSync(join(dir, "notes.txt"), "notes");
    symlinkSync("..", join(dir, "up"));
    const scan = scanStoryFiles(root);
    expect(scan.stories).toEqual(["content/stories/jobs.md"]);
    expect(scan.notBuilt.map((d) => [d.code, d.span.file, d.hint])).toEqual([
      ["story/in-subfolder", "content/stories/2024/budget.md", expect.stringMatching(/^Move it to content\/stories\/budget\.md to publish it/)],
      ["story/in-subfolder", "content/stories/2024/march/rain.markdown", expect.stringMatching(/^Move it to content\/stories\/rain\.md to publish it/)],
    ]);
  });
});
