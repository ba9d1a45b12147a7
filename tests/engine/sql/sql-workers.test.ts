import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { compileProjectInWorkers } from "../../../src/engine/project/compile-in-workers.ts";
import { publishProject, type ProjectOptions, type PublishedProject } from "../../../src/engine/project/compile-project.ts";
import { readStoredText } from "../../../src/engine/project/file-store.ts";
import { storyCacheDir } from "../../../src/engine/project/story-cache.ts";
import { sqlBlock, story, tempData } from "./sql-harness.ts";

const projects: { cleanup: () => void }[] = [];
afterAll(() => projects.forEach((p) => p.cleanup()));

/** A project of `stories` (file name → text), compiled by two worker threads and by one thread, each from no cache. */
async function compileBothWays(stories: Record<string, string>, options: ProjectOptions) {
  const project = tempData({ "jobs.csv": "year,jobs\n2023,10\n2024,12\n", "pay.csv": "role,pay\nanalyst,50\nengineer,70\n" });
  projects.push(project);
  mkdirSync(join(project.root, "content/stories"), { recursive: true });
  for (const [name, text] of Object.entries(stories)) writeFileSync(join(project.root, "content/stories", name), text);
  const noCache = () => rmSync(join(project.root, storyCacheDir), { recursive: true, force: true });
  noCache();
  const inWorkers = await compileProjectInWorkers(project.root, options, 2, 1);
  noCache();
  const inOneThread = await publishProject(project.root, options);
  return { root: project.root, inWorkers, inOneThread };
}

const withoutTimings = (p: PublishedProject) => ({ ...p, stories: p.stories.map(({ timings: _, ...s }) => s) });

it("worker threads run SQL blocks as one thread does", async () => {
  const { root, inWorkers, inOneThread } = await compileBothWays(
    {
      "jobs.md": story(sqlBlock("latest", "SELECT max(jobs) AS jobs FROM 'jobs.csv'") + "Jobs: :value[latest.jobs].\n"),
      "pay.md": story(sqlBlock("top", "SELECT max(pay) AS pay FROM 'pay.csv'") + "Pay: :value[top.pay].\n"),
    },
    {},
  );
  expect(withoutTimings(inWorkers)).toEqual(withoutTimings(inOneThread));
  expect(inWorkers.diagnostics).toEqual([]);
  expect(readStoredText(root, inWorkers.stories.find((s) => s.path.endsWith("jobs.md"))!.body)).toContain("12");
  expect(readStoredText(root, inWorkers.stories.find((s) => s.path.endsWith("pay.md"))!.body)).toContain("70");
}, 60_000);

// On its own: the endless query keeps DuckDB busy on every core, and a small query beside it under a 1 s
// timeout could run out of time on a loaded machine (it once did).
it("worker threads stop a query at the project's SQL timeout, as one thread does", async () => {
  const { inWorkers, inOneThread } = await compileBothWays(
    { "slow.md": story(sqlBlock("slow", "SELECT count(*) AS n FROM range(100000000) a, range(100000000) b")) },
    { sql: { timeout: 1 } },
  );
  expect(withoutTimings(inWorkers)).toEqual(withoutTimings(inOneThread));
  expect(inWorkers.diagnostics.map((d) => `${d.code} ${d.span.file}: ${d.message}`)).toEqual(["sql/timeout content/stories/slow.md: The query was stopped after 1 s."]);
}, 60_000);
