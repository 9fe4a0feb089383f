// The last step of the booking page: the booking as made, and what keeps it (a deposit to pay, or the
// confirmation link in the email) until its hold ends.
import type { RefObject } from 'react'

import type { Booked } from './bookingTypes'

import styles from './book.module.css'
import { dayLabel, formatMoney, holdDeadline, timeRange, wallDate } from './format'

type Props = { booked: Booked; email: string; headingRef: RefObject<HTMLHeadingElement | null>; onBookAnother: () => void; roomName: string; timezone: string }

export function BookedStep({ booked, email, headingRef, onBookAnother, roomName, timezone }: Props) {
  const deadline = booked.holdExpiresAt ? holdDeadline(booked.holdExpiresAt) : null
  return (
    <>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {booked.status === 'confirmed' ? 'Your booking is confirmed' : booked.awaitingCustomerConfirmation ? 'Please confirm your booking' : 'Thank you, your booking is received'}
      </h2>
      <div className={styles.card}>
        <dl className={styles.details}>
          <dt>Reference</dt>
          <dd>
            <span className={styles.ref} data-testid="booking-ref">
              {booked.ref}
            </span>
          </dd>
          <dt>Room</dt>
          <dd>{roomName}</dd>
          <dt>Date</dt>
          <dd>{dayLabel(wallDate(booked.start))}</dd>
          <dt>Time</dt>
          <dd>
            {timeRange(booked.start, booked.end)} <span className={styles.muted}>({timezone})</span>
          </dd>
          <dt>Price</dt>
          <dd>
            {formatMoney(booked.price, booked.currency)}
            {booked.display ? ` (≈ ${formatMoney(booked.display.amount, booked.display.currency)})` : ''}
          </dd>
          <dt>Deposit</dt>
          <dd>{booked.deposit > 0 ? formatMoney(booked.deposit, booked.currency) : 'None'}</dd>
          <dt>Status</dt>
          <dd>{booked.statusLabel}</dd>
        </dl>
      </div>
      {booked.awaitingCustomerConfirmation ? (
        <p data-testid="confirm-notice">
          We have sent an email to <strong>{email}</strong>. Please open its “Confirm my booking” link{deadline ? ` by ${deadline}` : ''}: until then this time is kept for
          you, then it is released. The email also holds your access code, to view or cancel this booking.
        </p>
      ) : (
        <p>
          We have sent a confirmation email to <strong>{email}</strong>. It contains your access code: keep it to view or cancel this booking. Quote the reference when
          you contact the studio.
          {booked.payable && deadline ? ` Pay the deposit from the link in it by ${deadline} to keep this time; otherwise it is released.` : ''}
        </p>
      )}
      <div className={styles.actions}>
        <button className={styles.secondary} onClick={onBookAnother} type="button">
          Book another time
        </button>
      </div>
    </>
  )
}
