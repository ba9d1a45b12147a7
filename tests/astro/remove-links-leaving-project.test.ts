/** A site built by `astro build` alone keeps nothing a link in public/ brought in from outside the project. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeLinksLeavingProject } from "../../src/astro/remove-links-leaving-project.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "plotline-links-"));
  dirs.push(dir);
  return dir;
};

describe("removeLinksLeavingProject", () => {
  it("removes from the built site the files and folders copied through links leading outside, and keeps the rest", () => {
    const root = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, "secrets.txt"), "password=hunter2\n");
    mkdirSync(join(root, "public", "deep"), { recursive: true });
    writeFileSync(join(root, "public", "favicon.svg"), "<svg/>");
    symlinkSync(join(outside, "secrets.txt"), join(root, "public", "notes.txt"));
    symlinkSync(outside, join(root, "public", "deep", "shared"));
    // What Astro writes: public/ copied following every link.
    const site = join(tempDir(), "dist");
    cpSync(join(root, "public"), site, { recursive: true, dereference: true });
    expect(existsSync(join(site, "deep", "shared", "secrets.txt"))).toBe(true);

    expect(removeLinksLeavingProject(root, site).sort()).toEqual(["deep/shared", "notes.txt"]);
    expect(existsSync(join(site, "notes.txt"))).toBe(false);
    expect(existsSync(join(site, "deep", "shared"))).toBe(false);
    expect(existsSync(join(site, "favicon.svg"))).toBe(true);
  });
});
