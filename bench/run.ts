/**
 * `npm run bench [-- --quick] [-- --write-readme] [-- --keep-framework]` (`-- --sql`, `-- --maps`: see bench/sql.ts, bench/maps.ts)
 *
 * 1. Builds synthetic corpora of N = 10, 100 and 1,000 stories (--quick: 10 and 100) with the real build
 *    command, each in a temporary project, and records wall time, time per story and per chart, peak
 *    memory, and where the time went.
 *    The same corpora are built by Observable Framework 1.13.4 (bench/framework.ts; --quick: 100 only),
 *    cold and again unchanged, for the per-story ratio of its time over ours.
 * 2. Builds the example site and loads its story pages in headless Chromium as a phone would, with
 *    JavaScript on and off: bytes, requests, paint times, layout shift, charts present.
 * Writes bench/results.json, prints a table, and with --write-readme puts the table into README.md.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { BuildReport } from "../src/cli/build-command.ts";
import { launchChromium } from "../scripts/chromium.ts";
import { serveStatic } from "../scripts/static-server.ts";
import { buildWithFramework, checkFrameworkPage, ensureFramework, frameworkVersion, type FrameworkPageCheck, type FrameworkResult } from "./framework.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { measurePage, type PageMeasure } from "./measure-pages.ts";

const repo = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
// `npm run bench -- --sql`: only what SQL blocks cost a build (bench/sql.ts).
if (args.includes("--sql")) {
  const result = spawnSync(process.execPath, [join(repo, "bench", "sql.ts"), ...args.filter((a) => a !== "--sql")], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
// `npm run bench -- --maps`: only what a world map and a county map cost (bench/maps.ts).
if (args.includes("--maps")) {
  const result = spawnSync(process.execPath, [join(repo, "bench", "maps.ts"), ...args.filter((a) => a !== "--maps")], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
const quick = args.includes("--quick");
const sizes = quick ? [10, 100] : [10, 100, 1000, 5000];
/**
 * Sizes also built by Observable Framework ("--quick for 10/100 stories with the Framework side at 100").
 * `--keep-framework` builds none and takes Framework's figures from the last bench/results.json: its
 * builds take most of a full run (15 of 35 minutes) and do not change with Plotline's code.
 */
const keptFramework = args.includes("--keep-framework") ? lastFrameworkResults() : undefined;
const frameworkSizes = keptFramework ? [] : quick ? [100] : [10, 100, 1000];

function lastFrameworkResults(): { date: string; framework: FrameworkResult[]; frameworkPage?: FrameworkPageCheck } {
  const last = JSON.parse(readFileSync(join(repo, "bench", "results.json"), "utf8")) as { date: string; frameworkMeasured?: string; framework?: FrameworkResult[]; frameworkPage?: FrameworkPageCheck };
  if (!last.framework?.length) throw new Error("bench: --keep-framework needs Framework's figures in bench/results.json (run the bench once without it)");
  // Kept run after kept run, the figures are still those of the run that measured them.
  return { date: last.frameworkMeasured ?? last.date, framework: last.framework, ...(last.frameworkPage ? { frameworkPage: last.frameworkPage } : {}) };
}

interface BuildResult extends BuildReport {
  n: number;
  /**
   * cold: a fresh project, every story compiled and every PNG drawn; warm: the same project built
   * again unchanged, so stories come from .plotline/cache and pages from the last dist/; edited: then
   * one story's text changed (a newsroom's next build: its other stories as they were).
   */
  cache: "cold" | "warm" | "edited";
  wallMs: number;
  /** The machine's 1-minute load average when the build started (others' work on the cores makes builds slower). */
  loadAverage: number;
  msPerStory: number;
  msPerChart: number;
}

