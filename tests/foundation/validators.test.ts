import { describe, expect, it } from 'vitest'

import { isCurrencyCode, isIanaTimeZone, isSlug, slugify } from '../../fields/validators'

describe('validators', () => {
  it('accepts IANA zones and refuses made-up ones', () => {
    for (const zone of ['Europe/Paris', 'America/Montreal', 'Asia/Kolkata', 'UTC']) expect(isIanaTimeZone(zone)).toBe(true)
    for (const zone of ['Mars/Olympus', 'Paris', '', 'GMT+2']) expect(isIanaTimeZone(zone)).toBe(false)
  })

  it('accepts ISO 4217 codes only in upper case', () => {
    for (const code of ['EUR', 'CAD', 'JPY', 'KWD']) expect(isCurrencyCode(code)).toBe(true)
    for (const code of ['eur', 'EURO', 'XXY', '']) expect(isCurrencyCode(code)).toBe(false)
  })

  it('accepts URL-safe slugs', () => {
    expect(isSlug('studio-lumiere')).toBe(true)
    for (const slug of ['Studio', 'a--b', '-a', 'a-', 'a b', 'é', 'x'.repeat(64)]) expect(isSlug(slug)).toBe(false)
  })

  it('slugifies names with accents and punctuation', () => {
    expect(slugify('Studio Lumière')).toBe('studio-lumiere')
    expect(slugify('  Galerie  Martin & Fils! ')).toBe('galerie-martin-fils')
    expect(isSlug(slugify('Ça, c’est l’Atelier'))).toBe(true)
  })
})
