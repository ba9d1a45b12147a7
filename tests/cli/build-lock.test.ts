/**
 * One build at a time per project (src/cli/build-lock.ts): a second build is refused with a message
 * naming the first; a lock left by a build that was killed is taken over.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireBuildLock, buildLockName, isProcessAlive } from "../../src/cli/build-lock.ts";
import { repoRoot } from "../support/temp-project.ts";

const roots: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function workDir(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-lock-"));
  roots.push(root);
  mkdirSync(join(root, ".plotline"));
  return join(root, ".plotline");
}

/** A process that is running (and will be stopped after the test), and the id of one that is not. */
function liveProcess(): number {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}
function deadProcessId(): number {
  const done = spawnSync("true");
  expect(done.status).toBe(0);
  const pid = done.pid;
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

describe("the build lock", () => {
  it("is taken when free, holds the build's process id, and is gone once released", () => {
    const dir = workDir();
    const lock = acquireBuildLock(dir, 1234, () => false);
    expect(lock.held).toBe(true);
    expect(readFileSync(join(dir, buildLockName), "utf8")).toBe("1234\n");
    if (lock.held) lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("is refused to a second build while the first one's process runs, naming that process", () => {
    const dir = workDir();
    const first = liveProcess();
    expect(acquireBuildLock(dir, first).held).toBe(true);
    const second = acquireBuildLock(dir, process.pid);
    expect(second).toEqual({ held: false, pid: first, path: join(dir, buildLockName) });
    expect(readFileSync(join(dir, buildLockName), "utf8")).toBe(`${first}\n`);
  });

  it("is taken over when the build holding it was killed (its process is gone)", () => {
    const dir = workDir();
    writeFileSync(join(dir, buildLockName), `${deadProcessId()}\n`);
    const lock = acquireBuildLock(dir, process.pid);
    expect(lock.held).toBe(true);
    expect(readFileSync(join(dir, buildLockName), "utf8")).toBe(`${process.pid}\n`);
  });

  it("is not released by a build that does not hold it", () => {
    const dir = workDir();
    const lock = acquireBuildLock(dir, 1111, () => false);
    // Build 1111 was thought dead and its lock taken over by 2222; 1111's release must leave 2222's lock.
    expect(acquireBuildLock(dir, 2222, () => false).held).toBe(true);
    if (lock.held) lock.release();
    expect(readFileSync(join(dir, buildLockName), "utf8")).toBe("2222\n");
  });
});

describe("plotline build while another build runs", () => {
  it("exits 1 at once with one line naming the other build's process, and touches nothing", () => {
    const dir = workDir();
    const root = join(dir, "..");
    const other = liveProcess();
    writeFileSync(join(dir, buildLockName), `${other}\n`);
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "published");
    const result = spawnSync(join(repoRoot, "node_modules", ".bin", "node"), [join(repoRoot, "src", "cli", "plotline.ts"), "build"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `Build not started: another build of this project is running (process ${other}). Wait for it to finish; if no build is running, delete .plotline/build.lock.\n`,
    );
    expect(readFileSync(join(root, "dist", "index.html"), "utf8")).toBe("published");
    expect(readFileSync(join(dir, buildLockName), "utf8")).toBe(`${other}\n`);
    expect(existsSync(join(root, "content"))).toBe(false);
  });
});
