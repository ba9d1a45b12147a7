/**
 * The Observable Framework side of `npm run bench` (issue 13): the benchmark corpus built by Observable
 * Framework 1.13.4, as Framework users write it.
 *
 * `node bench/framework.ts <number of stories> [--no-browser] [--keep] [--no-pager]`
 *
 * - Installs @observablehq/framework 1.13.4 (with the project's versions of Plot and d3) once into
 *   .plotline/bench-framework/ (git-ignored; reused while its package.json is unchanged).
 * - Converts the corpus of bench/generate-corpus.ts to a Framework project: one page per story
 *   (src/stories/<slug>/index.md) with the prose as Markdown, each data block a CSV file attachment next
 *   to the page read with `FileAttachment("….csv").csv({typed: true})`, and each chart an expression
 *   block `Plot.plot({…, width, marks: […]})` with the marks and options of the Plotline chart, drawn in
 *   the reader's browser.
 * - Builds it with `observable build` cold (no .observablehq/cache, no dist) and again unchanged (cache
 *   kept, as on a Framework user's next build), timing wall clock and polling peak memory of the build's
 *   process tree from /proc.
 * - Optionally loads one built page in headless Chromium and counts the charts drawn.
 *
 * No network: Framework 1.13.4 fetches `npm:` imports from cdn.jsdelivr.net and resolves their versions
 * on registry.npmjs.org, even for a build that uses none of them (its client and standard library name
 * about fifteen packages). So:
 * - pages import Plot from "@observablehq/plot" (a bare specifier: Framework bundles it from the
 *   project's node_modules into _node/) instead of using the implicit `Plot` (= npm:@observablehq/plot);
 * - before each cold build, .observablehq/cache/_npm gets what the build would otherwise ask the network
 *   for: one empty folder per pinned version (Framework's own record of a resolved version) and, for
 *   d3-dsv, which `.csv()` loads in the browser, d3-dsv's own ES module bundle from node_modules where
 *   Framework would download jsDelivr's. This is outside the timed build; it is what the cold build's
 *   network requests would have fetched;
 * - the build runs with bench/framework-offline.ts preloaded, which refuses and records any connection
 *   off the machine, so a build that still tried the network fails loudly instead of measuring a timeout.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus, type BlockParts, type GeneratedStory } from "./generate-corpus.ts";

const repo = join(import.meta.dirname, "..");
export const frameworkVersion = "1.13.4";
/** Where Framework is installed for the benchmark: git-ignored (.plotline/), outside the project's node_modules. */
export const frameworkInstall = join(repo, ".plotline", "bench-framework");
const node = join(repo, "node_modules", ".bin", "node");

/**
 * Versions of the packages Framework 1.13.4's client and standard library name as `npm:` imports, as
 * registry.npmjs.org resolved them on 2026-12-04. They only become URLs in Framework's client bundles
 * (nothing on the benchmark's pages loads them), except d3-dsv, whose version must be the installed one.
 */
const npmPins: Record<string, string> = {
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": "21.2.0",
  arquero: "8.0.3",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": "3.1.0",
};

