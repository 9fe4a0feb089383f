// How a result is best drawn, from its shape: a line when the first group is a time bucket, bars for a
// category, nothing for a listing or a single row. A second group (a room, a currency) splits the first
// value into one series per group; otherwise each value is a series. Rows are already aggregated.
import type { ReportChart, ReportRow } from '../types'
import type { CompiledColumn } from './compile'

const MAX_SERIES = 12

export function chartOf(columns: CompiledColumn[], rows: ReportRow[]): ReportChart {
  const groups = columns.filter((column) => column.group && column.key !== 'studioId')
  const values = columns.filter((column) => !column.group && (column.type === 'number' || column.type === 'money'))
  const [x, splitCandidate] = groups.filter((column) => column.key !== 'studio' || groups.length === 1)
  // A second group with one value (one currency, one room) splits nothing: each value is then a series.
  const split = splitCandidate && new Set(rows.map((row) => row[splitCandidate.key])).size > 1 ? splitCandidate : undefined
  if (!x || values.length === 0 || rows.length < 1) return { kind: 'none', series: [], x: null }
  const kind = x.bucket ? 'line' : 'bar'
  const point = (row: ReportRow, key: string) => ({ x: row[x.key] as number | string, y: typeof row[key] === 'number' ? (row[key] as number) : null })
  if (!split) {
    return { kind, series: values.map((value) => ({ data: rows.map((row) => point(row, value.key)), key: value.key, label: value.label })), x: x.key }
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
  const series = [...byGroup].map(([name, groupRows]) => ({ data: groupRows.map((row) => point(row, first.key)), key: `${first.key}:${name}`, label: `${first.label} · ${name}` }))
  return { kind, series, x: x.key }
}
