import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

/** Where a project keeps the files its compiled stories publish, by content hash, relative to its root. */
export const fileStoreDir = ".plotline/cache/files";

/** Folders of the store this process has made: making one again costs a system call per file. */
const madeFolders = new Set<string>();

/**
 * Keeps `content` in the project's file store and answers with its path relative to the root
 * (".plotline/cache/files/3f/2a…"). Files are named by a hash of their content, so one that is there is
 * the same file: stories compiled again write nothing new, and a build that has not changed a page
 * copies it from here instead of holding it in memory. Deleting the folder between builds is safe
 * (story-cache.ts compiles a story again when a file it stored is gone).
 */
export function storeFile(root: string, content: string | Uint8Array): string {
  const digest = createHash("sha256").update(content).digest("hex");
  const path = `${fileStoreDir}/${digest.slice(0, 2)}/${digest.slice(2, 40)}`;
  const file = join(root, path);
  if (existsSync(file)) return path;
  try {
    const folder = join(file, "..");
    if (!madeFolders.has(folder)) mkdirSync(folder, { recursive: true }), madeFolders.add(folder);
    // Renamed into place whole, so another worker never reads half a file.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    try {
      writeFileSync(partial, content);
    } catch {
      // The store was deleted while this process ran (a dev server): make the folder again.
      madeFolders.clear();
      mkdirSync(folder, { recursive: true });
      writeFileSync(partial, content);
    }
    renameSync(partial, file);
  } catch (error) {
    throw new Error(`Plotline could not write its cache in ${join(root, fileStoreDir)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return path;
}

/**
 * The bytes of a stored file, checked against the hash in its name: a file changed in .plotline/ is
 * never published (the story is compiled again by the next build).
 */
function checkedStoredBytes(path: string, bytes: Buffer): Buffer {
  const name = path.slice(fileStoreDir.length + 1).replace("/", "");
  if (!createHash("sha256").update(bytes).digest("hex").startsWith(name)) {
    throw new Error(`${path} was changed since Plotline stored it: delete ${fileStoreDir} and build again`);
  }
  return bytes;
}

/** The bytes of a stored file, read on Node's thread pool and checked as checkedStoredBytes does. */
export const readStoredBytes = async (root: string, path: string): Promise<Buffer> => checkedStoredBytes(path, await readFile(join(root, path)));

/** The text of a stored file (a story's body, a figure), checked as checkedStoredBytes does. */
export const readStoredText = (root: string, path: string): string => checkedStoredBytes(path, readFileSync(join(root, path))).toString("utf8");

/** Whether every one of these stored files (root-relative paths) is still there. */
export const storedFilesPresent = (root: string, paths: Iterable<string>): boolean => {
  for (const path of paths) if (!existsSync(join(root, path))) return false;
  return true;
};
