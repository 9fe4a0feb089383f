// The currency plugin's browser-safe entry: pure code the admin components and the public pages run in the
// browser, with no server module behind it (index.ts is the server's entry).
export { convertMinor, type RateTable } from './services/conversion'
export { DISPLAY_CURRENCY_CHANGED } from './services/displayEvents'
export { currencyForLocale } from './services/localeCurrency'
