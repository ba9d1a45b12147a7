import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectOptions, readSiteConfig } from "../../src/cli/site-config.ts";

const scratch = mkdtempSync(join(tmpdir(), "plotline-site-config-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder holding only this plotline.config.mjs. */
function projectWith(config: string): string {
  const root = mkdtempSync(join(scratch, "project-"));
  writeFileSync(join(root, "plotline.config.mjs"), config);
  return root;
}

describe("plotline.config.mjs images", () => {
  it("draws no chart PNGs at build time unless the project says images.chartPng: true", async () => {
    const silent = projectOptions(await readSiteConfig(projectWith(`export const base = "/";`)));
    expect(silent.chartPngs).toBeUndefined();
    const off = projectOptions(await readSiteConfig(projectWith(`export const images = { chartPng: false };`)));
    expect(off.chartPngs).toBeUndefined();
    const on = projectOptions(await readSiteConfig(projectWith(`export const images = { chartPng: true };`)));
    expect(on.chartPngs).toBe(true);
  });

  it("reads only a real true: a string or a number is not a yes", async () => {
    const text = projectOptions(await readSiteConfig(projectWith(`export const images = { chartPng: "yes" };`)));
    expect(text.chartPngs).toBeUndefined();
  });
});
