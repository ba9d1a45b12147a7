import { splitCurrencySign } from "../../i18n/currency-sign.ts";

/**
 * d3-format accepts any specifier and quietly falls back for a type it does not know (".1q" becomes
 * ".1g"), so a typo would publish wrong-looking numbers. This reads a specifier by d3-format's grammar
 * and says what is wrong with it, if anything.
 */
const SPECIFIER = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;
const TYPES = new Set(["e", "f", "g", "r", "s", "%", "p", "b", "o", "d", "x", "X", "c", "n"]);

export function numberFormatProblem(specifier: string): string | undefined {
  if (specifier === "compact" || specifier === "percent") return undefined;
  const own = splitCurrencySign(specifier);
  if (own?.specifier.includes("$")) return `it has two currency signs: "${own.sign}" already writes the currency, so leave out "$"`;
  const match = SPECIFIER.exec(own ? own.specifier : specifier);
  if (!match) return "it is neither a number nor a date format";
  const type = match[10];
  if (type !== undefined && !TYPES.has(type)) return `"${type}" is not a number format type (use f, %, s, e, d, …)`;
  return undefined;
}