const projectVersion = (name: string) => (JSON.parse(readFileSync(join(repo, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** Installs Framework (once) and returns the folder holding its node_modules. */
export function ensureFramework(): string {
  const manifest = `${JSON.stringify(
    {
      name: "plotline-bench-framework",
      private: true,
      type: "module",
      dependencies: { "@observablehq/framework": frameworkVersion, "@observablehq/plot": projectVersion("@observablehq/plot"), d3: projectVersion("d3") },
      allowScripts: { esbuild: true },
    },
    null,
    2,
  )}\n`;
  const manifestPath = join(frameworkInstall, "package.json");
  const bin = join(frameworkInstall, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  if (existsSync(bin) && existsSync(manifestPath) && readFileSync(manifestPath, "utf8") === manifest) return frameworkInstall;
  mkdirSync(frameworkInstall, { recursive: true });
  writeFileSync(manifestPath, manifest);
  // On stderr, so that `node bench/framework.ts` prints only its JSON on stdout.
  console.error(`Installing @observablehq/framework@${frameworkVersion} into ${frameworkInstall}…`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["install", "--prefix", frameworkInstall, "--no-save", "--no-audit", "--no-fund", "--no-package-lock"], { stdio: ["ignore", 2, 2] });
  if (result.status !== 0 || !existsSync(bin)) throw new Error(`npm install of @observablehq/framework@${frameworkVersion} failed`);
  return frameworkInstall;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * The Plot options of a Plotline chart, as Framework code (data is the block's variable). One
 * difference: the grouped bars' years are numbers, which Plotline's tickFormat "%Y" prints as they are
 * but Plot's would reject (d3-format: invalid format), so Framework users write "d" for the same ticks.
 */
function plotCode(block: BlockParts): string {
  const common = `title: ${json(block.title)},\n  caption: "Source: Synthetic",\n  ariaDescription: ${json(block.alt)},\n  width,`;
  const d = block.id;
  switch (block.kind) {
    case "bar":
      return `Plot.plot({\n  ${common}\n  marginLeft: 80,\n  marks: [\n    Plot.barX(${d}, {y: "city", x: "value", sort: {y: "-x"}, tip: true}),\n    Plot.ruleX([0])\n  ]\n})`;
    case "line":
      return `Plot.plot({\n  ${common}\n  y: {grid: true},\n  marks: [\n    Plot.lineY(${d}, {x: "date", y: "value", tip: true}),\n    Plot.ruleY([0])\n  ]\n})`;
    case "dot":
      return `Plot.plot({\n  ${common}\n  color: {legend: true},\n  marks: [\n    Plot.dot(${d}, {x: "experience", y: "salary", stroke: "sector", tip: true})\n  ]\n})`;
    case "area":
      return `Plot.plot({\n  ${common}\n  color: {legend: true},\n  marks: [\n    Plot.areaY(${d}, {x: "month", y: "jobs", fill: "sector"}),\n    Plot.ruleY([0])\n  ]\n})`;
    case "group":
      return `Plot.plot({\n  ${common}\n  x: {tickFormat: "d"},\n  color: {legend: true},\n  marks: [\n    Plot.barY(${d}, Plot.groupX({y: "count"}, {x: "year", fill: "sector", tip: true})),\n    Plot.ruleY([0])\n  ]\n})`;
  }
}

/** One story as a Framework page (Markdown) and its file attachments. */
export function frameworkPage(story: GeneratedStory): { markdown: string; files: { name: string; text: string }[] } {
  const lines = ["---", `title: ${json(story.title)}`, "---", "", `# ${story.title}`, "", `*${story.dek}* ${story.date}`, "", "```js", 'import * as Plot from "@observablehq/plot";', "```", ""];
  const files: { name: string; text: string }[] = [];
  story.blocks.forEach((block, i) => {
    files.push({ name: `${block.id}.csv`, text: block.csv });
    lines.push(story.paragraphs[i]!, "", "```js", `const ${block.id} = FileAttachment(${json(`${block.id}.csv`)}).csv({typed: true});`, "```", "", "```js", plotCode(block), "```", "");
  });
  lines.push(story.paragraphs.at(-1)!, "");
  return { markdown: lines.join("\n"), files };
}

/**
 * Writes a Framework project for the first `count` stories of the benchmark corpus into `dir` (the
 * Plotline files the generator writes go to a scratch folder, deleted after). Returns the story slugs.
 */
export function writeFrameworkProject(dir: string, count: number, options: FrameworkOptions = {}): string[] {
  const scratch = mkdtempSync(join(tmpdir(), "plotline-bench-corpus-"));
  const slugs: string[] = [];
  try {
    generateCorpus(scratch, count, undefined, (story) => {
      const pageDir = join(dir, "src", "stories", story.slug);
      mkdirSync(pageDir, { recursive: true });
      const { markdown, files } = frameworkPage(story);
      writeFileSync(join(pageDir, "index.md"), markdown);
      for (const file of files) writeFileSync(join(pageDir, file.name), file.text);
      slugs.push(story.slug);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const index = ["# Stories", "", ...slugs.map((slug) => `- [${slug}](./stories/${slug}/)`), ""];
  writeFileSync(join(dir, "src", "index.md"), index.join("\n"));
  // Search on, as Plotline builds a search index; no sidebar, which on every page would list every
  // page (a Plotline story page does not list the other stories). The pager (previous and next page)
  // is Framework's default; see FrameworkOptions.
  const pager = options.pager === false ? "\n  pager: false," : "";
  writeFileSync(join(dir, "observablehq.config.js"), `export default {\n  root: "src",\n  title: "Plotline benchmark",\n  sidebar: false,${pager}\n  search: true\n};\n`);
  const install = ensureFramework();
  symlinkSync(join(install, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), `${json({ name: "plotline-bench-framework-site", private: true, type: "module" })}\n`);
  return slugs;
}

export interface FrameworkOptions {
  /**
   * false: no previous/next links. With no `pages` list in its config, Framework 1.13.4 finds the
   * pages for each page's pager by reading every page of the project again, so a build's time grows
   * with the square of its pages; `pager: false` shows how much of the time that is.
   */
  pager?: boolean;
}

/** What a cold build's network requests would have put into .observablehq/cache/_npm (see the top). */
function seedNpmCache(dir: string): void {
  const npmCache = join(dir, "src", ".observablehq", "cache", "_npm");
  const modules = join(frameworkInstall, "node_modules");
  const version = (name: string) => (JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")) as { version: string }).version;
  const pins = { ...npmPins, "@observablehq/plot": version("@observablehq/plot"), d3: version("d3"), "d3-dsv": version("d3-dsv") };
  for (const [name, v] of Object.entries(pins)) mkdirSync(join(npmCache, `${name}@${v}`), { recursive: true });
  copyFileSync(join(modules, "d3-dsv", "dist", "d3-dsv.min.mjs"), join(npmCache, `d3-dsv@${pins["d3-dsv"]}`, "_esm.js"));
}

export interface FrameworkBuild {
  cache: "cold" | "warm";
  wallMs: number;
  /** Peak resident memory of the build's process tree (sum over its processes, sampled every 50 ms); undefined without /proc. */
  peakRssKb?: number;
  /** 1-minute load average just before the build (other work on the machine slows it). */
  loadAverage: number;
}

export interface FrameworkResult {
  n: number;
  pages: number;
  framework: string;
  /** Whether pages had Framework's default previous/next links (see FrameworkOptions). */
  pager: boolean;
  cold: FrameworkBuild;
  warm: FrameworkBuild;
  /** Connections the builds tried to make off the machine (refused). */
  network: string[];
  /** Built output: pages' HTML, the JS of the client and bundled modules, data files. */
  output: { files: number; bytes: number };
}

/**
 * Peak resident memory of a process and its descendants, from /proc: the known processes are read every
 * 50 ms and the process table is scanned for new descendants every second (a scan costs a few ms of
 * CPU, which a tight loop would take from the build on a small machine).
 */
function rssPoller(root: number): { stop: () => number | undefined } {
  if (!existsSync("/proc/self/stat")) return { stop: () => undefined };
  const parentOf = (pid: number): number | undefined => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return undefined;
    }
  };
  const rssKb = (pid: number): number => {
    try {
      return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const tree = new Set([root]);
  const scan = () => {
    const parents = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const ppid = parentOf(Number(entry));
      if (ppid !== undefined) parents.set(Number(entry), ppid);
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of parents) {
        if (!tree.has(pid) && tree.has(ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
  };
  let peak = 0;
  const sample = () => {
    let total = 0;
    for (const pid of tree) total += rssKb(pid);
    peak = Math.max(peak, total);
  };
  const sampling = setInterval(sample, 50);
  const scanning = setInterval(scan, 1000);
  return {
    stop: () => {
      clearInterval(sampling);
      clearInterval(scanning);
      return peak > 0 ? peak : undefined;
    },
  };
}

async function timedBuild(dir: string, cache: "cold" | "warm", networkLog: string): Promise<FrameworkBuild> {
  const bin = join(frameworkInstall, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  const loadAverage = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(node, ["--import", join(import.meta.dirname, "framework-offline.ts"), bin, "build"], {
    cwd: dir,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", NO_COLOR: "1", PLOTLINE_NETWORK_LOG: networkLog },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000)));
  const memory = rssPoller(child.pid!);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  const peakRssKb = memory.stop();
  if (status !== 0) throw new Error(`observable build (${cache}) failed in ${dir}:\n${output}`);
  return { cache, wallMs, peakRssKb, loadAverage };
}

function outputSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else {
        files++;
        bytes += statSync(join(d, entry.name)).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * Builds the first `n` stories of the benchmark corpus with Framework, cold then unchanged. The project
 * is written to a temporary folder (returned as `dir` when `keep`, else deleted).
 */
export async function buildWithFramework(n: number, options: FrameworkOptions & { keep?: boolean } = {}): Promise<FrameworkResult & { dir?: string; slugs: string[] }> {
  ensureFramework();
  const dir = mkdtempSync(join(tmpdir(), "plotline-bench-framework-"));
  try {
    const slugs = writeFrameworkProject(dir, n, options);
    const networkLog = join(dir, "network.log");
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    rmSync(join(dir, "src", ".observablehq"), { recursive: true, force: true });
    seedNpmCache(dir);
    const cold = await timedBuild(dir, "cold", networkLog);
    const warm = await timedBuild(dir, "warm", networkLog);
    const network = existsSync(networkLog) ? readFileSync(networkLog, "utf8").split("\n").filter(Boolean) : [];
    const result = { n, pages: slugs.length, framework: frameworkVersion, pager: options.pager !== false, cold, warm, network, output: outputSize(join(dir, "dist")), slugs };
    return options.keep ? { ...result, dir } : result;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

export interface FrameworkPageCheck {
  page: string;
  /** Plot charts drawn (an <svg> holding marks) once the page settled. */
  charts: number;
  requests: number;
  /** Bytes over the wire (gzip) by kind, and the JavaScript's decoded size. */
  bytes: { html: number; css: number; js: number; data: number; other: number; total: number };
  jsDecodedBytes: number;
  /** Requests that failed or answered 4xx/5xx, and errors the page threw or logged. */
  failed: string[];
  errors: string[];
}

/** Serves a built Framework site and loads one page in headless Chromium: charts drawn, bytes, failures. */
export async function checkFrameworkPage(distDir: string, path: string): Promise<FrameworkPageCheck> {
  const { launchChromium } = await import("../scripts/chromium.ts");
  const { serveStatic } = await import("../scripts/static-server.ts");
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const types = new Map<string, string>();
    const bytes = { html: 0, css: 0, js: 0, data: 0, other: 0, total: 0 };
    let requests = 0;
    let jsDecodedBytes = 0;
    const failed: string[] = [];
    const errors: string[] = [];
    cdp.on("Network.responseReceived", (event) => {
      types.set(event.requestId, event.type);
      if (event.response.status >= 400) failed.push(`${event.response.status} ${event.response.url}`);
    });
    cdp.on("Network.loadingFinished", (event) => {
      const type = types.get(event.requestId);
      const kind = type === "Document" ? "html" : type === "Stylesheet" ? "css" : type === "Script" ? "js" : type === "Fetch" || type === "XHR" ? "data" : "other";
      bytes[kind] += event.encodedDataLength;
      bytes.total += event.encodedDataLength;
      requests++;
    });
    page.on("requestfailed", (request) => failed.push(`${request.failure()?.errorText ?? "failed"} ${request.url()}`));
    page.on("response", (response) => {
      if (response.request().resourceType() === "script" && response.ok()) void response.body().then((body) => (jsDecodedBytes += body.length), () => undefined);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${server.url}${path.replace(/^\//, "")}`, { waitUntil: "load" });
    // A Plot chart: an <svg> whose own groups include a bar, line, dot or area mark (legend swatches are
    // small <svg>s too, without marks).
    const marks = ["bar", "line", "dot", "area"].map((mark) => `:scope > g[aria-label="${mark}"]`).join(", ");
    const countCharts = (selector: string) => [...document.querySelectorAll("svg")].filter((svg) => svg.querySelector(selector)).length;
    await page.waitForFunction((selector) => [...document.querySelectorAll("svg")].filter((svg) => svg.querySelector(selector)).length >= 5, marks, { timeout: 30_000, polling: 100 }).catch(() => undefined);
    await page.waitForLoadState("networkidle");
    const charts = await page.evaluate(countCharts, marks);
    await context.close();
    return { page: path, charts, requests, bytes, jsDecodedBytes, failed, errors };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)));
  if (!Number.isInteger(n) || n < 1) {
    console.error("Usage: node bench/framework.ts <number of stories> [--no-browser] [--keep] [--no-pager]");
    process.exit(2);
  }
  const browser = !args.includes("--no-browser");
  const result = await buildWithFramework(n, { keep: true, pager: !args.includes("--no-pager") });
  const { dir, slugs, ...report } = result;
  let check: FrameworkPageCheck | undefined;
  try {
    if (browser) check = await checkFrameworkPage(join(dir!, "dist"), `/stories/${slugs[0]}/`);
  } finally {
    if (!args.includes("--keep")) rmSync(dir!, { recursive: true, force: true });
    else console.error(`Kept the Framework project in ${dir}`);
  }
  console.log(JSON.stringify({ ...report, check }, null, 2));
  console.error(
    `Framework ${frameworkVersion}, ${n} stories: cold ${(report.cold.wallMs / 1000).toFixed(2)} s (load ${report.cold.loadAverage.toFixed(2)}), unchanged ${(report.warm.wallMs / 1000).toFixed(2)} s (load ${report.warm.loadAverage.toFixed(2)}); network attempts: ${report.network.length}` +
      (check ? `; ${check.page}: ${check.charts} charts, ${check.requests} requests, JS ${kb(check.bytes.js)} gzip (${kb(check.jsDecodedBytes)} decoded), ${check.failed.length} failed requests, ${check.errors.length} errors` : ""),
  );
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
