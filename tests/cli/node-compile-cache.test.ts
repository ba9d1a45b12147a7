/** Node's compile cache kept in the project between builds (src/cli/node-compile-cache.ts). */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { pruneCompileCache } from "../../src/cli/node-compile-cache.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cache folder with `entries` entries for this Node and one folder of an older Node. */
function cacheWith(entries: number): { dir: string; current: string; old: string } {
  const dir = mkdtempSync(join(tmpdir(), "plotline-compile-cache-"));
  dirs.push(dir);
  const current = join(dir, `${process.version}-x64-00000000-0`);
  const old = join(dir, "v22.12.0-x64-00000000-0");
  for (const folder of [current, old]) mkdirSync(folder);
  for (let n = 0; n < entries; n++) writeFileSync(join(current, `entry-${n}`), "");
  writeFileSync(join(old, "entry"), "");
  return { dir, current, old };
}

it("keeps this Node's entries and removes those of other Node versions", () => {
  const { dir, current, old } = cacheWith(3);
  pruneCompileCache(dir, 10);
  expect(existsSync(join(current, "entry-2"))).toBe(true);
  expect(existsSync(old)).toBe(false);
});

it("empties the folder once it holds more entries than the limit (each build adds Astro's renamed chunks)", () => {
  const { dir } = cacheWith(11);
  pruneCompileCache(dir, 10);
  expect(existsSync(dir)).toBe(false);
});

it("does nothing, and throws nothing, when there is no cache yet", () => {
  expect(() => pruneCompileCache(join(tmpdir(), "plotline-no-such-cache"))).not.toThrow();
});
