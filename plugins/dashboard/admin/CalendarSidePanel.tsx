'use client'
// Beside the calendar: the clicked booking (confirm, cancel after a second click, open it) or session, or
// a form for a staff booking over the selected free range. The server decides: its 4xx message shows here.
import { DateTime } from 'luxon'
import React, { useState } from 'react'

import type { CalendarAnswer } from '../services/calendarEvents'

import { type CalendarText } from './calendarText'

export type Selection = { end: Date; kind: 'new'; room: number; start: Date } | { id: number; kind: 'booking' | 'session' } | null

type Props = { answer: CalendarAnswer; api: string; onChanged: () => void; onClose: () => void; selection: Selection; text: CalendarText; zone: string }

const panelStyle: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m, 4px)',
  flex: '0 0 18rem',
  padding: 'var(--base)',
}

async function send(url: string, body?: unknown): Promise<null | string> {
  const response = await fetch(url, {
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'include',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  if (response.ok) return null
  const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
  return answer.errors?.map((error) => error.message).join(' ') || `HTTP ${response.status}`
}

export function CalendarSidePanel({ answer, api, onChanged, onClose, selection, text, zone }: Props) {
  const [error, setError] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const [cancelAsked, setCancelAsked] = useState(false)
  if (!selection) return null
  const span = (start: Date | string, end: Date | string) =>
    `${DateTime.fromJSDate(new Date(start)).setZone(zone).toFormat('ccc d LLL, HH:mm')}–${DateTime.fromJSDate(new Date(end)).setZone(zone).toFormat('HH:mm ZZZZ')}`
  const roomName = (id: number) => answer.rooms.find((room) => room.id === id)?.name ?? `#${id}`
  const act = async (work: () => Promise<null | string>) => {
    setBusy(true)
    setError(null)
    const problem = await work()
    setBusy(false)
    if (problem) setError(problem)
    else {
      setCancelAsked(false)
      onChanged()
    }
  }
  const close = (
    <button onClick={onClose} style={{ float: 'right' }} type="button">
      {text.close}
    </button>
  )
  const alert = error ? (
    <p data-testid="calendar-error" role="alert" style={{ color: 'var(--theme-error-600, #b00020)' }}>
      {error}
    </p>
  ) : null

  if (selection.kind === 'new') {
    return (
      <aside aria-label={text.newBooking} style={panelStyle}>
        {close}
        <h2 style={{ fontSize: '1.1rem' }}>{text.newBooking}</h2>
        <p>
          {roomName(selection.room)}, {span(selection.start, selection.end)}
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            const form = new FormData(event.currentTarget)
            void act(() =>
              send(`${api}/bookings`, {
                customer: { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') },
                end: selection.end.toISOString(),
                room: selection.room,
                start: selection.start.toISOString(),
                tenant: answer.tenant.id,
              }),
            )
          }}
        >
          <label style={{ display: 'block' }}>
            {text.customerName}
            <input autoComplete="off" name="name" required style={{ display: 'block', width: '100%' }} />
          </label>
          <label style={{ display: 'block', marginTop: 8 }}>
            {text.customerEmail}
            <input autoComplete="off" name="email" required style={{ display: 'block', width: '100%' }} type="email" />
          </label>
          {alert}
          <button disabled={busy} style={{ marginTop: 12 }} type="submit">
            {text.book}
          </button>
        </form>
      </aside>
    )
  }

  if (selection.kind === 'session') {
    const session = answer.sessions.find((entry) => entry.id === selection.id)
    if (!session) return null
    return (
      <aside aria-label={text.session} style={panelStyle}>
        {close}
        <h2 style={{ fontSize: '1.1rem' }}>{text.session}</h2>
        <p>
          {roomName(session.room)}, {span(session.start, session.end)}
        </p>
        <a href={`/admin/collections/sessions/${session.id}`}>{text.open}</a>
      </aside>
    )
  }

  const booking = answer.bookings.find((entry) => entry.id === selection.id)
  if (!booking) return null
  const confirmable = answer.can.confirm && (booking.status === 'pending' || booking.status === 'awaiting_payment')
  const cancellable = answer.can.cancel && booking.status !== 'completed'
  return (
    <aside aria-label={booking.ref ?? ''} data-testid="calendar-booking" style={panelStyle}>
      {close}
      <h2 style={{ fontSize: '1.1rem' }}>{booking.ref}</h2>
      <p>
        {booking.customer ? `${booking.customer}, ` : ''}
        {roomName(booking.room)}, {span(booking.start, booking.end)}
      </p>
      <p data-testid="calendar-booking-status">{booking.status.replace('_', ' ')}</p>
      {alert}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {confirmable ? (
          <button disabled={busy} onClick={() => void act(() => send(`${api}/bookings/${booking.id}/confirm`))} type="button">
            {text.confirm}
          </button>
        ) : null}
        {cancellable && !cancelAsked ? (
          <button disabled={busy} onClick={() => setCancelAsked(true)} type="button">
            {text.cancel}
          </button>
        ) : null}
        {cancellable && cancelAsked ? (
          <>
            <button disabled={busy} onClick={() => void act(() => send(`${api}/bookings/${booking.id}/cancel`))} type="button">
              {text.cancelSure}
            </button>
            <button onClick={() => setCancelAsked(false)} type="button">
              {text.keep}
            </button>
          </>
        ) : null}
        <a href={`/admin/collections/bookings/${booking.id}`}>{text.open}</a>
      </div>
    </aside>
  )
}
