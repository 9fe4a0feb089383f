// The booking itself: what, when, for whom, how much, its status and any refund.
import type { RefObject } from 'react'

import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import { useFormat, useT } from '../messages'
import manage from './manage.module.css'
import { headline, refundNote } from './manageText'

// The badge's colour follows how the booking stands, as the server says.
const TONE = { ended: manage.ended, kept: manage.good, open: manage.waiting }

export function BookingDetails({ booking, headingRef }: { booking: Booking; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const t = useT()
  const f = useFormat()
  const { fullDate, money: formatMoney, refundText, timeRange } = f
  const currency = booking.currency ?? 'EUR'
  const refund = booking.status === 'cancelled' ? booking.refundQuote : null
  return (
    <>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {headline(booking, t)}
      </h2>
      <div className={styles.card}>
        <dl className={styles.details}>
          <dt>{t('booking.label.reference')}</dt>
          <dd>
            <span className={styles.ref} data-testid="booking-ref">
              {booking.ref}
            </span>
          </dd>
          <dt>{t('booking.label.status')}</dt>
          <dd>
            <span className={`${manage.badge} ${TONE[booking.phase] ?? manage.ended}`} data-status={booking.status} data-testid="booking-status">
              {booking.statusLabel}
            </span>
          </dd>
          {booking.room && (
            <>
              <dt>{t('booking.label.room')}</dt>
              <dd>{booking.room.name}</dd>
            </>
          )}
          <dt>{t('booking.label.date')}</dt>
          <dd>{fullDate(booking.start)}</dd>
          <dt>{t('booking.label.time')}</dt>
          <dd>
            <span className={manage.nowrap}>{timeRange(booking.start, booking.end)}</span>
            {booking.timezone && <span className={styles.muted}> ({booking.timezone})</span>}
          </dd>
          {booking.customer && (
            <>
              <dt>{t('manage.label.bookedBy')}</dt>
              <dd>
                {booking.customer.name}
                <br />
                <span className={styles.muted}>{booking.customer.email}</span>
              </dd>
            </>
          )}
          <dt>{t('booking.label.price')}</dt>
          <dd>
            {booking.price === null ? '—' : formatMoney(booking.price, currency)}
            {booking.display
              ? ` (${t('manage.price.shownAs', { amount: formatMoney(booking.display.amount, booking.display.currency), date: f.longDate(booking.display.rateDate) })})`
              : ''}
          </dd>
          <dt>{t('booking.label.deposit')}</dt>
          <dd>{(booking.deposit ?? 0) > 0 ? formatMoney(booking.deposit ?? 0, currency) : t('booking.label.none')}</dd>
          {refund && typeof refund.refundAmount === 'number' && (
            <>
              <dt>{t('manage.label.refund')}</dt>
              <dd data-testid="booking-refund">{refundText(refund.refundAmount, refund.refundPercent ?? 0, refund.currency ?? currency)}</dd>
            </>
          )}
        </dl>
      </div>
      {refund && typeof refund.refundAmount === 'number' && <p>{refundNote(refund, refund.currency ?? currency, t, f)}</p>}
    </>
  )
}
