import { readlinkSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isInside } from "../is-inside.ts";

/**
 * Where a path of the project really leads, following symbolic links, measured against the project:
 * a story, a file of public/ or one the dev server serves may be read only if it stays inside the
 * project, as data/ files may only stay inside data/ (data/node-data-files.ts).
 */
export type ProjectPath =
  | { kind: "inside"; real: string }
  /** Leaves the project; `target` is the first link on the way, as written in it. */
  | { kind: "outside"; target: string }
  /** A link to nothing, or a loop of links (`target`: the link's, as written): nothing to read. */
  | { kind: "broken"; target: string }
  | { kind: "missing" };

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Where `path` (absolute, or relative to the working folder) leads, for the project at `root`. */
export function resolveInProject(root: string, path: string): ProjectPath {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { kind: "missing" };
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const target = linkTarget(path);
    if (errorCode(error) === "ELOOP") return { kind: "broken", target: target ?? path };
    // A link whose target is gone: outside if it points outside, else broken.
    if (target === undefined) return { kind: "missing" };
    const leadsTo = resolve(realpathOrSelf(dirname(resolve(path))), target);
    return isInside(realRoot, leadsTo) ? { kind: "broken", target } : { kind: "outside", target };
  }
  if (isInside(realRoot, real)) return { kind: "inside", real };
  return { kind: "outside", target: firstLinkTarget(resolve(root), resolve(path)) ?? real };
}

/** The target of a symbolic link, as written in it; undefined if `path` is not a link. */
export function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The target, as written, of the link nearest to `path` among it and its folders up to `root` (what the editor made). */
function firstLinkTarget(root: string, path: string): string | undefined {
  for (let at = path; at !== root && dirname(at) !== at; at = dirname(at)) {
    const target = linkTarget(at);
    if (target !== undefined) return target;
  }
  return undefined;
}
