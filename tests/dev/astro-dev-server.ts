/**
 * `astro dev` in a temporary project, for tests of the editor's preview: started in a process group
 * of its own so that it and everything it starts (esbuild) can be stopped together, and never left
 * running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { lstatSync, mkdirSync, readdirSync, symlinkSync, unlinkSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../support/temp-project.ts";

export interface DevServer {
  /** "http://127.0.0.1:<port>" without a trailing slash. */
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
  /** Stops the server and its process group; resolves when no process of the group is left. */
  stop: () => Promise<void>;
}

/** Thrown by a probe of until() to stop waiting at once. */
export class GiveUp extends Error {}

/** Polls `probe` every `interval` ms until it returns something other than undefined/false, or throws on timeout. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeout?: number; interval?: number; details?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`Timed out waiting for ${what}${cause}${options.details ? `\n${options.details()}` : ""}`);
    }
    await sleep(options.interval ?? 100);
  }
}

/**
 * Replaces a temporary project's node_modules (a link to this repository's) with a folder of links to
 * each package, so that what `astro dev` writes there (Vite's optimised dependencies, under
 * node_modules/.vite) stays in the temporary project instead of the repository's node_modules, where
 * it would fight with an `npm run dev` running in the repository.
 */
export function ownNodeModules(root: string): void {
  const shared = join(repoRoot, "node_modules");
  const own = join(root, "node_modules");
  // Only ever the link: never anything that could be the repository's node_modules itself.
  if (!lstatSync(own).isSymbolicLink()) throw new Error(`${own} is not a link to ${shared}`);
  unlinkSync(own);
  mkdirSync(own);
  for (const name of readdirSync(shared)) {
    if (name === ".vite" || name === ".astro") continue; // caches, not packages
    symlinkSync(join(shared, name), join(own, name));
  }
}

/**
 * Runs `astro dev` (the arguments after -e) and kills its whole process group when its stdin closes,
 * which happens when the test process dies without running afterAll (Ctrl-C, a killed run): the
 * server never outlives the tests.
 */
const WATCHDOG = `
const { spawn } = require("node:child_process");
const astro = spawn(process.execPath, process.argv.slice(1), { stdio: ["ignore", "inherit", "inherit"] });
astro.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.stdin.on("end", () => process.kill(0, "SIGKILL"));
process.stdin.on("error", () => process.kill(0, "SIGKILL"));
process.stdin.resume();
`;

/** A TCP port nothing listens on at the moment, on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Starts `astro dev` in `root` and waits until `readyPath` (default "/") answers 200. */
export async function startDevServer(root: string, options: { timeout?: number; readyPath?: string } = {}): Promise<DevServer> {
  const node = join(repoRoot, "node_modules", ".bin", "node");
  const port = await freePort();
  const args = ["node_modules/astro/bin/astro.mjs", "dev", "--port", String(port), "--host", "127.0.0.1"];
  const child = spawn(node, ["--input-type=commonjs", "-e", WATCHDOG, ...args], {
    cwd: root,
    env: { ...outsideVitest(process.env), ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" },
    // A process group of its own: stop() signals the whole group.
    detached: true,
    // stdin is the watchdog's lifeline (see WATCHDOG).
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => output;
  const stop = () => stopGroup(child);
  try {
    // Astro takes the next port if the one asked for is busy, so read the address it prints.
    const url = await until(
      "astro dev to print its address",
      () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new GiveUp(`astro dev exited (${child.exitCode ?? child.signalCode})\n${output}`);
        return /http:\/\/127\.0\.0\.1:\d+(?=\/)/.exec(output)?.[0];
      },
      { timeout: options.timeout ?? 30_000, details: log },
    );
    await until("astro dev to answer", async () => (await fetch(`${url}${options.readyPath ?? "/"}`)).ok, { timeout: options.timeout ?? 30_000, details: log });
    return { url, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The environment without what Vitest adds to it (VITEST, NODE_ENV=test, MODE, BASE_URL, DEV, PROD,
 * SSR …). Astro's dev server does not install its page handler when VITEST is set
 * (vite-plugin-astro-server: `if (process.env.VITEST) return;`), and then answers every page with a 404.
 */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const vitest = new Set(["NODE_ENV", "TEST", "MODE", "BASE_URL", "DEV", "PROD", "SSR"]);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !vitest.has(key) && !key.startsWith("VITEST")));
}

/** SIGTERM to the group, SIGKILL to whatever is left after 5 s, then waits until the group is empty. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // ESRCH: no process left in the group
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signal("SIGTERM");
    await Promise.race([once(child, "exit"), sleep(5_000)]);
  }
  signal("SIGKILL");
  await until("the dev server's processes to end", () => !signal(0), { timeout: 10_000 });
}
