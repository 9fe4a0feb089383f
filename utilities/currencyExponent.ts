// How many decimals an ISO 4217 currency has (2 for EUR, 0 for JPY, 3 for KWD): what turns minor units into an
// amount a person reads. Pure; the runtime's Intl data is the source, as for the booking emails.

/** The currency's exponent; 2 when the runtime does not know the code. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { currency, style: 'currency' }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}
