import { distance } from "fastest-levenshtein";

/** True when b is a with two neighbouring letters swapped ("yaer" / "year"): the commonest typo. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo:
 * same letters in another case, two neighbouring letters swapped, or an edit distance of at most a third
 * of the word (min. 1, max. 3).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    const d = other === lower ? 0.5 : isSwap(lower, other) ? 1 : distance(lower, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "x"?` or an empty string, to append to a message. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? "" : ` Did you mean "${match}"?`;
}
