'use client'
// The three charts: bookings per day (30 days), revenue per month (12 months, the studio's currency), and
// this week's occupancy by room. Each chart the caller may not read is left out.
import React from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { DashboardAnswer } from '../types'
import type { DashboardText } from './dashboardText'

import { formatMinorUnits, toMajorUnits } from '../services/moneyFormat'

const ACCENT = 'var(--theme-success-500, #2f7d5b)'
const SECOND = 'var(--theme-warning-500, #b5651d)'
const THIRD = 'var(--theme-elevation-800, #333)'

// Chart dates are calendar days and months of the studio: read and written as UTC so no zone shifts them.
const dayLabel = (date: string, language: string) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
const monthLabel = (month: string, language: string) => new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC', year: '2-digit' }).format(new Date(`${month}-01T00:00:00Z`))

function ChartCard({ children, title }: { children: React.ReactNode; title: string }) {
  return (
    <figure style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 'var(--style-radius-m, 4px)', margin: 0, padding: 'calc(var(--base) * 0.75)' }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 'calc(var(--base) * 0.5)' }}>{title}</figcaption>
      <div style={{ height: 220, width: '100%' }}>{children}</div>
    </figure>
  )
}

export function DashboardCharts({ answer, language, text }: { answer: DashboardAnswer; language: string; text: DashboardText }) {
  const { bookingsPerDay, occupancyByRoom, revenuePerMonth } = answer.charts
  const currency = answer.tenant?.currency ?? revenuePerMonth?.flatMap((month) => month.amounts)[0]?.currency ?? 'EUR'
  const revenue = revenuePerMonth?.map(({ amounts, month }) => ({
    amount: amounts.find((entry) => entry.currency === currency)?.amount ?? 0,
    label: monthLabel(month, language),
  }))
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 0, style: 'percent' })
  const compact = new Intl.NumberFormat(language, { notation: 'compact' })
  const axis = { fontSize: 11, stroke: 'var(--theme-elevation-600)' }
  return (
    <div style={{ display: 'grid', gap: 'calc(var(--base) * 0.75)', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))' }}>
      {bookingsPerDay ? (
        <ChartCard title={text.bookingsPerDay}>
          <ResponsiveContainer>
            <BarChart data={bookingsPerDay.map(({ count, date }) => ({ count, label: dayLabel(date, language) }))}>
              <CartesianGrid stroke="var(--theme-elevation-100)" vertical={false} />
              <XAxis dataKey="label" interval={4} tick={axis} />
              <YAxis allowDecimals={false} tick={axis} width={32} />
              <Tooltip />
              <Bar dataKey="count" fill={ACCENT} name={text.bookingsPerDay} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      ) : null}
      {revenue ? (
        <ChartCard title={`${text.revenuePerMonth} (${currency})`}>
          <ResponsiveContainer>
            <BarChart data={revenue}>
              <CartesianGrid stroke="var(--theme-elevation-100)" vertical={false} />
              <XAxis dataKey="label" tick={axis} />
              <YAxis tick={axis} tickFormatter={(value: number) => compact.format(toMajorUnits(value, currency))} width={56} />
              <Tooltip formatter={(value) => formatMinorUnits(Number(value), currency, language)} />
              <Bar dataKey="amount" fill={SECOND} name={text.revenueThisMonth} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      ) : null}
      {occupancyByRoom ? (
        <ChartCard title={text.occupancyByRoom}>
          {occupancyByRoom.length === 0 ? (
            <p>{text.noData}</p>
          ) : (
            <ResponsiveContainer>
              <BarChart data={occupancyByRoom.map(({ ratio, room }) => ({ name: room.name, ratio }))} layout="vertical">
                <CartesianGrid horizontal={false} stroke="var(--theme-elevation-100)" />
                <XAxis domain={[0, 1]} tick={axis} tickFormatter={(value: number) => percent.format(value)} type="number" />
                <YAxis dataKey="name" tick={axis} type="category" width={96} />
                <Tooltip formatter={(value) => percent.format(Number(value))} />
                <Bar dataKey="ratio" fill={THIRD} name={text.occupancyThisWeek} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      ) : null}
    </div>
  )
}
