// A report answer as people read it in the admin: money from minor units in its column's or row's currency,
// bucket dates as months, weeks or quarters, instants in the studio's zone; the chart's series as recharts
// rows; and a download's file name from its Content-Disposition. Pure, browser-safe.
import type { ReportChart, ReportColumn, ReportRow } from '../types'
import type { Bucket } from './catalogue'
import type { GroupKey } from './spec'

import { currencyExponent } from '../../../utilities/currencyExponent'

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)

/** "€80.50" from 8050 EUR in `language`; an unknown code still shows its amount and code. */
export function formatMoney(minor: number, currency: string, language: string): string {
  const exponent = currencyExponent(currency)
  try {
    return new Intl.NumberFormat(language, { currency, maximumFractionDigits: exponent, minimumFractionDigits: exponent, style: 'currency' }).format(minor / 10 ** exponent)
  } catch {
    return `${(minor / 10 ** exponent).toFixed(exponent)} ${currency}`.trim()
  }
}

/** A money value's currency: the column's own, else the row's at `currencyKey`; null when neither says. */
export function currencyOf(column: ReportColumn, row: ReportRow): null | string {
  if (column.currency) return column.currency
  const code = column.currencyKey === undefined ? undefined : row[column.currencyKey]
  return typeof code === 'string' && code ? code : null
}

/** The bucket behind a date column: the compiler names it `<field><Bucket>` (`atMonth`, `weekWeek`). */
export function bucketOfColumn(groupBy: GroupKey[] | undefined, key: string): Bucket | null {
  for (const group of groupBy ?? []) {
    if (typeof group !== 'string' && `${group.field}${capitalised(group.bucket)}` === key) return group.bucket
  }
  return null
}

/** A local date (YYYY-MM-DD) as its bucket reads: "Mar 2026", "Q1 2026", "2026", or the day itself. */
export function formatLocalDate(date: string, bucket: Bucket | null, language: string): string {
  const at = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(at.getTime())) return date
  // Calendar dates of the studio: written as UTC so that no zone shifts them.
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(at)
  if (bucket === 'year') return String(at.getUTCFullYear())
  if (bucket === 'quarter') return `Q${Math.floor(at.getUTCMonth() / 3) + 1} ${at.getUTCFullYear()}`
  if (bucket === 'month') return format({ month: 'short', year: 'numeric' })
  return format({ day: 'numeric', month: 'short', year: 'numeric' })
}

export type CellContext = { bucket: Bucket | null; language: string; no: string; timezone: string; yes: string }

/**
 * Each column's heading: its label, or "label (key)" when another column has the same label (aggregations
 * renamed with `as` keep their function's label: three "Total amount" columns read deposits, refunds, net).
 */
export function columnHeadings(columns: ReportColumn[]): Record<string, string> {
  const counts = new Map<string, number>()
  for (const column of columns) counts.set(column.label, (counts.get(column.label) ?? 0) + 1)
  return Object.fromEntries(columns.map((column) => [column.key, (counts.get(column.label) ?? 0) > 1 ? `${column.label} (${column.key})` : column.label]))
}

/** One cell as text; null and missing values as an em dash. */
export function formatCell(column: ReportColumn, row: ReportRow, context: CellContext): string {
  const value = row[column.key]
  if (value === null || value === undefined || value === '') return '—'
  switch (column.type) {
    case 'money': {
      if (typeof value !== 'number') return String(value)
      const currency = currencyOf(column, row)
      return currency ? formatMoney(value, currency, context.language) : new Intl.NumberFormat(context.language).format(value)
    }
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(context.language, { maximumFractionDigits: 4 }).format(value) : String(value)
    case 'date':
      return formatLocalDate(String(value), context.bucket, context.language)
    case 'datetime': {
      const at = new Date(String(value))
      if (Number.isNaN(at.getTime())) return String(value)
      try {
        return new Intl.DateTimeFormat(context.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: context.timezone }).format(at)
      } catch {
        return new Intl.DateTimeFormat(context.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
      }
    }
    case 'boolean':
      return value === true ? context.yes : value === false ? context.no : String(value)
    default:
      return String(value)
  }
}

export type ChartRow = Record<string, null | number | string> & { x: number | string }

/** Series `i`'s property in a chart row: `s0`, `s1`… (a series key may hold dots, which recharts reads as paths). */
export const seriesDataKey = (index: number) => `s${index}`

/**
 * The series as rows keyed by x, one property per series (`seriesDataKey`): what recharts draws. A line's x
 * values are put in order (time buckets sort as text); bars keep the report's order (a chosen sort).
 */
export function chartRows(chart: ReportChart): ChartRow[] {
  const rows = new Map<number | string, ChartRow>()
  for (const [index, series] of chart.series.entries()) {
    for (const point of series.data) {
      const row = rows.get(point.x) ?? { x: point.x }
      row[seriesDataKey(index)] = point.y
      rows.set(point.x, row)
    }
  }
  const list = [...rows.values()]
  if (chart.kind === 'line') list.sort((left, right) => (left.x < right.x ? -1 : left.x > right.x ? 1 : 0))
  return list
}

/**
 * The currency a chart's values are in, when there is one: the series' money column's own, or the one
 * currency its rows share (a split by currency names it last: "Total amount · EUR"). Null for plain numbers.
 */
export function chartCurrency(chart: ReportChart, columns: ReportColumn[], rows: ReportRow[]): null | string {
  const first = chart.series[0]
  if (!first) return null
  const column = columns.find((candidate) => candidate.key === first.key.split(':')[0])
  if (!column || column.type !== 'money') return null
  if (column.currency) return column.currency
  const codes = new Set(rows.map((row) => currencyOf(column, row)).filter((code): code is string => code !== null))
  return codes.size === 1 ? [...codes][0]! : null
}

/** The file name of `attachment; filename="x.csv"` (or RFC 5987's `filename*=UTF-8''x.csv`), else `fallback`. */
export function fileNameFromDisposition(header: null | string, fallback: string): string {
  if (!header) return fallback
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header)
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim()
  // Only a base name: a server never means a path, and a browser would ignore one anyway.
  return name ? (name.split(/[\\/]/).pop() ?? fallback) : fallback
}
