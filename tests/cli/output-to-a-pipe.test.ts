/**
 * On Linux and macOS Node writes to a pipe asynchronously, so a CLI that exits as soon as it has
 * written loses what its reader has not taken yet: a CI log of a build with many problems ended
 * mid-list, without its summary line (seen in our own CI under load).
 */
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempProject, spawnPlotline } from "../support/temp-project.ts";

/** Far more than a pipe (64 KB) and the reader's buffer hold: each problem prints a code frame and a hint. */
const LINKS = 400;

describe("the CLI's output to a pipe", () => {
  let site: string;
  let project: ReturnType<typeof createTempProject>;
  beforeAll(() => {
    site = mkdtempSync(join(tmpdir(), "plotline-pipe-"));
    mkdirSync(join(site, "content", "stories"), { recursive: true });
    mkdirSync(join(site, "data"));
    const links = Array.from({ length: LINKS }, (_, i) => `Item ${i}: [the page](javascript:alert(${i})).`).join("\n\n");
    writeFileSync(join(site, "content", "stories", "pasted-links.md"), `---\ntitle: A pasted list of links\ndek: Addresses from anywhere.\ndate: 2025-03-21\n---\n\n${links}\n`);
    project = createTempProject(site);
  });
  afterAll(() => {
    project?.cleanup();
    rmSync(site, { recursive: true, force: true });
  });

  it("reaches a reader that drains it slowly whole, every problem and the summary line, before the CLI exits", async () => {
    const child = spawnPlotline(project.root, "check");
    const closed = once(child, "close");
    // Take nothing until a second after the output starts: a CLI that does not wait for its pipe has
    // exited by then with the rest of its output unwritten; one that waits is still there.
    await once(child.stdout, "readable");
    await Promise.race([once(child, "exit"), sleep(1000)]);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const [status] = (await closed) as [number | null];
    const output = Buffer.concat(chunks).toString("utf8");
    expect(output.length).toBeGreaterThan(200_000);
    expect(output.match(/ error link\/unsafe-scheme /g)).toHaveLength(LINKS);
    expect(output).toMatch(new RegExp(`\\n${LINKS} errors, 0 warnings\\.\\n$`));
    expect(status).toBe(1);
  }, 120_000);

  it("goes nowhere, without an error or a stack trace, once the reader stops reading (`| head`), and the CLI exits as it would have", async () => {
    const child = spawnPlotline(project.root, "check");
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    const closed = once(child, "close");
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [status] = (await closed) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(status).toBe(1);
  }, 120_000);
});
