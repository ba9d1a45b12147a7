import { closestMatch, suggestion } from "../diagnostics/did-you-mean.ts";

/** The nearest file under data/, for a path that is not there: a typo, or the right name in another folder. */
export function suggestFile(path: string, list: readonly string[]): string {
  let match = closestMatch(path, list);
  if (match === undefined) {
    const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
    const sameName = list.filter((f) => f.slice(f.lastIndexOf("/") + 1).toLowerCase() === name);
    if (sameName.length === 1) match = sameName[0];
  }
  return match === undefined ? "" : suggestion(path, match);
}