function tempProject(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-bench-"));
  for (const entry of ["package.json", "tsconfig.json", "astro.config.mjs", "plotline.config.mjs", "src", "public"]) {
    cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Changes a sentence of the story in the middle of the corpus (its text, so its page and files are made again). */
function editOneStory(root: string, n: number): void {
  const file = join(root, "content", "stories", `story-${String(Math.ceil(n / 2)).padStart(5, "0")}.md`);
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/\n\n([^\n`:-][^\n]*)\n/, (_, line: string) => `\n\n${line} Edited for the benchmark.\n`);
  if (edited === text) throw new Error(`bench: found no paragraph to edit in ${file}`);
  writeFileSync(file, edited);
}

/**
 * Waits until the last build is over as an editor's next build finds it: the old site it put aside
 * removed (a detached process does that after the swap), its files written to disk (`sync`), and a
 * few seconds of quiet. Built back to back, the edited build at 1,000 stories took about 1 s longer
 * than ten seconds after the one before (8.1–9.0 s against 7.1 s in paired runs), paying for the
 * previous build's tail rather than its own work.
 */
async function settle(root: string): Promise<void> {
  const workDir = join(root, ".plotline");
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (!existsSync(workDir) || !readdirSync(workDir).some((name) => name.startsWith("previous-dist-"))) break;
    await sleep(250);
  }
  spawnSync("sync");
  await sleep(SETTLE_MS);
}
const SETTLE_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function build(root: string): BuildReport & { wallMs: number } {
  const report = join(root, "build-report.json");
  const started = performance.now();
  const result = spawnSync(join(repo, "node_modules", ".bin", "node"), [join(root, "src", "cli", "plotline.ts"), "build", "--report", report], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed in ${root}:\n${result.stdout}\n${result.stderr}`);
  return { ...(JSON.parse(readFileSync(report, "utf8")) as BuildReport), wallMs };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}`);

  if (!keptFramework) ensureFramework();
  const builds: BuildResult[] = [];
  const framework: FrameworkResult[] = keptFramework?.framework ?? [];
  let frameworkPage: FrameworkPageCheck | undefined = keptFramework?.frameworkPage;
  for (const n of sizes) {
    const root = tempProject();
    try {
      const corpus = generateCorpus(root, n);
      process.stdout.write(`Building ${n} stories (${corpus.charts} charts, ${corpus.dataFiles} data files)… `);
      for (const cache of ["cold", "warm", "edited"] as const) {
        if (cache === "edited") editOneStory(root, n);
        await settle(root);
        const loadAverage = loadavg()[0]!;
        const report = build(root);
        const result: BuildResult = { n, cache, loadAverage, ...report, msPerStory: report.wallMs / n, msPerChart: report.wallMs / report.charts };
        builds.push(result);
        process.stdout.write(`${cache} ${seconds(result.wallMs)}${cache === "edited" ? "\n" : ", "}`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    if (frameworkSizes.includes(n)) {
      process.stdout.write(`Building ${n} stories with Observable Framework ${frameworkVersion}… `);
      // The page check loads one page of the 100-story site (or of the first size built).
      const check = frameworkPage === undefined && (n === 100 || !frameworkSizes.includes(100));
      const { dir, slugs, ...result } = await buildWithFramework(n, { keep: check });
      try {
        if (check) frameworkPage = await checkFrameworkPage(join(dir!, "dist"), `/stories/${slugs[0]}/`);
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
      framework.push(result);
      process.stdout.write(`cold ${seconds(result.cold.wallMs)}, unchanged ${seconds(result.warm.wallMs)}\n`);
      if (result.network.length) console.log(`  Framework tried the network (refused): ${result.network.join(", ")}`);
    }
  }
  const at = (n: number) => builds.find((b) => b.n === n && b.cache === "cold");
  const scaling = at(1000) && at(100) ? at(1000)!.msPerStory / at(100)!.msPerStory : undefined;

  // The example site, measured as readers get it.
  const root = tempProject();
  const pages: PageMeasure[] = [];
  try {
    cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
    cpSync(join(repo, "data"), join(root, "data"), { recursive: true });
    mkdirSync(join(root, "dist"), { recursive: true });
    build(root);
    const server = await serveStatic(join(root, "dist"));
    const browser = await launchChromium();
    try {
      const slugs = ["ai-talent-demand-2025", "aigc-talent-report-2023"];
      for (const slug of slugs) {
        for (const javascript of [true, false]) pages.push(await measurePage(browser, `${server.url}stories/${slug}/`, javascript));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  const command = `npm run bench${[quick ? " -- --quick" : "", keptFramework ? " -- --keep-framework" : ""].join("")}`;
  const results = { date: new Date().toISOString(), command, machine, builds, scaling, pages, framework, frameworkPage, ...(keptFramework ? { frameworkMeasured: keptFramework.date } : {}) };
  writeFileSync(join(repo, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const table = renderTables(results);
  console.log(`\n${table}`);
  if (args.includes("--write-readme")) writeReadme(table);
  console.log("Wrote bench/results.json");
}

export function renderTables(results: {
  machine: { cores: number; cpu: string; memoryGiB: number; node: string };
  builds: BuildResult[];
  scaling: number | undefined;
  pages: PageMeasure[];
  command: string;
  date: string;
  framework?: FrameworkResult[];
  frameworkPage?: FrameworkPageCheck | undefined;
  /** When Framework's figures were measured, if not in this run (--keep-framework). */
  frameworkMeasured?: string;
}): string {
  const lines = [
    `Measured ${results.date.slice(0, 10)} with \`${results.command}\` on ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.memoryGiB} GiB, Node ${results.machine.node}. Each build starts once the one before is over, as an editor's next build would: its old site removed, its files written to disk (\`sync\`), then ${SETTLE_MS / 1000} s.`,
    "",
    "| stories | charts | build | build (wall) | per story | per chart | peak memory | engine: parse / data / check / render / html / images (CPU s) | compile (wall) | Astro | search index (after Astro) | load average at start |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ...results.builds.map((b) => {
      const p = b.phases;
      const cpu = [p.parse, p.data, p.check, p.render, p.html, p.images].map((ms) => (ms / 1000).toFixed(1)).join(" / ");
      const which =
        b.cache === "cold"
          ? "first"
          : b.cache === "warm"
            ? `again, unchanged (${b.cachedStories} from cache, ${b.reusedPages ?? 0} pages kept)`
            : `one story edited (${b.cachedStories} from cache, ${b.reusedPages ?? 0} pages kept)`;
      return `| ${b.n} | ${b.charts} | ${which} | ${seconds(b.wallMs)} | ${b.msPerStory.toFixed(1)} ms | ${b.msPerChart.toFixed(1)} ms | ${Math.round(b.maxRssKb / 1024)} MB | ${cpu} | ${seconds(b.compileMs)} | ${seconds(b.astroMs)} | ${seconds(b.searchIndexMs)} | ${b.loadAverage?.toFixed(1) ?? "–"} |`;
    }),
    "",
    results.scaling === undefined ? "" : `Per-story cost of a first build at 1,000 stories is ${results.scaling.toFixed(2)}× that at 100 (1.0 is linear).`,
    "",
    ...frameworkTable(results.builds, results.framework ?? [], results.frameworkPage, results.frameworkMeasured),
    "",
    ...targetsTable(results.builds, results.framework ?? [], results.pages),
    "",
    "| page | JS | requests | HTML | CSS | JS | total (gzip) | charts with SVG | HTML parsed | first paint | largest paint | layout shift |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.pages.map(
      (p) =>
        `| ${p.page} | ${p.javascript ? "on" : "off"} | ${p.requests} | ${kb(p.bytes.html)} | ${kb(p.bytes.css)} | ${kb(p.bytes.js)} | ${kb(p.bytes.total)} | ${p.figuresWithSvg}/${p.figures} | ${p.domInteractiveMs.toFixed(0)} ms | ${p.firstContentfulPaintMs.toFixed(0)} ms | ${p.largestContentfulPaintMs.toFixed(0)} ms | ${p.cumulativeLayoutShift.toFixed(3)} |`,
    ),
  ];
  return lines.filter((line, i, all) => !(line === "" && all[i - 1] === "")).join("\n");
}

