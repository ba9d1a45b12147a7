import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectOptions, readSiteConfig } from "../../src/cli/site-config.ts";
import { additionKeys } from "../../src/engine/chart/spec/addition-switches.ts";
import { ConfigError } from "../../src/engine/project/house-style.ts";

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

describe("plotline.config.mjs additions (the house style)", () => {
  it("passes the switches on to the project's compile, and none when the project says nothing", async () => {
    const silent = projectOptions(await readSiteConfig(projectWith(`export const base = "/";`)));
    expect(silent.additions).toBeUndefined();
    const some = projectOptions(await readSiteConfig(projectWith(`export const additions = { endLabels: false, compactTicks: true };`)));
    expect(some.additions).toEqual({ endLabels: false, compactTicks: true });
    const none = projectOptions(await readSiteConfig(projectWith(`export const additions = false;`)));
    expect(Object.values(none.additions!).every((on) => on === false)).toBe(true);
    expect(Object.keys(none.additions!)).toEqual([...additionKeys]);
  });

  it("stops with a ConfigError that says what to write, for a misspelt name or a value that is not true or false", async () => {
    const misspelt = readSiteConfig(projectWith(`export const additions = { endLables: false };`));
    await expect(misspelt).rejects.toBeInstanceOf(ConfigError);
    await expect(misspelt).rejects.toThrow(/"endLables".*Did you mean "endLabels"\?/);
    await expect(readSiteConfig(projectWith(`export const additions = { endLabels: "no" };`))).rejects.toThrow(/"endLabels" is "no"; write true \(on\) or false \(off\)/);
    await expect(readSiteConfig(projectWith(`export const additions = "none";`))).rejects.toThrow(/write false \(no additions\), or switches/);
  });
});
