import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";

export const repoRoot = join(import.meta.dirname, "..", "..");

/**
 * A throwaway Plotline project: this repository's code and config with the stories and data of
 * `site` (a folder holding content/ and data/), so tests build real sites without touching the repo.
 * Several sites make one project of all their stories and data (see mergeSiteFiles).
 * It is made in `parent` (the system's temporary folder by default).
 */
export function createTempProject(site: string | readonly string[], parent = tmpdir()): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(parent, "plotline-site-"));
  for (const entry of ["package.json", "tsconfig.json", "astro.config.mjs", "plotline.config.mjs", "src", "public"]) {
    cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  }
  for (const folder of typeof site === "string" ? [site] : site) mergeSiteFiles(folder, root);
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Copies a site's content/ and data/ into a project. A story or data file the project already has
 * would change another site's pages, so it is an error; a data folder's README.md only describes
 * that folder (no story reads it), so the first one is kept.
 */
function mergeSiteFiles(site: string, root: string): void {
  for (const folder of ["content", "data"]) {
    cpSync(join(site, folder), join(root, folder), {
      recursive: true,
      filter: (source, destination) => {
        if (statSync(source).isDirectory() || !existsSync(destination)) return true;
        if (basename(source) === "README.md") return false;
        throw new Error(`${source} would replace ${destination}: two sites of one test project name the same file`);
      },
    });
  }
}

/**
 * Variables Vitest sets in its own process (Vite's import.meta.env: BASE_URL "/", PROD "", DEV "1", …;
 * NODE_ENV "test"). Passed on to a build they would win over Astro's own: every link would miss the
 * base path of PLOTLINE_BASE, and pages would be built as in dev (drafts listed).
 */
const testRunnerEnv = ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV"];

/** Runs the Plotline CLI in a project with this repository's Node (24), in the environment a terminal would give it. */
export function runPlotline(root: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  return runPlotlineWith(root, {}, ...args);
}

/** Where a test site is published: PLOTLINE_BASE and PLOTLINE_SITE for one command. */
export const publishedAt = (base: string, site?: string): NodeJS.ProcessEnv => ({ PLOTLINE_BASE: base, ...(site ? { PLOTLINE_SITE: site } : {}) });

/**
 * The variable that names the folder of the current test run (made by global-setup.ts, deleted when the
 * run ends); unset outside Vitest (a benchmark script using these helpers).
 */
export const testRunDirVariable = "PLOTLINE_TEST_RUN_DIR";

/** The current test run's folder, if any (see testRunDirVariable). */
export const testRunDir = (): string | undefined => process.env[testRunDirVariable] || undefined;

/**
 * Node's module compile cache for the CLI processes of a test run: V8's compiled code, kept in the run's
 * folder, so that each process does not compile Plot, d3, Astro and the engine again (about a third of
 * the CPU time a CLI process needs to start). Node checks every entry against the source it was made
 * from and never uses a stale or torn one: the cache changes how fast modules load, not what they do.
 */
function compileCacheEnv(): NodeJS.ProcessEnv {
  const runDir = testRunDir();
  return runDir && process.env["NODE_COMPILE_CACHE"] === undefined ? { NODE_COMPILE_CACHE: join(runDir, "compile-cache") } : {};
}

/** The environment a terminal would give the CLI, plus `extraEnv`. */
function cliEnv(extraEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", ...compileCacheEnv(), ...extraEnv };
  for (const name of [...testRunnerEnv, testRunDirVariable]) delete env[name];
  return env;
}

const nodeBin = join(repoRoot, "node_modules", ".bin", "node");

/** runPlotline with extra environment variables (e.g. publishedAt("/newsroom/", "https://news.example.org")). */
export function runPlotlineWith(root: string, extraEnv: NodeJS.ProcessEnv, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(nodeBin, [join(root, "src", "cli", "plotline.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: cliEnv(extraEnv),
    timeout: 240_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI started in `root` as a child process whose output the caller reads (or does not yet). */
export const spawnPlotline = (root: string, ...args: string[]): ChildProcessWithoutNullStreams =>
  spawn(nodeBin, [join(root, "src", "cli", "plotline.ts"), ...args], { cwd: root, env: cliEnv({}), timeout: 240_000 });

/** runPlotline without blocking, so that two commands (check and build of a failing project) can run side by side. */
export function runPlotlineAsync(root: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnPlotline(root, ...args);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}
