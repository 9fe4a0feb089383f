// The chart shape of an answer: a line over time buckets with its empty buckets filled (0 for a count or a
// sum, a gap for an average), bars over a category, one series per value or per second group.
import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'

import type { CompiledColumn } from '../../plugins/reports/services/compile'

import { chartOf } from '../../plugins/reports/services/chart'

const column = (key: string, extra: Partial<CompiledColumn>): CompiledColumn => ({ expression: sql`1`, group: false, key, label: key, type: 'number', ...extra })
const month = column('startMonth', { bucket: 'month', group: true, type: 'date' })
const week = column('startWeek', { bucket: 'week', group: true, type: 'date' })
const room = column('room', { group: true, type: 'string' })
const count = column('count', { aggregate: 'count' })
const average = column('avgHours', { aggregate: 'avg' })

describe('reports: the chart shape', () => {
  it('fills a line’s empty months: 0 for a count, a gap for an average', () => {
    const chart = chartOf([month, count, average], [
      { avgHours: 2, count: 3, startMonth: '2026-10-01' },
      { avgHours: 1, count: 1, startMonth: '2027-01-01' },
    ])
    expect(chart.kind).toBe('line')
    expect(chart.series[0]!.data).toEqual([
      { x: '2026-10-01', y: 3 },
      { x: '2026-11-01', y: 0 },
      { x: '2026-12-01', y: 0 },
      { x: '2027-01-01', y: 1 },
    ])
    expect(chart.series[1]!.data.map((point) => point.y)).toEqual([2, null, null, 1])
  })

  it('steps weeks by seven days across a month end', () => {
    const chart = chartOf([week, count], [{ count: 1, startWeek: '2026-03-23' }, { count: 2, startWeek: '2026-04-06' }])
    expect(chart.series[0]!.data.map((point) => point.x)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06'])
  })

  it('splits by a second group only when it has several values', () => {
    const two = chartOf([month, room, count], [
      { count: 1, room: 'A', startMonth: '2026-01-01' },
      { count: 2, room: 'B', startMonth: '2026-01-01' },
      { count: 4, room: 'A', startMonth: '2026-03-01' },
    ])
    expect(two.series.map((series) => series.key)).toEqual(['count:A', 'count:B'])
    expect(two.series[0]!.data).toEqual([{ x: '2026-01-01', y: 1 }, { x: '2026-02-01', y: 0 }, { x: '2026-03-01', y: 4 }])
    const one = chartOf([month, room, count, average], [{ avgHours: 1, count: 1, room: 'A', startMonth: '2026-01-01' }])
    expect(one.series.map((series) => series.key)).toEqual(['count', 'avgHours'])
  })

  it('draws bars over a category and nothing for a listing', () => {
    expect(chartOf([room, count], [{ count: 1, room: 'A' }])).toMatchObject({ kind: 'bar', x: 'room' })
    expect(chartOf([column('ref', { type: 'string' })], [{ ref: 'X' }])).toEqual({ kind: 'none', series: [], x: null })
  })

  it('leaves an absurd span of days as it is rather than drawing millions of points', () => {
    const chart = chartOf([column('startDay', { bucket: 'day', group: true, type: 'date' }), count], [{ count: 1, startDay: '1900-01-01' }, { count: 1, startDay: '2026-01-01' }])
    expect(chart.series[0]!.data).toHaveLength(2)
  })
})
