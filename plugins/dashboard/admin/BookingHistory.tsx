'use client'
// A booking's status changes, oldest first, with when (in the studio's zone) and who.
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import type { StatusChange } from '../services/bookingActions'
import type { BookingActionsText } from './bookingActionsText'

import { zonedTimeLabel } from '../services/zonedTimeLabel'
import { optionLabel } from './StatusPill'

type Props = { field: unknown; history: StatusChange[]; text: BookingActionsText; timezone: string }

export function BookingHistory({ field, history, text, timezone }: Props) {
  const { i18n } = useTranslation()
  if (history.length === 0) return null
  const label = (status: string) => optionLabel(field, status, i18n)
  return (
    <section aria-label={text.history} data-testid="booking-history" style={{ marginTop: 'var(--base)' }}>
      <div className="field-label">{text.history}</div>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {history.map((change) => (
          <li key={`${change.at}-${change.to}`} style={{ borderTop: '1px solid var(--theme-elevation-100)', padding: '4px 0' }}>
            <div>{change.from ? `${label(change.from)} → ${label(change.to)}` : `${text.created}: ${label(change.to)}`}</div>
            <small>
              {zonedTimeLabel(change.at, timezone, i18n.language)} · {change.email ? `${text.by} ${change.email}` : text.authors[change.by]}
            </small>
          </li>
        ))}
      </ol>
    </section>
  )
}
