/**
 * What `plotline check` and `build` print (src/cli/print-diagnostics.ts): one line per diagnostic whatever
 * a file's name holds, no terminal control sequences from the editor's files, and never a code frame
 * from a file outside the project.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { printDiagnostics } from "../../src/cli/print-diagnostics.ts";
import { diagnostic } from "../../src/engine/diagnostics/diagnostic.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tempDir(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-print-"));
  roots.push(root);
  return root;
}

const printed = (root: string, diagnostics: Parameters<typeof printDiagnostics>[1]) => {
  let out = "";
  printDiagnostics(root, diagnostics, (text) => (out += text));
  return out;
};

describe("printDiagnostics", () => {
  it("escapes a newline and other control characters in a file's name, JSON-style, so each diagnostic stays one line", () => {
    const root = tempDir();
    mkdirSync(join(root, "content", "stories", "2024"), { recursive: true });
    const name = "content/stories/2024/bud\nget\u001b[31m.md";
    writeFileSync(join(root, ...name.split("/")), "---\ntitle: x\n---\n");
    const out = printed(root, compileProject(root).diagnostics);
    const first = out.split("\n")[0];
    expect(first).toBe(
      'content/stories/2024/bud\\nget\\u001b[31m.md:1:1 warning story/in-subfolder content/stories/2024/bud\\nget\\u001b[31m.md is not built: Plotline builds only the stories directly in content/stories/, not those in folders inside it.',
    );
    expect(out).not.toContain("\u001b");
    expect(out).not.toMatch(/bud\nget/);
  });

  it("shows control characters of a story's text in its code frame as visible characters, at the same columns", () => {
    const root = tempDir();
    writeFileSync(join(root, "story.md"), "line one\nbad \u001b[2J here\n");
    const span = { file: "story.md", start: { line: 2, column: 5 }, end: { line: 2, column: 6 } };
    const out = printed(root, [diagnostic("story/no-frontmatter", {}, span)]);
    expect(out).not.toContain("\u001b");
    expect(out).toContain("  > 2 | bad \u241b[2J here\n      |     ^\n");
  });

  it("prints no code frame for a link in public/ to a file outside the project, so that file is never shown", () => {
    const root = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, "secrets.txt"), "password=hunter2\n");
    mkdirSync(join(root, "public"));
    symlinkSync(join(outside, "secrets.txt"), join(root, "public", "notes.txt"));
    mkdirSync(join(root, "public", "deep"));
    symlinkSync(outside, join(root, "public", "deep", "folder"));
    const project = compileProject(root);
    expect(project.diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(["public/link-outside public/deep/folder", "public/link-outside public/notes.txt"]);
    const out = printed(root, project.diagnostics);
    expect(out).not.toContain("hunter2");
    expect(out).toContain(`public/notes.txt:1:1 error public/link-outside public/notes.txt is a symbolic link to ${join(outside, "secrets.txt")}, outside the project`);
  });
});
