/** The dev overlay and the home page's flags never reach a production build, also for a story with warnings. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTempProject, repoRoot, runPlotline } from "../support/temp-project.ts";

let project: ReturnType<typeof createTempProject> | undefined;
let built: ReturnType<typeof runPlotline>;

beforeAll(() => {
  project = createTempProject(join(repoRoot, "tests", "sites", "dev"));
  built = runPlotline(project.root, "build");
}, 120_000);
afterAll(() => project?.cleanup());

const page = (path: string) => readFileSync(join(project!.root, "dist", path), "utf8");

it("builds tests/sites/dev (one story has a warning) without any dev overlay or flag", () => {
  expect(built.status, built.stderr).toBe(0);
  // The warning is reported where builds report: in the build's output.
  expect(built.stdout + built.stderr).toContain("data/missing-values");
  for (const path of ["index.html", "stories/jobs/index.html", "stories/notes/index.html"]) {
    expect(page(path)).not.toMatch(/data-plotline-dev|class="plotline-dev/);
  }
  expect(page("stories/notes/index.html")).toContain("Nanjing");
});
