import { describe, expect, it } from 'vitest'

import { currencyForLocale } from '../../plugins/currency/client'

const OFFERED = ['CAD', 'CHF', 'EUR', 'GBP', 'JPY', 'USD']

describe('a visitor’s currency from their locales', () => {
  it('reads the region, or the likely one of a bare language', () => {
    expect(currencyForLocale(['fr-CA'], OFFERED)).toBe('CAD')
    expect(currencyForLocale(['de-AT'], OFFERED)).toBe('EUR')
    expect(currencyForLocale(['de-CH'], OFFERED)).toBe('CHF')
    expect(currencyForLocale(['ja'], OFFERED)).toBe('JPY')
    expect(currencyForLocale(['en-GB', 'en'], OFFERED)).toBe('GBP')
  })

  it('goes down the list past regions whose currency is not offered, and past nonsense', () => {
    expect(currencyForLocale(['sv-SE', 'en-US'], OFFERED)).toBe('USD')
    expect(currencyForLocale(['not a locale', 'fr-FR'], OFFERED)).toBe('EUR')
    expect(currencyForLocale(['sv-SE'], OFFERED)).toBeNull()
    expect(currencyForLocale([], OFFERED)).toBeNull()
  })
})
