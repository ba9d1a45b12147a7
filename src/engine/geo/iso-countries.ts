import { createRequire } from "node:module";

type IsoCountries = typeof import("i18n-iso-countries");

const require = createRequire(import.meta.url);
let loaded: IsoCountries | undefined;
let englishNames = false;

/**
 * i18n-iso-countries, loaded on first use: it costs 35–65 ms to load, which every build worker and
 * every `plotline` command paid at start-up though only stories with a world map or a join need it.
 */
export function isoCountries(): IsoCountries {
  loaded ??= require("i18n-iso-countries") as IsoCountries;
  return loaded;
}

/**
 * The ISO 3166 alpha-3 code of a country's English name, in the many forms i18n-iso-countries knows
 * ("Ivory Coast", "Czech Republic", "Russian Federation"), for a key no spelling rule can reach.
 */
export function countryCodeOfName(name: string): string | undefined {
  const countries = isoCountries();
  if (!englishNames) {
    countries.registerLocale(require("i18n-iso-countries/langs/en.json") as import("i18n-iso-countries").LocaleData);
    englishNames = true;
  }
  return countries.getAlpha3Code(name, "en");
}
