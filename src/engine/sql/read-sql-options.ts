import type { SqlOptions } from "./story-queries.ts";

/** The `sql` export of plotline.config.mjs: a positive timeout in seconds, and remote address prefixes. */
export function readSqlOptions(value: unknown): SqlOptions | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { timeout, remote } = value as { timeout?: unknown; remote?: unknown };
  const options: SqlOptions = {};
  if (typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0) options.timeout = timeout;
  if (Array.isArray(remote)) {
    const prefixes = remote.filter((r): r is string => typeof r === "string" && /^[a-z][a-z0-9+.-]*:\/\/./i.test(r));
    if (prefixes.length > 0) options.remote = prefixes;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}
