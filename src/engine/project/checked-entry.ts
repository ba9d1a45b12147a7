import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";

/**
 * A cache entry on disk: a first line naming what it is and the SHA-256 of the rest, then the value
 * serialised the way worker threads pass data (dates, maps and sets survive), gzipped fast. An entry
 * whose bytes do not match its line (edited on disk, cut short, written by an older Plotline) reads as
 * no entry, so what a build publishes is what a build compiled, never what a file in .plotline/ says.
 */
export function encodeCheckedEntry(kind: string, value: unknown): Uint8Array {
  const payload = gzipSync(serialize(value), { level: 1 });
  return Buffer.concat([Buffer.from(`${kind} sha256=${sha256(payload)}\n`, "latin1"), payload]);
}

/** The value of an entry written by encodeCheckedEntry with the same kind; undefined if missing or not intact. */
export function readCheckedEntry<T>(kind: string, file: string): T | undefined {
  try {
    const bytes = readFileSync(file);
    // The line is ASCII, so its length in characters is its length in bytes.
    const line = bytes.subarray(0, kind.length + 80).toString("latin1");
    const head = /^(.*) sha256=([0-9a-f]{64})\n/.exec(line);
    if (!head || head[1] !== kind) return undefined;
    const payload = bytes.subarray(head[0].length);
    if (sha256(payload) !== head[2]) return undefined;
    return deserialize(gunzipSync(payload)) as T;
  } catch {
    // Not there yet, or written by another Node.
    return undefined;
  }
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
