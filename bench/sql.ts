/**
 * `node bench/sql.ts [--write-readme]` (also `npm run bench -- --sql`)
 *
 * What an SQL block costs a build: the same one-story site built three ways, first build each time
 * (no cache), each measured 5 times: the fastest run is the cost on an idle machine (others are slowed
 * by whatever else runs), the median is shown beside it:
 * - baseline: the chart's 36 rows (12 months × 3 regions) typed into the story;
 * - CSV: the rows aggregated by month from a 1,000,000-row CSV under data/ with ```data format=sql;
 * - Parquet: the same from the same rows as a Parquet file.
 * The data files are made here, with DuckDB, and never committed. Writes bench/results-sql.json, prints
 * a table, and with --write-readme puts it into README.md between <!-- bench-sql:start/end -->.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const repo = join(import.meta.dirname, "..");
const ROWS = 1_000_000;
const RUNS = 5;

function tempProject(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-bench-sql-"));
  for (const entry of ["package.json", "tsconfig.json", "astro.config.mjs", "plotline.config.mjs", "src", "public"]) {
    cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  mkdirSync(join(root, "content/stories"), { recursive: true });
  mkdirSync(join(root, "data"), { recursive: true });
  return root;
}

async function harness(sql: string): Promise<string> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowsJS().map((row) => row.map(String).join(",")).join("\n");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const rowsSql = `SELECT DATE '2024-01-01' + (i % 366)::INTEGER AS sold_at, ['North', 'South', 'East'][(i % 3) + 1] AS region, (i % 100) / 10 AS amount FROM range(${ROWS}) t(i)`;
const monthlySql = (from: string) => `SELECT date_trunc('month', sold_at) AS month, region, sum(amount) AS total\nFROM ${from}\nGROUP BY ALL ORDER BY month, region`;

const story = (dataBlock: string) => `---
title: Sales by month
dek: A year of sales, by region.
date: 2025-01-01
---

Sales by month and region.

${dataBlock}

\`\`\`plot data=monthly id=monthly
alt: Monthly sales in 2024 for three regions.
marks:
  - lineY: {x: month, y: total, stroke: region}
\`\`\`
`;

/** One first build (no cache): its wall time and the part spent compiling stories (the engine, queries included). */
function build(root: string): { wallMs: number; compileMs: number } {
  rmSync(join(root, ".plotline"), { recursive: true, force: true });
  const report = join(root, "build-report.json");
  const started = performance.now();
  const result = spawnSync(join(repo, "node_modules", ".bin", "node"), [join(root, "src", "cli", "plotline.ts"), "build", "--report", report], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed in ${root}:\n${result.stdout}\n${result.stderr}`);
  return { wallMs, compileMs: (JSON.parse(readFileSync(report, "utf8")) as { compileMs: number }).compileMs };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fastest = (values: number[]) => Math.min(...values);

async function main(): Promise<void> {
  const root = tempProject();
  try {
    const data = join(root, "data");
    await harness(`COPY (${rowsSql}) TO '${data}/sales-2024.csv' (HEADER)`);
    await harness(`COPY (SELECT * FROM read_csv('${data}/sales-2024.csv')) TO '${data}/sales-2024.parquet' (FORMAT parquet)`);
    const inline = await harness(`SELECT strftime(month, '%Y-%m'), region, total FROM (${monthlySql(`read_csv('${data}/sales-2024.csv')`)})`);
    const variants = [
      { name: "baseline: the 36 aggregated rows typed into the story", block: `\`\`\`data id=monthly\nmonth,region,total\n${inline}\n\`\`\`` },
      { name: `SQL over a ${ROWS.toLocaleString("en-US")}-row CSV (${(statSync(join(data, "sales-2024.csv")).size / 2 ** 20).toFixed(0)} MB)`, block: `\`\`\`data id=monthly format=sql\n${monthlySql("'sales-2024.csv'")}\n\`\`\`` },
      { name: `SQL over the same rows as Parquet (${(statSync(join(data, "sales-2024.parquet")).size / 2 ** 20).toFixed(1)} MB)`, block: `\`\`\`data id=monthly format=sql\n${monthlySql("'sales-2024.parquet'")}\n\`\`\`` },
    ];
    const results: { name: string; wallMs: number[]; compileMs: number[]; fastestWallMs: number; fastestCompileMs: number; medianCompileMs: number; addedMs: number; addedMedianMs: number }[] = [];
    for (const variant of variants) {
      writeFileSync(join(root, "content/stories/sales.md"), story(variant.block));
      const runs = Array.from({ length: RUNS }, () => build(root));
      const wallMs = runs.map((r) => r.wallMs);
      const compileMs = runs.map((r) => r.compileMs);
      const fastestCompileMs = fastest(compileMs);
      const medianCompileMs = median(compileMs);
      results.push({
        name: variant.name,
        wallMs,
        compileMs,
        fastestWallMs: fastest(wallMs),
        fastestCompileMs,
        medianCompileMs,
        addedMs: fastestCompileMs - (results[0]?.fastestCompileMs ?? fastestCompileMs),
        addedMedianMs: medianCompileMs - (results[0]?.medianCompileMs ?? medianCompileMs),
      });
      console.log(`${variant.name}: wall ${wallMs.map((ms) => (ms / 1000).toFixed(2)).join(", ")} s; compiling ${compileMs.map((ms) => (ms / 1000).toFixed(2)).join(", ")} s`);
    }
    const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
    const output = { date: new Date().toISOString(), command: "node bench/sql.ts", machine, runs: RUNS, results };
    writeFileSync(join(repo, "bench", "results-sql.json"), `${JSON.stringify(output, null, 2)}\n`);
    const table = [
      `Measured ${output.date.slice(0, 10)} with \`npm run bench -- --sql\` on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}: a one-story site, first build (no cache), fastest of ${RUNS} runs (median in brackets). "Compiling" is the build's compile phase (stories checked and drawn, queries run: starting DuckDB included); the rest of a build (Astro, search index) does not depend on the data.`,
      "",
      "| data of the chart | build (wall) | compiling | added by the query |",
      "| --- | ---: | ---: | ---: |",
      ...results.map(
        (r, i) =>
          `| ${r.name} | ${s(r.fastestWallMs)} | ${s(r.fastestCompileMs)} (${s(r.medianCompileMs)}) | ${i === 0 ? "—" : `${s(r.addedMs)} (${s(r.addedMedianMs)})`} |`,
      ),
    ].join("\n");
    console.log(`\n${table}`);
    if (process.argv.includes("--write-readme")) {
      const path = join(repo, "README.md");
      const readme = readFileSync(path, "utf8");
      const start = "<!-- bench-sql:start -->";
      const end = "<!-- bench-sql:end -->";
      if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
      writeFileSync(path, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
      console.log("Updated the SQL benchmark section of README.md");
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
