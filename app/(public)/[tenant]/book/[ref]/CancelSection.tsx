// Cancelling: the refund quoted first, then a confirmation step (Escape keeps the booking). Opened with the
// email alone, the page cannot cancel: it offers the emailed link instead.
import type { KeyboardEvent, RefObject } from 'react'

import type { Booking, CancelFlow, LinkRequest } from './manageTypes'

import styles from '../book.module.css'
import { useFormat, useRich, useT } from '../messages'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'
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
  const t = useT()
  const rich = useRich()
  const f = useFormat()
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
          {t('manage.cancel.heading')}
        </h2>
        <p data-testid="cancel-needs-link">{t('manage.cancel.needsLink')}</p>
        {linkRequest === 'sent' ? (
          <p className={styles.status} role="status">
            {booking.customer ? t('manage.cancel.linkSentTo', { email: booking.customer.email }) : t('manage.cancel.linkSent')}
          </p>
        ) : (
          <>
            <AlertBox message={linkRequest === 'failed' ? t('manage.cancel.linkFailed') : null} />
            <button aria-disabled={linkRequest === 'sending'} className={styles.secondary} onClick={onRequestLink} type="button">
              {linkRequest === 'sending' ? t('manage.cancel.sending') : t('manage.cancel.emailLink')}
            </button>
          </>
        )}
      </section>
    )
  }

  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        {t('manage.cancel.heading')}
      </h2>
      {cancel.step === 'idle' || cancel.step === 'quoting' ? (
        <>
          <p className={styles.muted}>{t('manage.cancel.refundDepends')}</p>
          <AlertBox message={alert} />
          <button aria-disabled={cancel.step === 'quoting'} className={manage.dangerOutline} onClick={onStart} ref={buttonRef} type="button">
            {cancel.step === 'quoting' ? t('manage.cancel.checking') : t('manage.cancel.button')}
          </button>
        </>
      ) : (
        <div aria-labelledby={confirmHeadingId} className={manage.confirm} onKeyDown={onKeyDown} role="group">
          <h3 className={manage.confirmHeading} id={confirmHeadingId} ref={confirmHeadingRef} tabIndex={-1}>
            {t('manage.cancel.confirmHeading')}
          </h3>
          <p data-testid="refund-quote">
            {rich('manage.cancel.refundQuote', { amount: <strong>{f.refundText(cancel.quote.refundAmount, cancel.quote.refundPercent, cancel.quote.currency)}</strong> })}
          </p>
          <p className={styles.muted}>{quoteExplanation(cancel.quote, t, f)}</p>
          <AlertBox message={alert} />
          <div className={manage.choices}>
            <button aria-disabled={cancel.step === 'cancelling'} className={manage.danger} onClick={onConfirm} type="button">
              {cancel.step === 'cancelling' ? t('manage.cancel.cancelling') : t('manage.cancel.yes')}
            </button>
            <button aria-disabled={cancel.step === 'cancelling'} className={styles.secondary} onClick={onKeep} type="button">
              {t('manage.cancel.keep')}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
