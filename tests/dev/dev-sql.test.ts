/**
 * `npm run dev` with SQL blocks: a query runs again when a file it reads changes, and when a file
 * appears that matches a pattern it reads, without restarting the server.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTempProject, repoRoot } from "../support/temp-project.ts";
import { ownNodeModules, startDevServer, until, type DevServer } from "./astro-dev-server.ts";

const RELOAD_TIMEOUT = 15_000;
let project: ReturnType<typeof createTempProject> | undefined;
let server: DevServer | undefined;

beforeAll(async () => {
  project = createTempProject(join(repoRoot, "tests", "sites", "dev"));
  ownNodeModules(project.root);
  mkdirSync(join(project.root, "data", "monthly"), { recursive: true });
  writeFileSync(join(project.root, "data", "monthly", "2025-01.csv"), "city,openings\nShanghai,10\n");
  writeFileSync(
    join(project.root, "content", "stories", "sql-totals.md"),
    `---
title: Openings in total
dek: Summed by a query.
date: 2025-03-21
---

Openings in all cities: :value[total.openings]. Openings in the monthly files: :value[monthly.openings].

\`\`\`data id=total format=sql
SELECT sum(openings) AS openings FROM 'jobs.csv'
\`\`\`

\`\`\`data id=monthly format=sql
SELECT sum(openings) AS openings FROM 'monthly/2025-*.csv'
\`\`\`
`,
  );
  server = await startDevServer(project.root);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  project?.cleanup();
}, 30_000);

const page = async () => (await fetch(`${server!.url}/stories/sql-totals/`)).text();
const details = () => server!.log().slice(-4_000);

it("runs the queries, and runs them again when a file they read changes or a new file matches their pattern", async () => {
  const first = await page();
  expect(first).toContain("1,075");
  expect(first).toContain("10");
  const jobs = join(project!.root, "data", "jobs.csv");
  writeFileSync(jobs, readFileSync(jobs, "utf8").replace("Shanghai,412", "Shanghai,1412"));
  await until("the sum to include the new value", async () => (await page()).includes("2,075"), { timeout: RELOAD_TIMEOUT, details });
  writeFileSync(join(project!.root, "data", "monthly", "2025-02.csv"), "city,openings\nBeijing,32\n");
  await until("the new monthly file to be read", async () => (await page()).includes("42"), { timeout: RELOAD_TIMEOUT, details });
}, 90_000);
