/**
 * Sites built once per test run and shared by the test files that only read what the build wrote (the
 * browser tests serve dist/ and look at it): the first file to ask for a site, published at a given
 * address, builds it with the real CLI into the run's folder (global-setup.ts); the files after it find
 * it there instead of building the same site again. Files that change a project or rebuild it make
 * their own (createTempProject); a file that needs to add to a shared dist/ copies it first.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createTempProject, runPlotlineWith, testRunDir } from "./temp-project.ts";

export interface SharedSite {
  /** The temporary project: read it, never change it. */
  root: string;
  /** Its dist/, as `plotline build` left it. */
  dist: string;
  /** What the build printed and its exit status. */
  status: number;
  stdout: string;
  stderr: string;
}

/** How long a file waits for another file's build of the same site (a build takes 10–60 s). */
const WAIT_MS = 10 * 60_000;

/**
 * `site` (a folder with content/ and data/, or several made one: see createTempProject) built once per
 * run with `env` (e.g. publishedAt("/newsroom/", "https://news.example.org")). Test files may run in
 * parallel: the first one to ask builds (it makes the site's folder, which only one can), the others
 * wait for its result.
 */
export async function sharedSite(site: string | readonly string[], env: NodeJS.ProcessEnv = {}): Promise<SharedSite> {
  const runDir = testRunDir();
  if (!runDir) throw new Error("sharedSite needs the folder of a test run: run the tests with Vitest (tests/support/global-setup.ts makes it)");
  const key = createHash("sha256")
    .update(JSON.stringify([typeof site === "string" ? resolve(site) : site.map((folder) => resolve(folder)), Object.entries(env).sort(([a], [b]) => a.localeCompare(b))]))
    .digest("hex")
    .slice(0, 16);
  const dir = join(runDir, "sites", key);
  const resultFile = join(dir, "result.json");
  mkdirSync(join(runDir, "sites"), { recursive: true });
  let mine = false;
  try {
    mkdirSync(dir);
    mine = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (mine) {
    let result: SharedSite;
    try {
      const project = createTempProject(site, dir);
      result = { root: project.root, dist: join(project.root, "dist"), ...runPlotlineWith(project.root, env, "build") };
    } catch (error) {
      result = { root: "", dist: "", status: -1, stdout: "", stderr: `the shared build could not run: ${error instanceof Error ? error.message : String(error)}` };
    }
    // Renamed into place, so a file waiting never reads half of it.
    writeFileSync(`${resultFile}.partial`, JSON.stringify(result));
    renameSync(`${resultFile}.partial`, resultFile);
    return result;
  }
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for another test file's build of ${site} (${dir})`);
    await sleep(200);
  }
  return JSON.parse(readFileSync(resultFile, "utf8")) as SharedSite;
}
