// How a result is best drawn, from its shape: a line when the first group is a time bucket, bars for a
// category, nothing for a listing or a single row. A second group (a room, a currency) splits the first
// value into one series per group; otherwise each value is a series. Rows are already aggregated; a line's
// empty buckets are filled (0 for a count or a sum, a gap otherwise), so that it never slopes across them.
import type { ReportChart, ReportRow } from '../types'
import type { CompiledColumn } from './compile'

const MAX_SERIES = 12
const MAX_POINTS = 5_000
const MONTHS_IN: Record<string, number> = { month: 1, quarter: 3, year: 12 }

/** The bucket after `date` (YYYY-MM-DD, a bucket's first day). */
function nextBucket(date: string, bucket: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const next = bucket in MONTHS_IN ? new Date(Date.UTC(year, month - 1 + MONTHS_IN[bucket]!, 1)) : new Date(Date.UTC(year, month - 1, day + (bucket === 'week' ? 7 : 1)))
  return next.toISOString().slice(0, 10)
}

type Point = { x: number | string; y: null | number }

/** The points from the first bucket to the last, with `empty` where a bucket has no row. */
function withEmptyBuckets(points: Point[], bucket: string, empty: 0 | null): Point[] {
  const byDate = new Map(points.filter((point) => typeof point.x === 'string').map((point) => [point.x as string, point.y]))
  const dates = [...byDate.keys()].sort()
  if (dates.length === 0 || byDate.size !== points.length) return points
  const filled: Point[] = []
  for (let date = dates[0]!; date <= dates.at(-1)!; date = nextBucket(date, bucket)) {
    // A span of centuries of days (odd data) is drawn as it comes rather than as millions of points.
    if (filled.length >= MAX_POINTS) return points
    filled.push({ x: date, y: byDate.has(date) ? byDate.get(date)! : empty })
  }
  return filled
}

export function chartOf(columns: CompiledColumn[], rows: ReportRow[]): ReportChart {
  const groups = columns.filter((column) => column.group && column.key !== 'studioId')
  const values = columns.filter((column) => !column.group && (column.type === 'number' || column.type === 'money'))
  const [x, splitCandidate] = groups.filter((column) => column.key !== 'studio' || groups.length === 1)
  // A second group with one value (one currency, one room) splits nothing: each value is then a series.
  const split = splitCandidate && new Set(rows.map((row) => row[splitCandidate.key])).size > 1 ? splitCandidate : undefined
  if (!x || values.length === 0 || rows.length < 1) return { kind: 'none', series: [], x: null }
  const kind = x.bucket ? 'line' : 'bar'
  const point = (row: ReportRow, key: string) => ({ x: row[x.key] as number | string, y: typeof row[key] === 'number' ? (row[key] as number) : null })
  const line = (column: CompiledColumn, seriesRows: ReportRow[]) => {
    const data = seriesRows.map((row) => point(row, column.key))
    return x.bucket ? withEmptyBuckets(data, x.bucket, column.aggregate === 'count' || column.aggregate === 'sum' ? 0 : null) : data
  }
  if (!split) {
    return { kind, series: values.map((value) => ({ data: line(value, rows), key: value.key, label: value.label })), x: x.key }
  }
  const first = values[0]!
  const byGroup = new Map<string, ReportRow[]>()
  for (const row of rows) {
    const name = String(row[split.key] ?? '—')
    if (!byGroup.has(name) && byGroup.size >= MAX_SERIES) continue
    const groupRows = byGroup.get(name) ?? []
    groupRows.push(row)
    byGroup.set(name, groupRows)
  }
  const series = [...byGroup].map(([name, groupRows]) => ({ data: line(first, groupRows), key: `${first.key}:${name}`, label: `${first.label} · ${name}` }))
  return { kind, series, x: x.key }
}
