// The Reports view's pure parts: the builder form as a ReportSpec the server's own schema accepts, the
// schedule form as the endpoint's body, and an answer's cells, chart rows and download names as shown.
import { describe, expect, it } from 'vitest'

import type { ReportChart, ReportColumn } from '../../plugins/reports/types'

import { REPORT_CATALOGUE } from '../../plugins/reports/services/catalogue'
import { bucketOfColumn, chartCurrency, chartRows, columnHeadings, fileNameFromDisposition, formatCell, formatLocalDate } from '../../plugins/reports/services/reportDisplay'
import { scheduleRuleSchema } from '../../plugins/reports/services/schedule'
import { initialScheduleForm, scheduleBody } from '../../plugins/reports/services/scheduleForm'
import { reportSpecSchema } from '../../plugins/reports/services/spec'
import {
  aggregationFields,
  amountToMinorUnits,
  groupFields,
  initialForm,
  lastTwelveMonths,
  operatorsFor,
  type ReportFormState,
  specFromForm,
  templateSpec,
  withSource,
} from '../../plugins/reports/services/specForm'

const form = (patch: Partial<ReportFormState> = {}): ReportFormState => ({
  aggregations: [],
  currency: '',
  fields: [],
  filters: [],
  from: '2026-01-01',
  groups: [],
  source: 'bookings',
  to: '2026-04-01',
  ...patch,
})
const options = { moneyCurrency: 'EUR' }

const built = (state: ReportFormState, extra: Partial<Parameters<typeof specFromForm>[1]> = {}) => {
  const result = specFromForm(state, { ...options, ...extra })
  if (!result.ok) throw new Error(`problems: ${JSON.stringify(result.problems)}`)
  // Whatever the form builds, the server's schema takes as it is.
  expect(reportSpecSchema.parse(result.spec)).toEqual(result.spec)
  return result.spec
}

