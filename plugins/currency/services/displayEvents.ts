/** Dispatched on `window` when the signed-in person changes their display currency: money cells reload it. */
export const DISPLAY_CURRENCY_CHANGED = 'atelier:display-currency-changed'
