'use client'
// The bookings of the address a lookup link was mailed to, across studios, each linking to its page with the
// link's token, which proves the mailbox there: it can confirm and cancel.
import React, { useEffect, useState } from 'react'

import { callApi, type PublicBooking } from '../[tenant]/book/api'
import styles from '../[tenant]/book/book.module.css'
import { wallDate, wallTime } from '../[tenant]/book/format'
import { useFormat, useRich, useT } from '../[tenant]/book/messages'

type Listed = PublicBooking & { currency: string; price: number; room: string; studio: { name: string; slug: string } }
/** A failure is kept as its message's key, so it reads in the page's language whenever that changes. */
type State = { bookings: Listed[]; email: string; kind: 'ready' } | { kind: 'error'; messageKey: string } | { kind: 'loading' }

export function MyBookings({ token }: { token: string }) {
  const t = useT()
  const rich = useRich()
  const { money } = useFormat()
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'error', messageKey: 'lookup.incomplete' })

  useEffect(() => {
    if (!token) return
    const controller = new AbortController()
    void callApi<{ bookings: Listed[]; email: string }>(`/api/public/bookings?${new URLSearchParams({ token })}`, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return
      if (result.ok) setState({ bookings: result.data.bookings, email: result.data.email, kind: 'ready' })
      else setState({ kind: 'error', messageKey: result.status === 404 ? 'lookup.invalid' : 'lookup.failed' })
    })
    return () => controller.abort()
  }, [token])

  return (
    <main className={styles.page} style={{ maxWidth: '40rem', padding: '1.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.6rem', margin: '0 0 1rem' }}>{t('lookup.title')}</h1>
      {state.kind === 'loading' && <p role="status">{t('lookup.loading')}</p>}
      {state.kind === 'error' && <p role="alert">{t(state.messageKey)}</p>}
      {state.kind === 'ready' && (
        <>
          <p>{rich('lookup.intro', { email: <strong>{state.email}</strong> })}</p>
          {state.bookings.length === 0 ? (
            <p>{t('lookup.none')}</p>
          ) : (
            <ul style={{ display: 'grid', gap: '0.75rem', listStyle: 'none', padding: 0 }}>
              {state.bookings.map((booking) => (
                <li className={styles.card} key={booking.ref} style={{ margin: 0, padding: '0.75rem 1rem' }}>
                  <a href={`/${booking.studio.slug}/book/${booking.ref}?${new URLSearchParams({ lookup: token })}`} style={{ fontWeight: 600 }}>
                    {booking.ref}
                  </a>{' '}
                  · {booking.studio.name}, {booking.room}
                  <br />
                  {wallDate(booking.start)} {wallTime(booking.start)}–{wallTime(booking.end)} · {money(booking.price, booking.currency)} · {booking.statusLabel}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  )
}