/**
 * The same corpora built by Observable Framework: its wall time cold and unchanged, and per story its
 * time over ours (the same stories, so the ratio of the two builds' times).
 */
function frameworkTable(builds: BuildResult[], framework: FrameworkResult[], page: FrameworkPageCheck | undefined, measured?: string): string[] {
  if (!framework.length) return [];
  const ours = (n: number, cache: "cold" | "warm") => builds.find((b) => b.n === n && b.cache === cache);
  const ratio = (theirs: number, n: number, cache: "cold" | "warm") => {
    const b = ours(n, cache);
    return b ? `${(theirs / n / b.msPerStory).toFixed(1)}×` : "–";
  };
  const memory = (kb: number | undefined) => (kb === undefined ? "–" : `${Math.round(kb / 1024)} MB`);
  const lines = [
    `Observable Framework ${framework[0]!.framework}, the same stories as Framework pages whose Plot charts are drawn in the browser (bench/framework.ts), built cold and again unchanged (its cache kept)` +
      `${measured ? ` — Framework's builds from the run of ${measured.slice(0, 10)} on this machine (\`--keep-framework\`), ratios against this run's Plotline builds` : ""}:`,
    "",
    "| stories | Framework, first | Framework, again unchanged | peak memory (first / again) | per story, Framework ÷ Plotline: first | again, unchanged | load average (1 min) at start |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...framework.map(
      (f) =>
        `| ${f.n} | ${seconds(f.cold.wallMs)} | ${seconds(f.warm.wallMs)} | ${memory(f.cold.peakRssKb)} / ${memory(f.warm.peakRssKb)} | ${ratio(f.cold.wallMs, f.n, "cold")} | ${ratio(f.warm.wallMs, f.n, "warm")} | ${f.cold.loadAverage.toFixed(1)} / ${f.warm.loadAverage.toFixed(1)} |`,
    ),
  ];
  const network = framework.flatMap((f) => f.network);
  lines.push("", network.length ? `Framework's builds tried the network ${network.length} times (refused).` : "Framework's builds made no network requests.");
  if (page) {
    lines.push(
      `In Chromium, Framework's ${page.page} drew ${page.charts} of 5 charts after ${page.requests} requests: ${kb(page.bytes.total)} over the wire (gzip), of which JavaScript ${kb(page.bytes.js)} (${kb(page.jsDecodedBytes)} uncompressed) and data ${kb(page.bytes.data)}.` +
        (page.failed.length ? ` Failed requests: ${page.failed.map((f) => f.replace(/http:\/\/127\.0\.0\.1:\d+/, "")).join("; ")}.` : ""),
    );
  }
  return lines;
}

