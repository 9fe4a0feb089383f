import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { parseEcbDaily, RatesParseError } from '../../plugins/currency/services/ecbRates'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ecb/${name}`, import.meta.url), 'utf8')

/** A daily file around the given day Cubes, as the ECB lays it out. */
const envelope = (days: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>${days}</Cube>
</gesmes:Envelope>`
const oneDay = (date: string, rates = `<Cube currency='USD' rate='1.0512'/>`) => `<Cube time='${date}'>${rates}</Cube>`

const parseError = (xml: string, required?: string[]): RatesParseError => {
  try {
    parseEcbDaily(xml, { required })
  } catch (error) {
    expect(error).toBeInstanceOf(RatesParseError)
    return error as RatesParseError
  }
  throw new Error('expected a RatesParseError')
}

describe('parseEcbDaily: the fixtures', () => {
  it('reads the Friday file: its date and the rates exactly as written', () => {
    const day = parseEcbDaily(fixture('daily-2026-12-04.xml'), { required: ['USD', 'JPY', 'GBP', 'CHF', 'CAD', 'SEK', 'PLN'] })
    expect(day.date).toBe('2026-12-04')
    expect(day.rates.USD).toBe('1.0512')
    expect(day.rates.JPY).toBe('162.45')
    // The trailing zero is kept: the string is the ECB's, not a number's.
    expect(day.rates.GBP).toBe('0.84530')
    expect(day.rates.CHF).toBe('0.9371')
    expect(day.rates.CAD).toBe('1.4785')
    expect(day.rates.SEK).toBe('11.4875')
    expect(day.rates.PLN).toBe('4.2615')
    expect(Object.keys(day.rates)).toHaveLength(29)
    // The ECB publishes neither the base nor KWD.
    expect(day.rates.EUR).toBeUndefined()
    expect(day.rates.KWD).toBeUndefined()
  })

  it('reads the next Monday: the weekend is simply absent', () => {
    const day = parseEcbDaily(fixture('daily-2026-12-07.xml'))
    expect(day.date).toBe('2026-12-07')
    expect(day.rates.USD).toBe('1.0547')
    expect(day.rates.JPY).toBe('163.02')
  })

  it('refuses a truncated file', () => {
    expect(parseError(fixture('malformed.xml')).message).toMatch(/not well-formed XML/)
  })

  it('refuses a day without a required currency, naming it', () => {
    expect(parseError(fixture('missing-jpy.xml'), ['USD', 'JPY']).message).toMatch(/missing currency JPY/)
    // Not required: the same file is accepted.
    expect(parseEcbDaily(fixture('missing-jpy.xml'), { required: ['USD'] }).rates.JPY).toBeUndefined()
  })

  it('refuses a negative rate, naming the currency', () => {
    expect(parseError(fixture('negative-rate.xml')).message).toMatch(/rate of 'GBP' \('-1.2'\) is not a positive decimal/)
  })
})

describe('parseEcbDaily: documents written inline', () => {
  it('accepts a minimal well-formed day', () => {
    expect(parseEcbDaily(envelope(oneDay('2024-02-29')))).toEqual({ date: '2024-02-29', rates: { USD: '1.0512' } })
  })

  it('refuses a document with two days', () => {
    expect(parseError(envelope(oneDay('2026-12-04') + oneDay('2026-12-03'))).message).toMatch(/2 days/)
  })

  it('refuses a date that is not on the calendar or not YYYY-MM-DD', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2025-02-29', '04/12/2026', '2026-12-4']) {
      expect(parseError(envelope(oneDay(date))).message, date).toMatch(/date .* is not a real calendar date/)
    }
  })

  it('refuses a zero, a non-numeric or an exponent rate', () => {
    for (const rate of ['0', '0.0000', 'abc', '1e3', '', '.5', '1.']) {
      expect(parseError(envelope(oneDay('2026-12-04', `<Cube currency='USD' rate='${rate}'/>`))).message, rate).toMatch(/rate of 'USD'/)
    }
  })

  it('refuses a currency code that is not three capital letters', () => {
    expect(parseError(envelope(oneDay('2026-12-04', `<Cube currency='usd' rate='1.05'/>`))).message).toMatch(/currency 'usd'/)
  })

  it('refuses a currency listed twice', () => {
    const rates = `<Cube currency='USD' rate='1.05'/><Cube currency='USD' rate='1.06'/>`
    expect(parseError(envelope(oneDay('2026-12-04', rates))).message).toMatch(/USD twice/)
  })

  it('refuses EUR, the base currency', () => {
    expect(parseError(envelope(oneDay('2026-12-04', `<Cube currency='EUR' rate='1'/>`))).message).toMatch(/EUR/)
  })

  it('refuses text that is not XML, XML without a dated Cube, and a day without rates', () => {
    expect(parseError('<html>Service unavailable').message).toMatch(/not well-formed XML/)
    expect(parseError('').message).toMatch(/not well-formed XML/)
    expect(parseError('<html><body>Service unavailable</body></html>').message).toMatch(/no dated Cube/)
    expect(parseError(envelope('')).message).toMatch(/no dated Cube/)
    expect(parseError(envelope(oneDay('2026-12-04', ''))).message).toMatch(/lists no currency/)
  })
})
