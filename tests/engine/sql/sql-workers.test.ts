import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { compileProjectInWorkers } from "../../../src/engine/project/compile-in-workers.ts";
import { publishProject } from "../../../src/engine/project/compile-project.ts";
import { readStoredText } from "../../../src/engine/project/file-store.ts";
import { storyCacheDir } from "../../../src/engine/project/story-cache.ts";
import { sqlBlock, story, tempData } from "./sql-harness.ts";

const project = tempData({ "jobs.csv": "year,jobs\n2023,10\n2024,12\n", "pay.csv": "role,pay\nanalyst,50\nengineer,70\n" });
afterAll(() => project.cleanup());

it("worker threads run SQL blocks as one thread does, with the project's SQL settings", async () => {
  mkdirSync(join(project.root, "content/stories"), { recursive: true });
  writeFileSync(join(project.root, "content/stories/jobs.md"), story(sqlBlock("latest", "SELECT max(jobs) AS jobs FROM 'jobs.csv'") + "Jobs: :value[latest.jobs].\n"));
  writeFileSync(join(project.root, "content/stories/pay.md"), story(sqlBlock("top", "SELECT max(pay) AS pay FROM 'pay.csv'") + "Pay: :value[top.pay].\n"));
  writeFileSync(join(project.root, "content/stories/slow.md"), story(sqlBlock("slow", "SELECT count(*) AS n FROM range(100000000) a, range(100000000) b")));
  const noCache = () => rmSync(join(project.root, storyCacheDir), { recursive: true, force: true });
  // Long enough for the small queries on a loaded machine (0.2 s timed out a plain max() under load); the cross join never ends.
  const options = { sql: { timeout: 1 } };
  noCache();
  const inWorkers = await compileProjectInWorkers(project.root, options, 2, 1);
  noCache();
  const inOneThread = await publishProject(project.root, options);
  const withoutTimings = (p: typeof inOneThread) => ({ ...p, stories: p.stories.map(({ timings: _, ...s }) => s) });
  expect(withoutTimings(inWorkers)).toEqual(withoutTimings(inOneThread));
  expect(inWorkers.diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(["sql/timeout content/stories/slow.md"]);
  expect(readStoredText(project.root, inWorkers.stories.find((s) => s.path.endsWith("jobs.md"))!.body)).toContain("12");
}, 60_000);
