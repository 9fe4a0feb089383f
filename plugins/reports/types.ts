// The reports plugin's shared shapes: what a compiled report answers, and what the file writers and the
// admin view read. The spec itself (zod) lives in services/spec.ts.

/** How a column's values are written and read back: money in minor units, datetimes as ISO instants. */
export type ColumnType = 'boolean' | 'date' | 'datetime' | 'money' | 'number' | 'string'

export type ReportColumn = {
  /** Set on a money column when every value is in one currency (a converted report). */
  currency?: string
  /**
   * On a money column without a fixed `currency`: the key of the column holding each row's currency
   * (money is never summed across currencies; the compiler groups by the currency instead).
   */
  currencyKey?: string
  key: string
  label: string
  type: ColumnType
}

/** One row keyed by column key: numbers (money in minor units), strings (dates as YYYY-MM-DD, datetimes as ISO), booleans or null. */
export type ReportRow = Record<string, boolean | null | number | string>

export type ChartSeries = { data: { x: number | string; y: number | null }[]; key: string; label: string }

/** How the result is best drawn: a line over time buckets, bars over categories, or none (a table). */
export type ReportChart = { kind: 'bar' | 'line' | 'none'; series: ChartSeries[]; x: null | string }

/** What a report is about, for titles, file names and the PDF header. */
export type ReportMeta = {
  /** The local period, YYYY-MM-DD to YYYY-MM-DD (the end exclusive), or null when unbounded. */
  period: { from: string; to: string } | null
  /** The studio's name, or "All studios" across tenants. */
  studio: string
  /** The IANA zone buckets and periods are computed in. */
  timezone: string
  title: string
}

/** The JSON answer of POST /api/reports/build. */
export type ReportAnswer = {
  chart: ReportChart
  columns: ReportColumn[]
  meta: ReportMeta
  rows: ReportRow[]
  /** The aggregations over every row (one per currency when money is not converted); empty for a listing. */
  totals: ReportRow[]
}

export type ReportFormat = 'csv' | 'json' | 'pdf' | 'xlsx'

/** Rows in pages, as a cursor yields them: the writers consume it without holding the whole result. */
export type RowPages = AsyncIterable<ReportRow[]>

export type ReportsPluginOptions = {
  /** @default true */
  enabled?: boolean
}
