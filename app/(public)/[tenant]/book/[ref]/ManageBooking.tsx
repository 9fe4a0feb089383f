'use client'

// The customer's own booking: shown with the access code from the link (or typed in), a lookup link from
// "find my bookings", or the booking email; with the deposit to pay, the confirmation a booking with no
// deposit needs, and the cancellation (refund quoted first). Only the public REST API, same origin; the
// proof lives in this page's state and nowhere else.
import { type ReactNode, useId } from 'react'

import styles from '../book.module.css'
import { LanguageMenu, type LanguageOption } from '../LanguageMenu'
import { useRich, useT } from '../messages'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'
import { BookingDetails } from './BookingDetails'
import { CancelSection } from './CancelSection'
import { ConfirmSection } from './ConfirmSection'
import { DepositSection } from './DepositSection'
import { PaymentBanner } from './PaymentBanner'
import { ProofForm } from './ProofForm'
import { type ManageBookingLinks, useManageBooking } from './useManageBooking'

export type { PaymentReturn } from './manageTypes'

export function ManageBooking({ languages, ...links }: ManageBookingLinks & { languages: LanguageOption[] }) {
  const { bookingRef, paymentReturn } = links
  const t = useT()
  const rich = useRich()
  const state = useManageBooking(links)
  const { booking } = state
  const idPrefix = useId()

  const page = (children: ReactNode) => (
    <main className={`${styles.page} ${manage.root}`}>
      <header className={styles.header}>
        <p className={`${styles.eyebrow} ${manage.eyebrow}`}>{state.studioName}</p>
        <h1 className={styles.title}>{t('manage.title')}</h1>
        <LanguageMenu languages={languages} />
      </header>
      <PaymentBanner booking={booking} onRefresh={() => void state.refresh('refresh')} paymentReturn={paymentReturn} refreshing={state.refreshing} refreshNote={state.refreshNote} />
      {children}
    </main>
  )

  if (state.screen === 'invalidRef') {
    return page(
      <>
        <h2 className={styles.stepHeading}>{t('manage.invalidRef.heading')}</h2>
        <div className={styles.alert} role="alert">
          <p>{rich('manage.invalidRef.text', { example: <span className={manage.nowrap}>BK-7K2M-Q9XD</span>, ref: bookingRef })}</p>
        </div>
      </>,
    )
  }

  if (state.screen === 'loading') {
    return page(
      <p aria-live="polite" className={styles.status} role="status">
        {t('manage.loading')}
      </p>,
    )
  }

  if (state.screen === 'failed') {
    return page(
      <>
        <h2 className={styles.stepHeading}>{t('manage.failed.heading')}</h2>
        <AlertBox message={state.failure} />
        <button className={styles.secondary} onClick={() => void state.retryInitial()} type="button">
          {t('common.tryAgain')}
        </button>
      </>,
    )
  }

  if (state.screen === 'form' || !booking) {
    return page(
      <ProofForm
        alert={state.formAlert}
        bookingRef={bookingRef}
        emailError={state.emailError}
        onProof={state.submitProof}
        setAlert={state.setFormAlert}
        setEmailError={state.setEmailError}
        submitting={state.submitting}
      />,
    )
  }

  // As the server answers: whether the deposit can be paid now, and whether the status allows cancelling.
  // Back from the payment page, no second payment is offered while the first one is being confirmed.
  const payable = booking.payable && paymentReturn !== 'success'
  const { cancellable } = booking

  return page(
    <>
      <BookingDetails booking={booking} headingRef={state.refs.detailsHeading} />
      {!paymentReturn && state.refreshNote && (
        <p aria-live="polite" className={styles.status} role="status">
          {state.refreshNote}
        </p>
      )}
      {!payable && <AlertBox message={state.payAlert} />}
      {!cancellable && <AlertBox message={state.cancelAlert} />}

      <ConfirmSection
        alert={state.confirmAlert}
        booking={booking}
        canConfirm={state.canConfirm}
        confirming={state.confirming}
        headingId={`${idPrefix}-confirmation`}
        onConfirm={() => void state.confirmBooking()}
      />
      {payable && <DepositSection alert={state.payAlert} booking={booking} headingId={`${idPrefix}-pay`} onPay={() => void state.pay()} paying={state.paying} />}
      {cancellable && (
        <CancelSection
          alert={state.cancelAlert}
          booking={booking}
          buttonRef={state.refs.cancelButton}
          cancel={state.cancel}
          confirmHeadingRef={state.refs.confirmHeading}
          idPrefix={idPrefix}
          linkRequest={state.linkRequest}
          onConfirm={() => void state.confirmCancel()}
          onKeep={state.keepBooking}
          onRequestLink={() => void state.requestLink()}
          onStart={() => void state.startCancel()}
        />
      )}

      <p className={`${styles.muted} ${manage.footnote}`}>{t('manage.footnote', { ref: booking.ref })}</p>
    </>,
  )
}
