import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `root` or inside it (both absolute and resolved): the rule of data/ and of the project. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
