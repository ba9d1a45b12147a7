import { constants, copyFileSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import { copyFile, link } from "node:fs/promises";
import { join } from "node:path";

/** Links (or copies) every file under `from` to the same place under `to`; answers with how many. */
export function linkTree(from: string, to: string): number {
  let files = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      files += linkTree(source, target);
      continue;
    }
    if (!linkFile(source, target)) copyFileSync(source, target);
    files++;
  }
  return files;
}

/** Hard-links `source` at `target`; false if it cannot (no such file, another file system). */
export function linkFile(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch {
    return false;
  }
}

/** linkFile on Node's thread pool, for many files at once while this thread has other work. */
export const linkFileAsync = (source: string, target: string): Promise<boolean> => link(source, target).then(() => true, () => false);

/** Hard-links `source` at `target` on Node's thread pool, or copies it where it cannot (another file system). */
export async function linkOrCopy(source: string, target: string): Promise<void> {
  if (!(await linkFileAsync(source, target))) await copyFile(source, target, constants.COPYFILE_FICLONE);
}
