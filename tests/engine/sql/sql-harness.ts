import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { compileStoryAsync } from "../../../src/engine/compile-story-async.ts";
import type { CompiledStory, CompileStoryOptions } from "../../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";

/** A temporary project folder holding data/ (and whatever else a test puts beside it). */
export function tempData(files: Record<string, string> = {}): { root: string; data: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "plotline-sql-"));
  const data = join(root, "data");
  mkdirSync(data);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(data, path)), { recursive: true });
    writeFileSync(join(data, path), text);
  }
  return { root, data, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs trusted SQL (the test harness, not a story) in a DuckDB of its own, to make fixtures such as
 * Parquet files: `COPY (…) TO '/tmp/…/data/x.parquet'`.
 */
export async function harnessSql(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export const story = (body: string) => `---\ntitle: SQL\ndek: Queries\ndate: 2025-01-01\n---\n\n${body}`;

export const sqlBlock = (id: string, query: string) => `\`\`\`data id=${id} format=sql\n${query}\n\`\`\`\n\n`;

export function compileWith(data: string, text: string, options: Partial<CompileStoryOptions> = {}): Promise<CompiledStory> {
  return compileStoryAsync({ path: "content/stories/sql.md", text }, { dataFiles: nodeDataFiles(data), ...options });
}

/** code line:column, for comparing diagnostics compactly. */
export const where = (story: CompiledStory) => story.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);
