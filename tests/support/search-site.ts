import { cpSync } from "node:fs";
import { join } from "node:path";
import { createTempProject, repoRoot } from "./temp-project.ts";

/**
 * The example site plus the stories of tests/sites/search (another English story and two Chinese
 * ones), so search tests have more than one story per language to rank and to tell apart.
 */
export function createSearchProject(): ReturnType<typeof createTempProject> {
  const project = createTempProject(repoRoot);
  const extra = join(repoRoot, "tests", "sites", "search");
  cpSync(join(extra, "content"), join(project.root, "content"), { recursive: true });
  cpSync(join(extra, "data"), join(project.root, "data"), { recursive: true });
  return project;
}
