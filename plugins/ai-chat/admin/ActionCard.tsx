'use client'
// An action the assistant proposed (confirm or cancel a booking): the booking as the server read it, and a
// button. Only the press runs it, through the normal staff endpoint and its own checks; the outcome shows here.
import React from 'react'

import type { ProposedAction } from './assistantApi'
import type { AssistantText } from './assistantText'
import type { ActionOutcome } from './chatTranscript'

import { cardStyle, errorStyle, hintStyle, PRIMARY_BUTTON, SMALL_BUTTON_STYLE, successStyle } from './styles'

/** "12 Mar 2027, 14:00 – 16:00" in the studio's zone, whatever the browser's. */
function timeRange(start: string, end: string, language: string, timeZone: string): string {
  try {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone })
    return `${day.format(new Date(start))} – ${time.format(new Date(end))}`
  } catch {
    return `${start} – ${end}`
  }
}

type Props = { action: ProposedAction; language: string; onRun: (action: ProposedAction) => void; outcome: ActionOutcome | undefined; text: AssistantText; timeZone: string }

export function ActionCard({ action, language, onRun, outcome, text, timeZone }: Props) {
  const { booking } = action
  const titleId = `assistant-action-${action.id}`
  const running = outcome?.status === 'running'
  return (
    <section aria-labelledby={titleId} data-kind={action.kind} data-testid="assistant-action" style={cardStyle}>
      <p id={titleId} style={{ fontWeight: 600, margin: '0 0 4px' }}>
        {action.label}
      </p>
      <p style={{ margin: 0 }}>{[booking.ref, booking.customerName].filter(Boolean).join(' · ')}</p>
      <p style={{ margin: 0 }}>{[booking.room, timeRange(booking.start, booking.end, language, timeZone)].filter(Boolean).join(' · ')}</p>
      <p style={hintStyle}>{booking.status}</p>
      <button
        aria-busy={running}
        className={PRIMARY_BUTTON}
        disabled={running || outcome?.status === 'done'}
        onClick={() => onRun(action)}
        style={SMALL_BUTTON_STYLE}
        type="button"
      >
        {running ? text.actionRunning : action.label}
      </button>
      <p data-testid="assistant-action-outcome" role="status" style={outcome?.status === 'failed' ? errorStyle : successStyle}>
        {outcome && outcome.status !== 'running' ? outcome.message : ''}
      </p>
    </section>
  )
}