describe('specFromForm', () => {
  it('builds a summary: a bucketed time and a category, count and a sum, the period, tenant and sort', () => {
    const spec = built(
      form({
        aggregations: [
          { field: '', fn: 'count' },
          { field: 'amountPaid', fn: 'sum' },
        ],
        groups: [
          { bucket: 'week', field: 'start' },
          { bucket: 'month', field: 'room' },
        ],
      }),
      { sort: [{ direction: 'desc', key: 'count' }], tenant: 7 },
    )
    expect(spec).toEqual({
      aggregations: [{ fn: 'count' }, { field: 'amountPaid', fn: 'sum' }],
      groupBy: [{ bucket: 'week', field: 'start' }, 'room'],
      period: { from: '2026-01-01', to: '2026-04-01' },
      sort: [{ direction: 'desc', key: 'count' }],
      source: 'bookings',
      tenant: 7,
    })
  })

  it('builds a listing of the chosen columns, with no groups or values, and never sends both', () => {
    expect(built(form({ fields: ['ref', 'start', 'price'] }))).toEqual({ fields: ['ref', 'start', 'price'], period: { from: '2026-01-01', to: '2026-04-01' }, source: 'bookings' })
    // Columns chosen before a group was added stay out of a summary (the schema refuses both).
    expect(built(form({ fields: ['ref'], groups: [{ bucket: 'month', field: 'status' }] }))).toEqual({ groupBy: ['status'], period: { from: '2026-01-01', to: '2026-04-01' }, source: 'bookings' })
    expect(built(form({ from: '', to: '' }))).toEqual({ source: 'bookings' })
  })

  it('types filter values by field: amounts in minor units, numbers, dates, yes/no, lists and ranges, ANDed', () => {
    const spec = built(
      form({
        filters: [
          { field: 'status', op: 'in', value: 'confirmed, completed', value2: '' },
          { field: 'amountPaid', op: 'gte', value: '80,50', value2: '' },
          { field: 'hours', op: 'between', value: '1', value2: '2.5', },
          { field: 'start', op: 'lt', value: '2026-02-01', value2: '' },
          { field: 'customerEmail', op: 'contains', value: '@example.com', value2: '' },
          { field: 'roomId', op: 'isNull', value: 'ignored', value2: '' },
          { field: '', op: 'eq', value: '', value2: '' },
        ],
      }),
    )
    expect(spec.filters).toEqual({
      and: [
        { field: 'status', op: 'in', value: ['confirmed', 'completed'] },
        { field: 'amountPaid', op: 'gte', value: 8050 },
        { field: 'hours', op: 'between', value: [1, 2.5] },
        { field: 'start', op: 'lt', value: '2026-02-01' },
        { field: 'customerEmail', op: 'contains', value: '@example.com' },
        { field: 'roomId', op: 'isNull' },
      ],
    })
    expect(built(form({ filters: [{ field: 'active', op: 'eq', value: 'false', value2: '' }], source: 'rooms' })).filters).toEqual({ field: 'active', op: 'eq', value: false })
  })

  it('reads amounts in the given currency’s minor units', () => {
    const jpy = specFromForm(form({ filters: [{ field: 'price', op: 'eq', value: '1500', value2: '' }] }), { moneyCurrency: 'JPY' })
    expect(jpy.ok && jpy.spec.filters).toEqual({ field: 'price', op: 'eq', value: 1500 })
    expect(amountToMinorUnits('12.345', 'KWD')).toBe(12345)
    expect(amountToMinorUnits('-0.5', 'EUR')).toBe(-50)
    expect(amountToMinorUnits('1.5', 'JPY')).toBeNull()
    expect(amountToMinorUnits('1.505', 'EUR')).toBeNull()
    expect(amountToMinorUnits('12 €', 'EUR')).toBeNull()
  })

  it('names each problem by the form row, and sends nothing', () => {
    const result = specFromForm(
      form({
        aggregations: [{ field: 'status', fn: 'sum' }],
        currency: 'euro',
        filters: [
          { field: 'hours', op: 'eq', value: 'two', value2: '' },
          { field: 'price', op: 'eq', value: '12.345', value2: '' },
          { field: 'start', op: 'between', value: '2026-01-01', value2: '' },
          { field: 'status', op: 'in', value: ' , ', value2: '' },
          { field: 'nope', op: 'eq', value: 'x', value2: '' },
        ],
        to: '',
      }),
      options,
    )
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'field', path: 'aggregations.0.field' },
        { code: 'number', path: 'filters.0.value' },
        { code: 'amount', path: 'filters.1.value' },
        { code: 'date', path: 'filters.2.value2' },
        { code: 'list', path: 'filters.3.value' },
        { code: 'field', path: 'filters.4.field' },
        { code: 'period', path: 'period' },
        { code: 'currency', path: 'currency' },
      ],
    })
    expect(specFromForm(form({ from: '2026-04-01', to: '2026-04-01' }), options)).toEqual({ ok: false, problems: [{ code: 'periodOrder', path: 'period' }] })
    // Occupancy's rows are the period's weeks.
    expect(specFromForm(form({ from: '', source: 'occupancy', to: '' }), options)).toEqual({ ok: false, problems: [{ code: 'periodRequired', path: 'period' }] })
  })

  it('upper-cases the currency to convert into', () => {
    expect(built(form({ currency: 'usd ' })).currency).toBe('USD')
  })

  it('starts from bookings counted by month over the last twelve months, which the schema accepts', () => {
    const initial = initialForm(new Date(2026, 2, 15))
    expect(initial.from).toBe('2025-04-01')
    expect(initial.to).toBe('2026-04-01')
    expect(built(initial)).toMatchObject({ aggregations: [{ fn: 'count' }], groupBy: [{ bucket: 'month', field: 'start' }] })
    expect(lastTwelveMonths(new Date(2026, 0, 31))).toEqual({ from: '2025-02-01', to: '2026-02-01' })
  })
})

describe('the form’s choices follow the catalogue', () => {
  it('groups categories and bucketed times, never money or ids', () => {
    expect(groupFields('bookings')).toEqual(expect.arrayContaining(['start', 'status', 'room', 'customerEmail']))
    expect(groupFields('bookings')).not.toContain('price')
    expect(groupFields('bookings')).not.toContain('id')
    expect(groupFields('occupancy')).toEqual(['room', 'roomId', 'week'])
  })

  it('offers each aggregation the fields it can read', () => {
    expect(aggregationFields('bookings', 'count')).toEqual([])
    expect(aggregationFields('bookings', 'sum')).toEqual(['amountPaid', 'deposit', 'hours', 'id', 'price', 'refunded', 'roomId'])
    expect(aggregationFields('bookings', 'max')).toContain('start')
    expect(aggregationFields('bookings', 'countDistinct')).toContain('customerEmail')
    expect(aggregationFields('bookings', 'countDistinct')).not.toContain('ref')
  })

  it('offers only the conditions a type allows', () => {
    expect(operatorsFor('boolean')).toEqual(['eq', 'ne', 'isNull', 'notNull'])
    expect(operatorsFor('string')).not.toContain('gt')
    expect(operatorsFor('money')).not.toContain('contains')
  })

  it('drops what a new source does not have', () => {
    const state = form({
      aggregations: [
        { field: '', fn: 'count' },
        { field: 'amountPaid', fn: 'sum' },
      ],
      fields: ['ref', 'status'],
      filters: [
        { field: 'status', op: 'eq', value: 'paid', value2: '' },
        { field: 'customerEmail', op: 'contains', value: 'x', value2: '' },
      ],
      groups: [{ bucket: 'month', field: 'start' }],
    })
    const moved = withSource(state, 'payments')
    expect(moved.source).toBe('payments')
    expect(moved.aggregations).toEqual([{ field: '', fn: 'count' }])
    expect(moved.fields).toEqual(['status'])
    expect(moved.filters).toEqual([{ field: 'status', op: 'eq', value: 'paid', value2: '' }])
    expect(moved.groups).toEqual([])
    expect(Object.keys(REPORT_CATALOGUE.payments!.fields)).toContain('paidAt')
  })
})

