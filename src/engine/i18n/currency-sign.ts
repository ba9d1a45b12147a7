/**
 * `$` in a number format is the story's currency: $ in English stories, ¥ in Chinese ones. A format
 * that starts with a currency's own sign writes that sign in every language, so a Chinese story can
 * show US dollars ("US$,.0f": US$1,200) and an English one yuan ("¥,.0f": ¥1,200).
 */
export const currencySigns = ["US$", "HK$", "NT$", "¥", "￥", "€", "£"] as const;

export interface CurrencySign {
  sign: string;
  /** The rest of the format, a d3-format specifier without the sign: ",.0f". */
  specifier: string;
}

export function splitCurrencySign(format: string): CurrencySign | undefined {
  const sign = currencySigns.find((s) => format.startsWith(s) && format.length > s.length);
  return sign === undefined ? undefined : { sign, specifier: format.slice(sign.length) };
}
