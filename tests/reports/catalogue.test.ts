// The catalogue (the browser's field list) and the registry's SQL describe the same fields: the registry is built
// from both and refuses a field declared in only one, so the form can never offer what the server refuses.
import { describe, expect, it } from 'vitest'

import { REPORT_CATALOGUE } from '../../plugins/reports/services/catalogue'
import { SOURCES } from '../../plugins/reports/services/sources'

describe('the report catalogue and the registry', () => {
  it('list the same sources and fields, with the catalogue’s labels and flags', () => {
    expect(Object.keys(SOURCES)).toEqual(Object.keys(REPORT_CATALOGUE))
    for (const [name, source] of Object.entries(SOURCES)) {
      const catalogue = REPORT_CATALOGUE[name]!
      expect(Object.keys(source.fields).sort(), name).toEqual(Object.keys(catalogue.fields).sort())
      for (const [field, definition] of Object.entries(source.fields)) {
        const { currency, expression, ...meta } = definition
        expect(meta, `${name}.${field}`).toEqual(catalogue.fields[field])
        expect(expression, `${name}.${field}`).toBeDefined()
        // Money, and only money, knows its currency.
        expect(currency !== undefined, `${name}.${field}`).toBe(meta.type === 'money')
      }
      expect(source.periodMakesRows).toBe(catalogue.needsPeriod)
      expect(source.fields[source.periodField]?.type, name).toBe('datetime')
    }
  })

  it('marks personal data on the fields that carry it', () => {
    const personal = Object.entries(REPORT_CATALOGUE).flatMap(([source, { fields }]) =>
      Object.entries(fields)
        .filter(([, field]) => field.personal)
        .map(([name]) => `${source}.${name}`),
    )
    expect(personal.sort()).toEqual(['audit-logs.actor', 'audit-logs.ip', 'bookings.customerEmail', 'bookings.customerName', 'bookings.customerPhone'])
  })
})
