'use client'
// One card per figure the caller may read, each linking to the filtered list behind it.
import React from 'react'

import type { DashboardAnswer, Money } from '../types'
import type { DashboardText } from './dashboardText'

import { formatMinorUnits } from '../services/moneyFormat'

type FigureKey = keyof DashboardAnswer['figures']

const ORDER: FigureKey[] = ['bookingsToday', 'bookingsThisWeek', 'pendingBookings', 'sessionsNow', 'revenueThisMonth', 'occupancyThisWeek', 'rooms', 'members']

const cardStyle: React.CSSProperties = {
  background: 'var(--theme-elevation-50)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m, 4px)',
  color: 'inherit',
  display: 'block',
  padding: 'calc(var(--base) * 0.75)',
  textDecoration: 'none',
}

function valueOf(key: FigureKey, answer: DashboardAnswer, language: string): null | string {
  const figure = answer.figures[key]
  if (figure === null || figure === undefined) return null
  const count = new Intl.NumberFormat(language)
  if (key === 'occupancyThisWeek') return new Intl.NumberFormat(language, { maximumFractionDigits: 0, style: 'percent' }).format(figure as number)
  if (key === 'revenueThisMonth') {
    const amounts = figure as Money[]
    if (amounts.length === 0) return formatMinorUnits(0, answer.tenant?.currency ?? 'EUR', language)
    return amounts.map(({ amount, currency }) => formatMinorUnits(amount, currency, language)).join(' · ')
  }
  if (key === 'members') return count.format((figure as { total: number }).total)
  return count.format(figure as number)
}

function membersDetail(answer: DashboardAnswer, language: string): null | string {
  const members = answer.figures.members
  if (!members) return null
  const count = new Intl.NumberFormat(language)
  return Object.entries(members.byRole)
    .filter(([, value]) => value > 0)
    .map(([role, value]) => `${role} ${count.format(value)}`)
    .join(', ')
}

export function FigureCards({ answer, language, text }: { answer: DashboardAnswer; language: string; text: DashboardText }) {
  const shown = ORDER.flatMap((key) => {
    const value = valueOf(key, answer, language)
    return value === null ? [] : [{ key, value }]
  })
  return (
    <ul style={{ display: 'grid', gap: 'calc(var(--base) * 0.75)', gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))', listStyle: 'none', margin: 'var(--base) 0', padding: 0 }}>
      {shown.map(({ key, value }) => {
        const body = (
          <>
            <span style={{ color: 'var(--theme-elevation-650)', display: 'block', fontSize: '0.85rem' }}>{text[key]}</span>
            <strong data-figure={key} style={{ display: 'block', fontSize: '1.6rem', lineHeight: 1.3 }}>
              {value}
            </strong>
            {key === 'members' ? <span style={{ color: 'var(--theme-elevation-650)', fontSize: '0.8rem' }}>{membersDetail(answer, language)}</span> : null}
          </>
        )
        const link = answer.links[key]
        return (
          <li key={key}>
            {link ? (
              <a href={link} style={cardStyle}>
                {body}
              </a>
            ) : (
              <div style={cardStyle}>{body}</div>
            )}
          </li>
        )
      })}
    </ul>
  )
}
