// The browser's copy of the field registry (catalogue.ts) says exactly what the registry (sources.ts) declares,
// and its operator, bucket and aggregation lists are the spec's: the form can never offer what the server
// refuses, nor hide what it accepts.
import { describe, expect, it } from 'vitest'

import { AGGREGATIONS, BUCKETS, OPERATORS, REPORT_CATALOGUE } from '../../plugins/reports/services/catalogue'
import { SOURCES } from '../../plugins/reports/services/sources'
import * as spec from '../../plugins/reports/services/spec'

const registryView = () =>
  Object.fromEntries(
    Object.entries(SOURCES).map(([name, source]) => [
      name,
      {
        fields: Object.fromEntries(
          Object.entries(source.fields).map(([fieldName, field]) => [
            fieldName,
            { groupable: field.groupable, label: field.label, personal: field.personal === true, type: field.type, values: field.values ? [...field.values] : undefined },
          ]),
        ),
        needsPeriod: source.periodMakesRows === true,
        periodField: source.periodField,
      },
    ]),
  )

const catalogueView = () =>
  Object.fromEntries(
    Object.entries(REPORT_CATALOGUE).map(([name, source]) => [
      name,
      {
        fields: Object.fromEntries(
          Object.entries(source.fields).map(([fieldName, field]) => [
            fieldName,
            { groupable: field.groupable, label: field.label, personal: field.personal, type: field.type, values: field.values ? [...field.values] : undefined },
          ]),
        ),
        needsPeriod: source.needsPeriod,
        periodField: source.periodField,
      },
    ]),
  )

describe('the client-safe report catalogue', () => {
  it('lists the registry’s sources, in its order', () => {
    expect(Object.keys(REPORT_CATALOGUE)).toEqual(Object.keys(SOURCES))
  })

  it('lists every source’s fields with the registry’s labels, types, grouping, personal flags and values', () => {
    expect(catalogueView()).toEqual(registryView())
  })

  it('offers the spec’s operators, buckets and aggregations', () => {
    expect(OPERATORS).toEqual(spec.OPERATORS)
    expect(BUCKETS).toEqual(spec.BUCKETS)
    expect(AGGREGATIONS).toEqual(spec.AGGREGATIONS)
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
