import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

export interface SandboxOptions {
  /** Absolute paths of the files the story's queries may read: exactly these, nothing else. */
  allowedPaths: readonly string[];
  /** Address prefixes (s3://bucket/prefix/) the project allows with sql.remote, for which httpfs is loaded. */
  remote: readonly string[];
}

export interface Sandbox {
  connection: DuckDBConnection;
  /** Why the remote addresses cannot be read (httpfs not installed), if they were asked for. */
  remoteProblem?: string;
  close(): void;
}

/**
 * An in-memory DuckDB for one story's queries, locked down with DuckDB's own settings before any query
 * of the story runs: no extension is installed or loaded on demand, the only files it may open are the
 * ones the queries named under data/ (allowed_paths; enable_external_access=false refuses every other
 * file, address, ATTACH and COPY destination), nothing spills to disk, and lock_configuration keeps a
 * query from changing any of it. Statements other than queries are refused before they get here (see
 * run-story-queries.ts), since DuckDB's sandbox would still let COPY … TO write to an allowed path.
 */
export async function openSandbox(options: SandboxOptions): Promise<Sandbox> {
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    allow_community_extensions: "false",
  });
  const connection = await instance.connect();
  const close = () => {
    try {
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
  };
  try {
    let remoteProblem: string | undefined;
    if (options.remote.length > 0) {
      try {
        // Only an extension installed beforehand: autoinstall is off, so this never downloads.
        await connection.run("LOAD httpfs");
      } catch (error) {
        const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^[A-Za-z ]+ Error: /, "");
        // DuckDB's message names the folder it looked in (a path of the build machine): said plainly instead.
        remoteProblem = /not found/i.test(detail) ? "it is not installed on this machine" : detail.replace(/\.+$/, "");
      }
    }
    await connection.run(`SET allowed_paths = ${list(options.allowedPaths)}`);
    if (options.remote.length > 0 && remoteProblem === undefined) await connection.run(`SET allowed_directories = ${list(options.remote)}`);
    await connection.run("SET temp_directory = ''");
    await connection.run("SET enable_external_access = false");
    await connection.run("SET allow_unsigned_extensions = false").catch(() => undefined);
    await connection.run("SET lock_configuration = true");
    return { connection, ...(remoteProblem !== undefined ? { remoteProblem } : {}), close };
  } catch (error) {
    close();
    throw error;
  }
}

const list = (items: readonly string[]) => `[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(", ")}]`;
