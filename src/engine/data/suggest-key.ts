import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { tolerantKey } from "./match-keys.ts";
import { countryCodeOfName } from "../geo/iso-countries.ts";


/** Below this many letters, a key is a code: one inside another, or one letter off, says nothing ("Ma" is in half the world). */
const MIN_CONTAINED = 4;

/**
 * The shape key an unmatched row's key probably meant, among `candidates` (the keys of shapes no row
 * matched): a likely typo (did-you-mean; not for keys of under four letters), one key inside the other ("United States" and "United States
 * of America"), or the same country by another name (`byCountry`, for shapes with ISO codes).
 */
export function suggestKey(written: string, candidates: readonly string[], byCountry?: (iso3: string) => string | undefined): string | undefined {
  const folded = tolerantKey(written);
  // A short code is one letter away from dozens of others ("Z" from "B"): a guess would mislead.
  const typo = folded.length < MIN_CONTAINED ? undefined : closestMatch(written, candidates);
  if (typo !== undefined) return typo;
  if (folded.length >= MIN_CONTAINED) {
    let best: string | undefined;
    for (const candidate of candidates) {
      const other = tolerantKey(candidate);
      if (other.length < MIN_CONTAINED || !(other.includes(folded) || folded.includes(other))) continue;
      // The closest in length of those that contain or are contained.
      if (best === undefined || Math.abs(other.length - folded.length) < Math.abs(tolerantKey(best).length - folded.length)) best = candidate;
    }
    if (best !== undefined) return best;
  }
  if (byCountry) {
    const iso3 = countryCodeOfName(written);
    const named = iso3 === undefined ? undefined : byCountry(iso3);
    if (named !== undefined && named !== written) return named;
  }
  return undefined;
}