describe('templateSpec', () => {
  const revenue = { aggregations: [{ field: 'amount', fn: 'sum' as const }], groupBy: [{ bucket: 'month' as const, field: 'at' }], period: { from: '2025-01-01', to: '2026-01-01' }, source: 'revenue' }

  it('runs a template over the form’s period, with its currency, sort and studio', () => {
    const result = templateSpec(revenue, { currency: 'chf', from: '2026-01-01', to: '2026-02-01' }, { sort: [{ direction: 'asc', key: 'atMonth' }], tenant: 3 })
    expect(result.ok && reportSpecSchema.parse(result.spec)).toEqual({ ...revenue, currency: 'CHF', period: { from: '2026-01-01', to: '2026-02-01' }, sort: [{ direction: 'asc', key: 'atMonth' }], tenant: 3 })
  })

  it('keeps the template’s own sort unless one is chosen, and refuses a bad period', () => {
    const top = { groupBy: ['customerEmail'], sort: [{ direction: 'desc' as const, key: 'paid' }], source: 'bookings' }
    const result = templateSpec(top, { currency: '', from: '2026-01-01', to: '2026-02-01' }, {})
    expect(result.ok && result.spec.sort).toEqual([{ direction: 'desc', key: 'paid' }])
    expect(templateSpec(top, { currency: '', from: '2026-02-01', to: '2026-01-01' }, {})).toEqual({ ok: false, problems: [{ code: 'periodOrder', path: 'period' }] })
  })
})

describe('scheduleBody', () => {
  it('sends only the day its frequency takes, as numbers, with the studio', () => {
    const base = { ...initialScheduleForm('revenue-by-month'), name: ' Monthly revenue ', recipients: [4, 9, 4] }
    const monthly = scheduleBody({ ...base, dayOfMonth: '31' }, 2)
    expect(monthly).toEqual({ body: { dayOfMonth: 31, format: 'pdf', frequency: 'MONTHLY', name: 'Monthly revenue', recipients: [4, 9], sendAt: '08:00', template: 'revenue-by-month', tenant: 2 }, ok: true })
    const weekly = scheduleBody({ ...base, frequency: 'WEEKLY', weekday: '7' }, undefined)
    expect(weekly.ok && weekly.body).toEqual({ format: 'pdf', frequency: 'WEEKLY', name: 'Monthly revenue', recipients: [4, 9], sendAt: '08:00', template: 'revenue-by-month', weekday: 7 })
    const daily = scheduleBody({ ...base, frequency: 'DAILY', sendAt: '23:59' }, 1)
    expect(daily.ok && daily.body.weekday === undefined && daily.body.dayOfMonth === undefined).toBe(true)
    // The server's strict rule schema takes each rule as sent.
    for (const result of [monthly, weekly, daily]) {
      if (!result.ok) throw new Error('refused')
      const { dayOfMonth, frequency, sendAt, weekday } = result.body
      expect(scheduleRuleSchema.safeParse({ ...(dayOfMonth ? { dayOfMonth } : {}), frequency, sendAt, timezone: 'Europe/Paris', ...(weekday ? { weekday } : {}) }).success).toBe(true)
    }
  })

  it('names what is missing', () => {
    expect(scheduleBody({ ...initialScheduleForm(''), dayOfMonth: '32', sendAt: '24:00' }, 1)).toEqual({ ok: false, problems: ['name', 'template', 'sendAt', 'recipients', 'dayOfMonth'] })
    expect(scheduleBody({ ...initialScheduleForm('x'), frequency: 'WEEKLY', name: 'n', recipients: [1], weekday: '0' }, 1)).toEqual({ ok: false, problems: ['weekday'] })
  })
})

