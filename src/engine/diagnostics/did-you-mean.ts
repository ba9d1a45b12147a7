import { distance } from "fastest-levenshtein";

/** True when b is a with two neighbouring letters swapped ("yaer" / "year"): the commonest typo. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * True when a and b are different strings that read the same: one writes an accented letter as one
 * character (é, "composed", NFC, as most keyboards type it) and the other as a letter and a separate
 * accent mark (e + ́, "decomposed", NFD, as macOS and some tools save file names).
 */
export function differOnlyInNormalization(a: string, b: string): boolean {
  return a !== b && a.normalize("NFC") === b.normalize("NFC");
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: the same text written
 * with composed instead of decomposed accents or the other way round (closest of all), same letters in
 * another case, two neighbouring letters swapped, or an edit distance of at most a third of the word
 * (min. 1, max. 3).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    const d = differOnlyInNormalization(word, candidate) ? 0.25 : other === lower ? 0.5 : isSwap(lower, other) ? 1 : distance(lower, other);
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
  return match === undefined ? "" : suggestion(word, match);
}

/**
 * ` Did you mean "match"?`, to append to a message about `written` — unless the two only look alike,
 * differing in how accents are encoded: then suggesting "match" would show the very name the editor
 * wrote, so the sentence says what differs and what to do instead.
 */
export function suggestion(written: string, match: string): string {
  if (!differOnlyInNormalization(written, match)) return ` Did you mean "${match}"?`;
  const decomposed = (text: string) => text !== text.normalize("NFC");
  const which = decomposed(match) ? `the name "${match}" is written` : `"${written}" is written here`;
  return ` It looks the same, but ${which} with decomposed accents (NFD: a letter followed by a separate accent mark, as macOS saves some file names), and the other with composed ones (NFC). Type the accented letters of the name again, or rename the file with them retyped.`;
}
