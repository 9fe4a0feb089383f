// The last step of the booking page: the booking as made, and what keeps it (a deposit to pay, or the
// confirmation link in the email) until its hold ends.
import type { RefObject } from 'react'

import type { Booked } from './bookingTypes'

import styles from './book.module.css'
import { wallDate } from './format'
import { useFormat, useRich, useT } from './messages'

type Props = { booked: Booked; email: string; headingRef: RefObject<HTMLHeadingElement | null>; onBookAnother: () => void; roomName: string; timezone: string }

export function BookedStep({ booked, email, headingRef, onBookAnother, roomName, timezone }: Props) {
  const t = useT()
  const rich = useRich()
  const { dayLabel, holdDeadline, money: formatMoney, timeRange } = useFormat()
  const deadline = booked.holdExpiresAt ? holdDeadline(booked.holdExpiresAt) : null
  const to = <strong>{email}</strong>
  return (
    <>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {t(booked.status === 'confirmed' ? 'booking.done.confirmed' : booked.awaitingCustomerConfirmation ? 'booking.done.confirmNeeded' : 'booking.done.received')}
      </h2>
      <div className={styles.card}>
        <dl className={styles.details}>
          <dt>{t('booking.label.reference')}</dt>
          <dd>
            <span className={styles.ref} data-testid="booking-ref">
              {booked.ref}
            </span>
          </dd>
          <dt>{t('booking.label.room')}</dt>
          <dd>{roomName}</dd>
          <dt>{t('booking.label.date')}</dt>
          <dd>{dayLabel(wallDate(booked.start))}</dd>
          <dt>{t('booking.label.time')}</dt>
          <dd>
            {timeRange(booked.start, booked.end)} <span className={styles.muted}>({timezone})</span>
          </dd>
          <dt>{t('booking.label.price')}</dt>
          <dd>
            {formatMoney(booked.price, booked.currency)}
            {booked.display ? ` (≈ ${formatMoney(booked.display.amount, booked.display.currency)})` : ''}
          </dd>
          <dt>{t('booking.label.deposit')}</dt>
          <dd>{booked.deposit > 0 ? formatMoney(booked.deposit, booked.currency) : t('booking.label.none')}</dd>
          <dt>{t('booking.label.status')}</dt>
          <dd>{booked.statusLabel}</dd>
        </dl>
      </div>
      {booked.awaitingCustomerConfirmation ? (
        <p data-testid="confirm-notice">
          {deadline ? rich('booking.done.confirmNoticeBy', { deadline, email: to }) : rich('booking.done.confirmNotice', { email: to })}
        </p>
      ) : (
        <p>
          {rich('booking.done.sentNotice', { email: to })}
          {booked.payable && deadline ? ` ${t('booking.done.payBy', { deadline })}` : ''}
        </p>
      )}
      <div className={styles.actions}>
        <button className={styles.secondary} onClick={onBookAnother} type="button">
          {t('booking.done.bookAnother')}
        </button>
      </div>
    </>
  )
}
