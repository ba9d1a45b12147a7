import { compileStory, type CompiledStory, type CompileStoryOptions, type StoryInput } from "./compile-story.ts";
import { mayHaveSqlBlocks } from "./sql/story-queries.ts";

/**
 * compileStory with the story's SQL blocks run first (in DuckDB, which is asynchronous): what builds,
 * checks, workers and the dev server call. A story without SQL blocks starts no DuckDB and compiles
 * exactly as compileStory compiles it.
 */
export async function compileStoryAsync(input: StoryInput, options: CompileStoryOptions): Promise<CompiledStory> {
  if (options.queries || input.tooLarge !== undefined || !mayHaveSqlBlocks(input.text)) return compileStory(input, options);
  const started = performance.now();
  // DuckDB (a native module of some 50 MB, 0.4 s to load) is loaded only by a story with an SQL block.
  const { runStoryQueries } = await import("./sql/run-story-queries.ts");
  const queries = await runStoryQueries(input, { dataFiles: options.dataFiles, sql: options.sql });
  const queryMs = performance.now() - started;
  const story = compileStory(input, queries ? { ...options, queries } : options);
  // Running queries is reading data.
  if (queries) story.timings.data += queryMs;
  return story;
}
