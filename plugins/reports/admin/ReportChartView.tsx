'use client'
// The report's chart as the server suggests it: a line over time buckets, bars over categories, nothing for a
// listing. One line or bar per series; money on the axis in major units, in the tooltip with its currency.
import React from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { ReportAnswer } from '../types'
import type { GroupKey } from '../services/spec'
import type { ReportsText } from './reportsText'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { bucketOfColumn, chartCurrency, chartRows, formatLocalDate, formatMoney, seriesDataKey } from '../services/reportDisplay'

const COLOURS = ['var(--theme-success-500, #2f7d5b)', 'var(--theme-warning-500, #b5651d)', '#3b6fb6', '#8a4fb3', '#c0392b', '#16a085', '#7f8c8d', '#d4a017']

type Props = { answer: ReportAnswer; groupBy: GroupKey[] | undefined; language: string; text: ReportsText }

export function ReportChartView({ answer, groupBy, language, text }: Props) {
  const { chart, columns, rows } = answer
  if (chart.kind === 'none' || chart.series.length === 0) return null
  const data = chartRows(chart)
  const xColumn = columns.find((column) => column.key === chart.x)
  const bucket = xColumn ? bucketOfColumn(groupBy, xColumn.key) : null
  const xLabel = (value: unknown) => (xColumn?.type === 'date' && typeof value === 'string' ? formatLocalDate(value, bucket, language) : String(value ?? '—'))
  const currency = chartCurrency(chart, columns, rows)
  const compact = new Intl.NumberFormat(language, { notation: 'compact' })
  const yTick = (value: number) => compact.format(currency ? value / 10 ** currencyExponent(currency) : value)
  const tooltipValue = (value: unknown) =>
    typeof value === 'number' ? (currency ? formatMoney(value, currency, language) : new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value)) : '—'
  const axis = { fontSize: 11, stroke: 'var(--theme-elevation-600)' }
  const common = (
    <>
      <CartesianGrid stroke="var(--theme-elevation-100)" vertical={false} />
      <XAxis dataKey="x" tick={axis} tickFormatter={xLabel} />
      <YAxis tick={axis} tickFormatter={yTick} width={64} />
      <Tooltip formatter={tooltipValue} labelFormatter={xLabel} />
      <Legend />
    </>
  )
  return (
    <figure
      data-chart-kind={chart.kind}
      data-testid="report-chart"
      style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 'var(--style-radius-m, 4px)', margin: '0 0 var(--base)', padding: 'calc(var(--base) * 0.75)' }}
    >
      <figcaption style={{ fontWeight: 600, marginBottom: 'calc(var(--base) * 0.5)' }}>
        {text.chart}
        {currency ? ` (${currency})` : ''}
      </figcaption>
      <div style={{ height: 300, width: '100%' }}>
        <ResponsiveContainer>
          {chart.kind === 'line' ? (
            <LineChart data={data}>
              {common}
              {chart.series.map((series, index) => (
                <Line dataKey={seriesDataKey(index)} dot={data.length <= 24} isAnimationActive={false} key={series.key} name={series.label} stroke={COLOURS[index % COLOURS.length]} strokeWidth={2} type="linear" />
              ))}
            </LineChart>
          ) : (
            <BarChart data={data}>
              {common}
              {chart.series.map((series, index) => (
                <Bar dataKey={seriesDataKey(index)} fill={COLOURS[index % COLOURS.length]} isAnimationActive={false} key={series.key} name={series.label} />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
