// STUB — being replaced by the full implementation (containment checks, listing).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataFileSource } from "./data-file-source.ts";
export function nodeDataFiles(dataDir: string): DataFileSource {
  return {
    displayRoot: "data",
    read: (p) => (existsSync(join(dataDir, p)) ? readFileSync(join(dataDir, p)) : undefined),
    list: () => [],
  };
}
