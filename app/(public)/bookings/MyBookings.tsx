'use client'
// The bookings of the address a lookup link was mailed to, across studios, each linking to its page with the
// link's token, which proves the mailbox there: it can confirm and cancel.
import React, { useEffect, useState } from 'react'

import { callApi, type PublicBooking } from '../[tenant]/book/api'
import styles from '../[tenant]/book/book.module.css'
import { formatMoney, wallDate, wallTime } from '../[tenant]/book/format'

type Listed = PublicBooking & { currency: string; price: number; room: string; studio: { name: string; slug: string } }
type State = { bookings: Listed[]; email: string; kind: 'ready' } | { kind: 'error'; message: string } | { kind: 'loading' }

const FAILED = 'Your bookings could not be loaded. Please try again.'

export function MyBookings({ token }: { token: string }) {
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'error', message: 'This link is incomplete. Ask for a new one from the booking page.' })

  useEffect(() => {
    if (!token) return
    const controller = new AbortController()
    void callApi<{ bookings: Listed[]; email: string }>(`/api/public/bookings?${new URLSearchParams({ token })}`, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return
      if (result.ok) setState({ bookings: result.data.bookings, email: result.data.email, kind: 'ready' })
      else setState({ kind: 'error', message: result.status === 404 ? 'This link is invalid or has expired (links work for one hour).' : FAILED })
    })
    return () => controller.abort()
  }, [token])

  return (
    <main className={styles.page} style={{ maxWidth: '40rem', padding: '1.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.6rem', margin: '0 0 1rem' }}>Your bookings</h1>
      {state.kind === 'loading' && <p role="status">Loading…</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
      {state.kind === 'ready' && (
        <>
          <p>
            Bookings made with <strong>{state.email}</strong>:
          </p>
          {state.bookings.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul style={{ display: 'grid', gap: '0.75rem', listStyle: 'none', padding: 0 }}>
              {state.bookings.map((booking) => (
                <li className={styles.card} key={booking.ref} style={{ margin: 0, padding: '0.75rem 1rem' }}>
                  <a href={`/${booking.studio.slug}/book/${booking.ref}?${new URLSearchParams({ lookup: token })}`} style={{ fontWeight: 600 }}>
                    {booking.ref}
                  </a>{' '}
                  · {booking.studio.name}, {booking.room}
                  <br />
                  {wallDate(booking.start)} {wallTime(booking.start)}–{wallTime(booking.end)} · {formatMoney(booking.price, booking.currency)} ·{' '}
                  {booking.statusLabel}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  )
}
