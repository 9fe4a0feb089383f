// A visitor's likely currency from their browser's locale ("fr-CA" → CAD, "de-AT" → EUR), among those offered.
// Pure. The region decides; a locale without one, or a region whose currency is not offered, gives null.

const EURO_AREA = [
  "AT",
  "BE",
  "CY",
  "DE",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PT",
  "SI",
  "SK",
];

const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO_AREA.map((region) => [region, "EUR"])),
  AU: "AUD",
  BR: "BRL",
  CA: "CAD",
  CH: "CHF",
  CN: "CNY",
  CZ: "CZK",
  DK: "DKK",
  GB: "GBP",
  HK: "HKD",
  HU: "HUF",
  IL: "ILS",
  IN: "INR",
  IS: "ISK",
  JP: "JPY",
  KR: "KRW",
  LI: "CHF",
  MX: "MXN",
  NO: "NOK",
  NZ: "NZD",
  PL: "PLN",
  RO: "RON",
  SE: "SEK",
  SG: "SGD",
  TR: "TRY",
  US: "USD",
  ZA: "ZAR",
};

/** The currency of the first locale whose region's currency is in `offered`; null when none is. */
export function currencyForLocale(
  locales: readonly string[],
  offered: readonly string[],
): null | string {
  for (const locale of locales) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(locale).maximize().region;
    } catch {
      continue;
    }
    const currency = region ? REGION_CURRENCY[region] : undefined;
    if (currency && offered.includes(currency)) return currency;
  }
  return null;
}