/** Issue 13's figures to reach, each with what this run measured. */
function targetsTable(builds: BuildResult[], framework: FrameworkResult[], pages: PageMeasure[]): string[] {
  const at = (n: number, cache: BuildResult["cache"]) => builds.find((b) => b.n === n && b.cache === cache);
  const rows: [string, string, number | undefined, (value: number) => boolean, (value: number) => string][] = [];
  const secs = (ms: number) => seconds(ms);
  rows.push(["1,000 stories, first build", "≤ 40 s", at(1000, "cold")?.wallMs, (ms) => ms <= 40_000, secs]);
  rows.push(["1,000 stories, again unchanged", "≤ 8 s", at(1000, "warm")?.wallMs, (ms) => ms <= 8_000, secs]);
  rows.push(["1,000 stories, one story edited", "≤ 8 s", at(1000, "edited")?.wallMs, (ms) => ms <= 8_000, secs]);
  rows.push(["peak memory, 1,000 stories (any build)", "≤ 1.5 GB", maxRss(builds, 1000), (kb) => kb <= 1.5 * 1024 * 1024, (kb) => `${(kb / 1024 / 1024).toFixed(2)} GB`]);
  const archive = maxRss(builds, 5000);
  const thousand = maxRss(builds, 1000);
  rows.push(["peak memory, 5,000 stories ÷ 1,000", "≤ 1.2", archive && thousand ? archive / thousand : undefined, (r) => r <= 1.2, (r) => `${r.toFixed(2)}×`]);
  const ratio = (cache: "cold" | "warm") => {
    const f = framework.find((run) => run.n === 1000);
    const ours = at(1000, cache);
    return f && ours ? (cache === "cold" ? f.cold.wallMs : f.warm.wallMs) / ours.wallMs : undefined;
  };
  rows.push(["Framework ÷ Plotline per story, first build (1,000)", "≥ 4", ratio("cold"), (r) => r >= 4, (r) => `${r.toFixed(1)}×`]);
  rows.push(["Framework ÷ Plotline per story, unchanged (1,000)", "≥ 10", ratio("warm"), (r) => r >= 10, (r) => `${r.toFixed(1)}×`]);
  const js = Math.max(...pages.filter((p) => p.javascript).map((p) => p.bytes.js));
  rows.push(["JavaScript before interaction (gzip), example stories", "≤ 10 KB", Number.isFinite(js) ? js : undefined, (b) => b <= 10 * 1024, kb]);
  return [
    "Issue 13's figures to reach, measured in this run:",
    "",
    "| figure | aim | measured | |",
    "| --- | ---: | ---: | --- |",
    ...rows.map(([name, aim, value, met, show]) => `| ${name} | ${aim} | ${value === undefined ? "not measured" : show(value)} | ${value === undefined ? "" : met(value) ? "met" : "missed"} |`),
  ];
}

const maxRss = (builds: BuildResult[], n: number): number | undefined => {
  const peaks = builds.filter((b) => b.n === n).map((b) => b.maxRssKb);
  return peaks.length ? Math.max(...peaks) : undefined;
};

function writeReadme(table: string): void {
  const path = join(repo, "README.md");
  const readme = readFileSync(path, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(path, readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
  console.log("Updated the benchmark section of README.md");
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
