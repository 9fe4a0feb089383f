// The booking itself: what, when, for whom, how much, its status and any refund.
import type { RefObject } from 'react'

import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import { formatMoney, fullDate, refundText, timeRange } from '../format'
import manage from './manage.module.css'
import { headline, refundNote } from './manageText'

// The badge's colour follows how the booking stands, as the server says.
const TONE = { ended: manage.ended, kept: manage.good, open: manage.waiting }

export function BookingDetails({ booking, headingRef }: { booking: Booking; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const currency = booking.currency ?? 'EUR'
  const refund = booking.status === 'cancelled' ? booking.refundQuote : null
  return (
    <>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {headline(booking)}
      </h2>
      <div className={styles.card}>
        <dl className={styles.details}>
          <dt>Reference</dt>
          <dd>
            <span className={styles.ref} data-testid="booking-ref">
              {booking.ref}
            </span>
          </dd>
          <dt>Status</dt>
          <dd>
            <span className={`${manage.badge} ${TONE[booking.phase] ?? manage.ended}`} data-status={booking.status} data-testid="booking-status">
              {booking.statusLabel}
            </span>
          </dd>
          {booking.room && (
            <>
              <dt>Room</dt>
              <dd>{booking.room.name}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>{fullDate(booking.start)}</dd>
          <dt>Time</dt>
          <dd>
            <span className={manage.nowrap}>{timeRange(booking.start, booking.end)}</span>
            {booking.timezone && <span className={styles.muted}> ({booking.timezone})</span>}
          </dd>
          {booking.customer && (
            <>
              <dt>Booked by</dt>
              <dd>
                {booking.customer.name}
                <br />
                <span className={styles.muted}>{booking.customer.email}</span>
              </dd>
            </>
          )}
          <dt>Price</dt>
          <dd>
            {booking.price === null ? '—' : formatMoney(booking.price, currency)}
            {booking.display ? ` (shown as ≈ ${formatMoney(booking.display.amount, booking.display.currency)} on ${booking.display.rateDate})` : ''}
          </dd>
          <dt>Deposit</dt>
          <dd>{(booking.deposit ?? 0) > 0 ? formatMoney(booking.deposit ?? 0, currency) : 'None'}</dd>
          {refund && typeof refund.refundAmount === 'number' && (
            <>
              <dt>Refund</dt>
              <dd data-testid="booking-refund">{refundText(refund.refundAmount, refund.refundPercent ?? 0, refund.currency ?? currency)}</dd>
            </>
          )}
        </dl>
      </div>
      {refund && typeof refund.refundAmount === 'number' && <p>{refundNote(refund, refund.currency ?? currency)}</p>}
    </>
  )
}
