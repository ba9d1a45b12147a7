import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";

let base: string;
let dataDir: string;
const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "plotline-data-files-"));
  dataDir = join(base, "data");
  mkdirSync(join(dataDir, "jobs", "2025"), { recursive: true });
  mkdirSync(join(dataDir, ".git"));
  writeFileSync(join(dataDir, "b.csv"), "b\n1\n");
  writeFileSync(join(dataDir, "a.csv"), "a\n1\n");
  writeFileSync(join(dataDir, "jobs", "2025", "cities.csv"), "city\nBeijing\n");
  writeFileSync(join(dataDir, ".hidden.csv"), "x\n");
  writeFileSync(join(dataDir, ".git", "config"), "x\n");
  writeFileSync(join(base, "secret.csv"), "secret\n1\n");
  mkdirSync(join(base, "outside-dir"));
  writeFileSync(join(base, "outside-dir", "leak.csv"), "leak\n");
  symlinkSync(join(base, "secret.csv"), join(dataDir, "link-out.csv"));
  symlinkSync(join(base, "outside-dir"), join(dataDir, "dir-out"));
  symlinkSync(join(dataDir, "a.csv"), join(dataDir, "link-in.csv"));
  symlinkSync(dataDir, join(dataDir, "jobs", "loop"));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe("the data folder on disk", () => {
  it("reads a file by its path relative to the folder", () => {
    const files = nodeDataFiles(dataDir);
    expect(text(files.read("a.csv"))).toBe("a\n1\n");
    expect(text(files.read("jobs/2025/cities.csv"))).toBe("city\nBeijing\n");
    expect(files.displayRoot).toBe("data");
  });
  it("returns nothing for a file that does not exist or a folder", () => {
    const files = nodeDataFiles(dataDir);
    expect(files.read("missing.csv")).toBeUndefined();
    expect(files.read("jobs")).toBeUndefined();
  });
  it("refuses paths that leave the folder", () => {
    const files = nodeDataFiles(dataDir);
    for (const path of ["../secret.csv", "jobs/../../secret.csv", join(base, "secret.csv"), "jobs\\..\\..\\secret.csv", "C:/secret.csv", ""]) {
      expect(files.read(path), path).toBeUndefined();
    }
  });
  it("refuses a symbolic link that points outside the folder", () => {
    const files = nodeDataFiles(dataDir);
    expect(files.read("link-out.csv")).toBeUndefined();
    expect(files.read("dir-out/leak.csv")).toBeUndefined();
  });
  it("follows a symbolic link that stays inside the folder", () => {
    expect(text(nodeDataFiles(dataDir).read("link-in.csv"))).toBe("a\n1\n");
  });
  it("needs the file name's exact case, as on Linux", () => {
    expect(nodeDataFiles(dataDir).read("A.csv")).toBeUndefined();
    expect(nodeDataFiles(dataDir).read("Jobs/2025/cities.csv")).toBeUndefined();
  });
  it("lists every file, sorted, with forward slashes, without dotfiles or links that leave the folder", () => {
    expect(nodeDataFiles(dataDir).list()).toEqual(["a.csv", "b.csv", "jobs/2025/cities.csv", "link-in.csv"]);
  });
  it("lists once per instance", () => {
    const files = nodeDataFiles(dataDir);
    const first = files.list();
    writeFileSync(join(dataDir, "c.csv"), "c\n");
    expect(files.list()).toBe(first);
    expect(nodeDataFiles(dataDir).list()).toContain("c.csv");
    rmSync(join(dataDir, "c.csv"));
  });
  it("a missing data folder has no files", () => {
    const files = nodeDataFiles(join(base, "no-such-folder"));
    expect(files.list()).toEqual([]);
    expect(files.read("a.csv")).toBeUndefined();
  });
});
