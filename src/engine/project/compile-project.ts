import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { compileStory, type CompiledStory } from "../compile-story.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** Where a Plotline project keeps its stories and data, relative to its root. */
export const storiesDir = "content/stories";
export const dataDir = "data";

export interface CompiledProject {
  stories: CompiledStory[];
  diagnostics: Diagnostic[];
}

const toPosix = (path: string) => path.split(sep).join("/");

/** The story files of a project, as paths relative to its root, sorted. */
export function listStoryFiles(root: string): string[] {
  const dir = join(root, storiesDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name) && !entry.name.startsWith("."))
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

/** Compiles one story file of a project. */
export function compileProjectStory(root: string, path: string): CompiledStory {
  return compileStory({ path, text: readFileSync(join(root, path), "utf8") }, { dataFiles: nodeDataFiles(join(root, dataDir)) });
}

/** Compiles every story of a project and gathers all their diagnostics. */
export function compileProject(root: string): CompiledProject {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories = listStoryFiles(root).map((path) =>
    compileStory({ path, text: readFileSync(join(root, path), "utf8") }, { dataFiles }),
  );
  return { stories, diagnostics: sortDiagnostics(stories.flatMap((s) => s.diagnostics)) };
}
