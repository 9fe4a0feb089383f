// Cancelling: the refund quoted first, then a confirmation step (Escape keeps the booking). Opened with the
// email alone, the page cannot cancel: it offers the emailed link instead.
import type { KeyboardEvent, RefObject } from 'react'

import type { Booking, CancelFlow, LinkRequest } from './manageTypes'

import styles from '../book.module.css'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'
import { refundText } from '../format'
import { quoteExplanation } from './manageText'

type Props = {
  alert: null | string
  booking: Booking
  buttonRef: RefObject<HTMLButtonElement | null>
  cancel: CancelFlow
  confirmHeadingRef: RefObject<HTMLHeadingElement | null>
  idPrefix: string
  linkRequest: LinkRequest
  onConfirm: () => void
  onKeep: () => void
  onRequestLink: () => void
  onStart: () => void
}

export function CancelSection({ alert, booking, buttonRef, cancel, confirmHeadingRef, idPrefix, linkRequest, onConfirm, onKeep, onRequestLink, onStart }: Props) {
  const headingId = `${idPrefix}-cancel`
  const confirmHeadingId = `${idPrefix}-confirm`
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onKeep()
    }
  }

  if (booking.cancellation === 'link_required') {
    return (
      <section aria-labelledby={headingId} className={manage.section}>
        <h2 className={manage.sectionHeading} id={headingId}>
          Cancellation
        </h2>
        <p data-testid="cancel-needs-link">
          To cancel, open the link in your booking email. Found this booking with your email address? We can email you a link to your bookings.
        </p>
        {linkRequest === 'sent' ? (
          <p className={styles.status} role="status">
            If this address has bookings, a link to them is on its way{booking.customer ? ` to ${booking.customer.email}` : ''}. It works for one hour.
          </p>
        ) : (
          <>
            <AlertBox message={linkRequest === 'failed' ? 'The link could not be sent. Please try again in a moment.' : null} />
            <button aria-disabled={linkRequest === 'sending'} className={styles.secondary} onClick={onRequestLink} type="button">
              {linkRequest === 'sending' ? 'Sending…' : 'Email me a link'}
            </button>
          </>
        )}
      </section>
    )
  }

  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        Cancellation
      </h2>
      {cancel.step === 'idle' || cancel.step === 'quoting' ? (
        <>
          <p className={styles.muted}>Any refund depends on how long before the start you cancel. You will see it before you confirm.</p>
          <AlertBox message={alert} />
          <button aria-disabled={cancel.step === 'quoting'} className={manage.dangerOutline} onClick={onStart} ref={buttonRef} type="button">
            {cancel.step === 'quoting' ? 'Checking your refund…' : 'Cancel this booking'}
          </button>
        </>
      ) : (
        <div aria-labelledby={confirmHeadingId} className={manage.confirm} onKeyDown={onKeyDown} role="group">
          <h3 className={manage.confirmHeading} id={confirmHeadingId} ref={confirmHeadingRef} tabIndex={-1}>
            Cancel this booking?
          </h3>
          <p data-testid="refund-quote">
            You will be refunded <strong>{refundText(cancel.quote.refundAmount, cancel.quote.refundPercent, cancel.quote.currency)}</strong>.
          </p>
          <p className={styles.muted}>{quoteExplanation(cancel.quote)}</p>
          <AlertBox message={alert} />
          <div className={manage.choices}>
            <button aria-disabled={cancel.step === 'cancelling'} className={manage.danger} onClick={onConfirm} type="button">
              {cancel.step === 'cancelling' ? 'Cancelling…' : 'Yes, cancel'}
            </button>
            <button aria-disabled={cancel.step === 'cancelling'} className={styles.secondary} onClick={onKeep} type="button">
              Keep my booking
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
