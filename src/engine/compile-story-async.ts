import { compileStory, type CompiledStory, type CompileStoryOptions, type StoryInput } from "./compile-story.ts";
import { runStoryQueries } from "./sql/run-story-queries.ts";

/**
 * compileStory with the story's SQL blocks run first (in DuckDB, which is asynchronous): what builds,
 * checks, workers and the dev server call. A story without SQL blocks starts no DuckDB and compiles
 * exactly as compileStory compiles it.
 */
export async function compileStoryAsync(input: StoryInput, options: CompileStoryOptions): Promise<CompiledStory> {
  const started = performance.now();
  const queries = options.queries ?? (await runStoryQueries(input, { dataFiles: options.dataFiles, sql: options.sql }));
  const queryMs = performance.now() - started;
  const story = compileStory(input, queries ? { ...options, queries } : options);
  // Running queries is reading data.
  if (queries) story.timings.data += queryMs;
  return story;
}