describe('showing an answer', () => {
  const context = { bucket: null, language: 'en', no: 'No', timezone: 'Europe/Paris', yes: 'Yes' }
  const money: ReportColumn = { currencyKey: 'currency', key: 'paid', label: 'Paid', type: 'money' }

  it('formats money from minor units in the column’s or the row’s currency', () => {
    expect(formatCell(money, { currency: 'EUR', paid: 8050 }, context)).toBe('€80.50')
    expect(formatCell(money, { currency: 'JPY', paid: 1500 }, context)).toBe('¥1,500')
    expect(formatCell({ ...money, currency: 'USD' }, { currency: 'EUR', paid: -1250 }, context)).toBe('-$12.50')
    expect(formatCell(money, { currency: 'EUR', paid: 8050 }, { ...context, language: 'fr' })).toBe('80,50\u00a0€')
    expect(formatCell(money, { currency: null, paid: null }, context)).toBe('—')
  })

  it('reads bucket dates by their bucket and instants in the studio’s zone', () => {
    const date: ReportColumn = { key: 'atMonth', label: 'At (Month)', type: 'date' }
    expect(bucketOfColumn([{ bucket: 'month', field: 'at' }, 'room'], 'atMonth')).toBe('month')
    expect(bucketOfColumn(['room'], 'room')).toBeNull()
    expect(formatCell(date, { atMonth: '2026-03-01' }, { ...context, bucket: 'month' })).toBe('Mar 2026')
    expect(formatLocalDate('2026-04-01', 'quarter', 'en')).toBe('Q2 2026')
    expect(formatLocalDate('2026-01-01', 'year', 'en')).toBe('2026')
    expect(formatLocalDate('2026-03-29', 'week', 'en')).toBe('Mar 29, 2026')
    const instant: ReportColumn = { key: 'start', label: 'Start', type: 'datetime' }
    expect(formatCell(instant, { start: '2026-03-29T07:00:00.000Z' }, context)).toBe('Mar 29, 2026, 9:00 AM')
    expect(formatCell({ key: 'active', label: 'Active', type: 'boolean' }, { active: false }, context)).toBe('No')
    expect(formatCell({ key: 'ratio', label: 'Ratio', type: 'number' }, { ratio: 0.123456 }, context)).toBe('0.1235')
  })

  it('tells apart columns that share a label by their key', () => {
    const columns: ReportColumn[] = [
      { key: 'atMonth', label: 'At (Month)', type: 'date' },
      { key: 'deposits', label: 'Total amount', type: 'money' },
      { key: 'net', label: 'Total amount', type: 'money' },
    ]
    expect(columnHeadings(columns)).toEqual({ atMonth: 'At (Month)', deposits: 'Total amount (deposits)', net: 'Total amount (net)' })
  })

  it('turns series into chart rows: a line in time order, bars in the report’s order', () => {
    const chart: ReportChart = {
      kind: 'line',
      series: [
        { data: [{ x: '2026-02-01', y: 5 }, { x: '2026-01-01', y: 3 }], key: 'net:EUR', label: 'Net · EUR' },
        { data: [{ x: '2026-01-01', y: 7 }], key: 'net:a.b', label: 'Net · a.b' },
      ],
      x: 'atMonth',
    }
    expect(chartRows(chart)).toEqual([
      { s0: 3, s1: 7, x: '2026-01-01' },
      { s0: 5, x: '2026-02-01' },
    ])
    expect(chartRows({ ...chart, kind: 'bar' }).map((row) => row.x)).toEqual(['2026-02-01', '2026-01-01'])
  })

  it('names the chart’s currency when its money is in one', () => {
    const chart: ReportChart = { kind: 'bar', series: [{ data: [], key: 'paid', label: 'Paid' }], x: 'room' }
    expect(chartCurrency(chart, [money], [{ currency: 'EUR' }, { currency: 'EUR' }])).toBe('EUR')
    expect(chartCurrency(chart, [money], [{ currency: 'EUR' }, { currency: 'USD' }])).toBeNull()
    expect(chartCurrency(chart, [{ ...money, currency: 'CHF' }], [])).toBe('CHF')
    expect(chartCurrency(chart, [{ key: 'paid', label: 'Paid', type: 'number' }], [])).toBeNull()
  })

  it('takes a download’s name from Content-Disposition, as a base name', () => {
    expect(fileNameFromDisposition('attachment; filename="revenue-by-month_2025-03-01_2026-03-01.csv"', 'x')).toBe('revenue-by-month_2025-03-01_2026-03-01.csv')
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", 'x')).toBe('résumé.pdf')
    expect(fileNameFromDisposition('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx')
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd')
    expect(fileNameFromDisposition(null, 'report.csv')).toBe('report.csv')
  })
})
