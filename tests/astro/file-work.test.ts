/** File work handed to the thread pool a few at a time (src/astro/file-work.ts). */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { fileWork } from "../../src/astro/file-work.ts";

const settleSoon = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

it("never has more tasks under way than its limit, and finishes every one", async () => {
  const work = fileWork(3);
  let running = 0;
  let most = 0;
  let finished = 0;
  for (let n = 0; n < 20; n++) {
    await work.add(async () => {
      most = Math.max(most, ++running);
      await settleSoon();
      running--;
      finished++;
    });
  }
  await work.done();
  expect(most).toBe(3);
  expect(finished).toBe(20);
});

it("throws the first failure once the other tasks are over", async () => {
  const work = fileWork(2);
  let finished = 0;
  await work.add(() => Promise.reject(new Error("disk full")));
  await work.add(() => settleSoon().then(() => finished++));
  await work.add(() => Promise.reject(new Error("second")));
  await expect(work.done()).rejects.toThrow("disk full");
  expect(finished).toBe(1);
});

it("makes each folder once, with its parents", async () => {
  const root = mkdtempSync(join(tmpdir(), "plotline-file-work-"));
  try {
    const work = fileWork();
    const folder = join(root, "a", "b");
    expect(work.folder(folder)).toBe(work.folder(folder));
    await work.folder(folder);
    expect(statSync(folder).isDirectory()).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
