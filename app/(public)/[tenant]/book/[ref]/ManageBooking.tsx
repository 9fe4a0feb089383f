'use client'

// The customer's own booking: shown with the access code from the link (or typed in) or the booking email,
// with the deposit to pay and the cancellation (refund quoted first). Only the public REST API, same origin;
// the proof lives in this component's state and nowhere else.
import { type ChangeEvent, type FormEvent, type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'

import styles from '../book.module.css'
import { dayLabel, formatMoney, shortDayLabel, wallDate, wallTime } from '../format'
import { type ApiFailure, type ApiResult, callApi, describeFailure } from '../api'
import manage from './manage.module.css'

export type PaymentReturn = 'cancelled' | 'success' | null

type Proof = { email?: string; token?: string }
type Tier = { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }
type Quote = { currency: string; paid: number; refundAmount: number; refundPercent: number; status: string; tier: null | Tier }
type StoredRefund = { currency?: string; paid?: number; refundAmount?: number; refundedAmount?: number; refundPercent?: number; refundStatus?: string }
type Booking = {
  currency: null | string
  customer?: { email: string; name: string }
  deposit: null | number
  end: string
  price: null | number
  ref: string
  refundQuote?: null | StoredRefund
  room?: { id: number; name: string }
  start: string
  status: string
  timezone?: string
}

type Screen = 'failed' | 'form' | 'invalidRef' | 'loading' | 'ready'
type CancelFlow = { quote: Quote; step: 'cancelling' | 'confirm' } | { step: 'idle' } | { step: 'quoting' }
type FocusTarget = 'cancelButton' | 'confirm' | 'details'
type LoadMode = 'form' | 'initial' | 'refresh' | 'silent'

const NOT_FOUND_MESSAGE = 'We could not find this booking with that code or email. Check the access code in your confirmation email, or the address you booked with.'
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// As the server's booking references: `BK-XXXX-XXXX` in Crockford base32, any case.
const BOOKING_REF = /^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/
// Access codes are base64url; anything else cannot match (and could not even travel in a header).
const ACCESS_CODE = /^[\w-]{1,200}$/
const AUTO_CHECKS = 5
const AUTO_CHECK_MS = 4000

const STATUS_LABEL: Record<string, string> = {
  awaiting_payment: 'Awaiting the deposit',
  cancelled: 'Cancelled',
  completed: 'Completed',
  confirmed: 'Confirmed',
  converted: 'Confirmed',
  expired: 'Expired',
  pending: 'Received, waiting for the studio to confirm',
}

const HEADLINE: Record<string, string> = {
  awaiting_payment: 'Your booking is waiting for the deposit',
  cancelled: 'This booking is cancelled',
  completed: 'This booking is completed',
  confirmed: 'Your booking is confirmed',
  converted: 'Your booking is confirmed',
  expired: 'This booking has expired',
  pending: 'Your booking is received',
}

const PAYABLE = new Set(['awaiting_payment', 'pending'])
const CANCELLABLE = new Set(['awaiting_payment', 'confirmed', 'pending'])
const SETTLED = new Set(['completed', 'confirmed', 'converted'])

const toneOf = (status: string) => (SETTLED.has(status) ? manage.good : PAYABLE.has(status) ? manage.waiting : manage.ended)

/** "10:00 – 11:00", with the end date when a booking runs past midnight (wall-clock times of the studio). */
function timeRange(start: string, end: string): string {
  const endsAnotherDay = wallDate(end) !== wallDate(start)
  return `${wallTime(start)} – ${endsAnotherDay ? `${shortDayLabel(wallDate(end))}, ` : ''}${wallTime(end)}`
}

/** "Monday 30 November 2026". */
const fullDate = (instant: string) => `${dayLabel(wallDate(instant))} ${wallDate(instant).slice(0, 4)}`

/** "€7.50 (30 %)", the non-breaking space keeping the percentage together on a narrow screen. */
const refundText = (amount: number, percent: number, currency: string) => `${formatMoney(amount, currency)} (${percent}\u00a0%)`

const noticeText = (tier: Tier) => `${tier.noticeAmount} ${tier.noticeUnit === 'days' ? 'day' : 'hour'}${tier.noticeAmount === 1 ? '' : 's'}`

/** Why the refund is what it is, under the quote. */
function quoteExplanation(quote: Quote): string {
  if (quote.paid <= 0) return 'Nothing has been paid on this booking yet, so there is nothing to refund.'
  const paid = `You have paid ${formatMoney(quote.paid, quote.currency)}.`
  if (!quote.tier) return `${paid} It is too close to the start for a refund under the studio’s cancellation terms.`
  return `${paid} Cancelling at least ${noticeText(quote.tier)} before the start refunds ${quote.tier.refundPercent}\u00a0% of it.`
}

/** What happens to the money of a cancelled booking, from the refund stored with it. */
function refundNote(refund: StoredRefund, currency: string): string {
  const amount = refund.refundAmount ?? 0
  if (amount <= 0) return (refund.paid ?? 0) > 0 ? 'No refund is due under the studio’s cancellation terms.' : 'Nothing had been paid, so no refund is due.'
  const money = formatMoney(amount, currency)
  switch (refund.refundStatus) {
    case 'succeeded':
      return `Your refund of ${money} has been issued. It can take 5 to 10 working days to reach your account.`
    case 'failed':
      return `Your refund of ${money} could not be issued automatically. The studio will contact you about it.`
    case 'none':
      return `The studio will contact you about your refund of ${money}.`
    default:
      return `Your refund of ${money} is being processed.`
  }
}

function paymentFailure(failure: ApiFailure): string {
  if (failure.status === 503) return 'Online payment is not available for this studio right now. Please contact the studio to pay the deposit.'
  if (failure.status === 502) return 'The payment provider could not be reached. Please try again in a moment.'
  if (failure.status === 404) return NOT_FOUND_MESSAGE
  if (failure.status === 409) {
    if (failure.code === 'already_paid') return 'The deposit is already paid (or being paid). It can take a moment to show here.'
    if (failure.code === 'nothing_due') return 'No deposit is due for this booking.'
    if (failure.code === 'not_payable') return 'This booking cannot be paid in its current state. Its current status is shown above.'
  }
  return describeFailure(failure)
}

export function ManageBooking({ bookingRef, paymentReturn, tenantSlug, token }: { bookingRef: string; paymentReturn: PaymentReturn; tenantSlug: string; token: string }) {
  const validRef = BOOKING_REF.test(bookingRef.trim().toUpperCase())
  const linkCode = ACCESS_CODE.test(token) ? token : ''
  const [screen, setScreen] = useState<Screen>(!validRef ? 'invalidRef' : linkCode ? 'loading' : 'form')
  const [failure, setFailure] = useState('')
  const [proof, setProof] = useState<null | Proof>(null)
  const [booking, setBooking] = useState<Booking | null>(null)
  const [studioName, setStudioName] = useState('')
  const [codeInput, setCodeInput] = useState('')
  const [emailInput, setEmailInput] = useState('')
  const [emailError, setEmailError] = useState<null | string>(null)
  const [formAlert, setFormAlert] = useState<null | string>(token && !linkCode ? NOT_FOUND_MESSAGE : null)
  const [submitting, setSubmitting] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [refreshNote, setRefreshNote] = useState('')
  const [autoChecks, setAutoChecks] = useState(0)
  const [paying, setPaying] = useState(false)
  const [payAlert, setPayAlert] = useState<null | string>(null)
  const [cancel, setCancel] = useState<CancelFlow>({ step: 'idle' })
  const [cancelAlert, setCancelAlert] = useState<null | string>(null)
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null)
  const detailsHeading = useRef<HTMLHeadingElement>(null)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const codeField = useRef<HTMLInputElement>(null)
  const emailField = useRef<HTMLInputElement>(null)
  const idPrefix = useId()

  /** A call about this booking, with the proof: the code in a header (kept out of URLs and logs), the email as `?email=`. */
  const call = useCallback(
    <T,>(suffix: '' | '/cancel' | '/cancel-quote' | '/create-payment', withProof: Proof, init: RequestInit = {}): Promise<ApiResult<T>> => {
      const query = withProof.email ? `?${new URLSearchParams({ email: withProof.email })}` : ''
      const headers: Record<string, string> = withProof.token ? { 'X-Booking-Token': withProof.token } : {}
      return callApi<T>(`/api/public/booking/${encodeURIComponent(bookingRef.trim())}${suffix}${query}`, { ...init, headers })
    },
    [bookingRef],
  )

  /** Applies the answer of a booking read, however it was asked for. */
  const settle = useCallback((result: ApiResult<Booking>, withProof: Proof, mode: LoadMode) => {
    if (result.ok) {
      setBooking((current) => ({ ...current, ...result.data }))
      setProof(withProof)
      setScreen('ready')
      setFormAlert(null)
      if (mode === 'form') setFocusTarget('details')
      return
    }
    if (result.status === 400 && result.errors.some((entry) => entry.path === 'ref')) {
      setScreen('invalidRef')
      return
    }
    if (result.status === 404 || (result.status === 400 && result.errors.some((entry) => entry.path === 'token'))) {
      // A wrong code or email (or a ref that does not exist, which the server does not tell apart).
      setBooking(null)
      setProof(null)
      setScreen('form')
      setFormAlert(NOT_FOUND_MESSAGE)
      return
    }
    if (result.status === 400 && result.errors.some((entry) => entry.path === 'email')) {
      setScreen('form')
      setEmailError('Enter an email address like name@example.com.')
      return
    }
    const message = describeFailure(result)
    if (mode === 'form') setFormAlert(message)
    else if (mode === 'initial') {
      setFailure(message)
      setScreen('failed')
    } else if (mode === 'refresh') setRefreshNote(message)
  }, [])

  // With the code in the link, straight to the booking.
  useEffect(() => {
    if (!validRef || !linkCode) return
    const controller = new AbortController()
    void call<Booking>('', { token: linkCode }, { signal: controller.signal }).then((result) => {
      if (!controller.signal.aborted) settle(result, { token: linkCode }, 'initial')
    })
    return () => controller.abort()
  }, [call, linkCode, settle, validRef])

  // The studio's name for the header; the page works without it.
  useEffect(() => {
    const controller = new AbortController()
    void callApi<{ tenant?: { name?: string } }>(`/api/public/tenants/${encodeURIComponent(tenantSlug)}/rooms`, { signal: controller.signal }).then((result) => {
      if (!controller.signal.aborted && result.ok && typeof result.data?.tenant?.name === 'string') setStudioName(result.data.tenant.name)
    })
    return () => controller.abort()
  }, [tenantSlug])

  // Focus follows the step: the booking once found, the confirmation when it opens, the button again when it closes.
  useEffect(() => {
    if (!focusTarget) return
    const element = { cancelButton: cancelButton.current, confirm: confirmHeading.current, details: detailsHeading.current }[focusTarget]
    element?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const refresh = useCallback(
    async (mode: 'refresh' | 'silent') => {
      if (!proof) return
      setRefreshing(true)
      if (mode === 'refresh') setRefreshNote('')
      const result = await call<Booking>('', proof)
      setRefreshing(false)
      settle(result, proof, mode)
      if (mode === 'refresh' && result.ok) {
        setRefreshNote(
          PAYABLE.has(result.data.status)
            ? `Checked at ${new Date().toTimeString().slice(0, 5)}: the payment is not confirmed yet. Please try again in a moment.`
            : 'Updated.',
        )
      }
    },
    [call, proof, settle],
  )

  // Back from the payment page, the webhook may lag behind the customer: look again a few times.
  const waitingForPayment = paymentReturn === 'success' && booking !== null && PAYABLE.has(booking.status)
  useEffect(() => {
    if (!waitingForPayment || refreshing || autoChecks >= AUTO_CHECKS) return
    const timer = setTimeout(() => {
      setAutoChecks((count) => count + 1)
      void refresh('silent')
    }, AUTO_CHECK_MS)
    return () => clearTimeout(timer)
  }, [autoChecks, refresh, refreshing, waitingForPayment])

  const submitProof = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (submitting) return
    const code = codeInput.trim()
    const email = emailInput.trim()
    setFormAlert(null)
    setEmailError(null)
    if (code === '' && email === '') {
      setFormAlert('Enter your access code or the email address you booked with.')
      codeField.current?.focus()
      return
    }
    if (email !== '' && !EMAIL.test(email)) {
      setEmailError('Enter an email address like name@example.com.')
      emailField.current?.focus()
      return
    }
    if (code !== '' && !ACCESS_CODE.test(code)) {
      setFormAlert(NOT_FOUND_MESSAGE)
      codeField.current?.focus()
      return
    }
    const candidate: Proof = { ...(code ? { token: code } : {}), ...(email ? { email } : {}) }
    setSubmitting(true)
    const result = await call<Booking>('', candidate)
    setSubmitting(false)
    settle(result, candidate, 'form')
  }

  const retryInitial = async () => {
    setScreen('loading')
    settle(await call<Booking>('', { token: linkCode }), { token: linkCode }, 'initial')
  }

  const pay = async () => {
    if (!proof || paying) return
    setPaying(true)
    setPayAlert(null)
    setCancelAlert(null)
    const result = await call<{ checkout_url?: unknown }>('/create-payment', proof, { method: 'POST' })
    if (result.ok) {
      const target = result.data?.checkout_url
      if (typeof target === 'string' && /^https?:\/\//i.test(target)) {
        // Stays "busy" while the browser leaves for the payment page.
        window.location.assign(target)
        return
      }
      setPaying(false)
      setPayAlert('The payment page could not be opened. Please try again.')
      return
    }
    setPaying(false)
    setPayAlert(paymentFailure(result))
    // Paid meanwhile, or no longer payable: show the booking as it is now.
    if (result.status === 409) void refresh('silent')
  }

  const startCancel = async () => {
    if (!proof || cancel.step !== 'idle') return
    setCancel({ step: 'quoting' })
    setCancelAlert(null)
    setPayAlert(null)
    const result = await call<Quote>('/cancel-quote', proof)
    if (result.ok) {
      setCancel({ quote: result.data, step: 'confirm' })
      setFocusTarget('confirm')
      return
    }
    setCancel({ step: 'idle' })
    setCancelAlert(result.status === 404 ? NOT_FOUND_MESSAGE : describeFailure(result))
  }

  const keepBooking = () => {
    if (cancel.step !== 'confirm') return
    setCancel({ step: 'idle' })
    setFocusTarget('cancelButton')
  }

  const confirmCancel = async () => {
    if (!proof || cancel.step !== 'confirm') return
    const { quote } = cancel
    setCancel({ quote, step: 'cancelling' })
    setCancelAlert(null)
    const result = await call<Partial<Booking>>('/cancel', proof, { method: 'POST' })
    if (result.ok) {
      setBooking((current) => (current ? { ...current, ...result.data } : current))
      setCancel({ step: 'idle' })
      setFocusTarget('details')
      return
    }
    if (result.status === 409) {
      // Its status changed meanwhile (paid and confirmed, completed, already cancelled…): show it as it is.
      setCancel({ step: 'idle' })
      setCancelAlert('This booking can no longer be cancelled online. Its current status is shown above; contact the studio if you need to change it.')
      await refresh('silent')
      setFocusTarget('details')
      return
    }
    setCancel({ quote, step: 'confirm' })
    setCancelAlert(result.status === 404 ? NOT_FOUND_MESSAGE : describeFailure(result))
  }

  const onConfirmKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      keepBooking()
    }
  }

  const header = (
    <header className={styles.header}>
      <p className={`${styles.eyebrow} ${manage.eyebrow}`}>{studioName}</p>
      <h1 className={styles.title}>Your booking</h1>
    </header>
  )

  const paymentBanner = (() => {
    if (paymentReturn === 'cancelled') {
      const canPay = booking === null || PAYABLE.has(booking.status)
      return (
        <div className={`${manage.banner} ${manage.bannerNeutral}`} role="status">
          <p>
            <strong>The payment was not completed</strong> and nothing was charged.
            {canPay ? ' You can pay the deposit whenever you are ready.' : ''}
          </p>
        </div>
      )
    }
    if (paymentReturn !== 'success') return null
    const settled = booking !== null && SETTLED.has(booking.status)
    const waiting = booking === null || PAYABLE.has(booking.status)
    return (
      <div className={`${manage.banner} ${manage.bannerSuccess}`} data-testid="payment-banner">
        <div role="status">
          <p>
            <strong>{settled ? 'Thank you, your deposit is paid' : waiting ? 'Thank you, your payment is being confirmed' : 'Thank you for your payment'}</strong>
          </p>
          {waiting && (
            <p>
              {booking
                ? 'The confirmation from the payment provider can take a few moments. This page checks again by itself, or you can refresh it.'
                : 'The confirmation from the payment provider can take a few moments. Enter your access code or email below to see your booking.'}
            </p>
          )}
          {refreshNote && <p>{refreshNote}</p>}
        </div>
        {booking && waiting && (
          <div className={manage.bannerActions}>
            <button aria-disabled={refreshing} className={styles.secondary} onClick={() => void (refreshing ? undefined : refresh('refresh'))} type="button">
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
        )}
      </div>
    )
  })()

  const page = (children: ReactNode) => (
    <main className={`${styles.page} ${manage.root}`}>
      {header}
      {paymentBanner}
      {children}
    </main>
  )

  if (screen === 'invalidRef') {
    return page(
      <>
        <h2 className={styles.stepHeading}>This link does not work</h2>
        <div className={styles.alert} role="alert">
          <p>
            “{bookingRef}” is not a booking reference. Check the link in your email: references look like <span className={manage.nowrap}>BK-7K2M-Q9XD</span>.
          </p>
        </div>
      </>,
    )
  }

  if (screen === 'loading') {
    return page(
      <p aria-live="polite" className={styles.status} role="status">
        Loading your booking…
      </p>,
    )
  }

  if (screen === 'failed') {
    return page(
      <>
        <h2 className={styles.stepHeading}>Your booking could not be loaded</h2>
        <div className={styles.alert} role="alert">
          <p>{failure}</p>
        </div>
        <button className={styles.secondary} onClick={() => void retryInitial()} type="button">
          Try again
        </button>
      </>,
    )
  }

  if (screen === 'form' || !booking) {
    const codeId = `${idPrefix}-code`
    const emailId = `${idPrefix}-email`
    return page(
      <>
        <h2 className={styles.stepHeading}>Find your booking</h2>
        <p>
          To see booking <span className={manage.nowrap}>{bookingRef.trim().toUpperCase()}</span>, enter the access code from your confirmation email, or the email
          address you booked with.
        </p>
        {formAlert && (
          <div className={styles.alert} role="alert">
            <p>{formAlert}</p>
          </div>
        )}
        <form className={manage.proofForm} noValidate onSubmit={(event) => void submitProof(event)}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={codeId}>
              Access code
            </label>
            <input
              autoCapitalize="none"
              autoComplete="off"
              autoCorrect="off"
              className={styles.control}
              id={codeId}
              maxLength={200}
              name="code"
              onChange={(event: ChangeEvent<HTMLInputElement>) => setCodeInput(event.target.value)}
              ref={codeField}
              spellCheck={false}
              type="text"
              value={codeInput}
            />
          </div>
          <p aria-hidden="true" className={manage.or}>
            or
          </p>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={emailId}>
              Email address you booked with
            </label>
            <input
              aria-describedby={emailError ? `${emailId}-error` : undefined}
              aria-invalid={emailError ? true : undefined}
              autoComplete="email"
              className={styles.control}
              id={emailId}
              inputMode="email"
              name="email"
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                setEmailInput(event.target.value)
                setEmailError(null)
              }}
              ref={emailField}
              type="email"
              value={emailInput}
            />
            {emailError && (
              <p className={styles.fieldError} id={`${emailId}-error`}>
                {emailError}
              </p>
            )}
          </div>
          <button aria-disabled={submitting} className={styles.primary} type="submit">
            {submitting ? 'Looking for your booking…' : 'Show my booking'}
          </button>
        </form>
      </>,
    )
  }

  // The booking.
  const currency = booking.currency ?? 'EUR'
  const payable = PAYABLE.has(booking.status) && (booking.deposit ?? 0) > 0 && paymentReturn !== 'success'
  const cancellable = CANCELLABLE.has(booking.status)
  const refund = booking.status === 'cancelled' ? booking.refundQuote : null
  const alertBox = (message: null | string) =>
    message ? (
      <div className={styles.alert} role="alert">
        <p>{message}</p>
      </div>
    ) : null
  const payHeadingId = `${idPrefix}-pay`
  const cancelHeadingId = `${idPrefix}-cancel`
  const confirmHeadingId = `${idPrefix}-confirm`

  return page(
    <>
      <h2 className={styles.stepHeading} ref={detailsHeading} tabIndex={-1}>
        {HEADLINE[booking.status] ?? 'Your booking'}
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
            <span className={`${manage.badge} ${toneOf(booking.status)}`} data-status={booking.status} data-testid="booking-status">
              {STATUS_LABEL[booking.status] ?? booking.status}
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
          <dd>{booking.price === null ? '—' : formatMoney(booking.price, currency)}</dd>
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
      {!paymentReturn && refreshNote && (
        <p aria-live="polite" className={styles.status} role="status">
          {refreshNote}
        </p>
      )}
      {!payable && alertBox(payAlert)}
      {!cancellable && alertBox(cancelAlert)}

      {payable && (
        <section aria-labelledby={payHeadingId} className={manage.section}>
          <h2 className={manage.sectionHeading} id={payHeadingId}>
            Deposit
          </h2>
          <p>
            A deposit of <strong>{formatMoney(booking.deposit ?? 0, currency)}</strong> secures this booking. You pay it on the payment provider’s secure page and come
            back here afterwards.
          </p>
          {alertBox(payAlert)}
          <button aria-disabled={paying} className={styles.primary} onClick={() => void pay()} type="button">
            {paying ? 'Opening the payment page…' : 'Pay the deposit'}
          </button>
        </section>
      )}

      {cancellable && (
        <section aria-labelledby={cancelHeadingId} className={manage.section}>
          <h2 className={manage.sectionHeading} id={cancelHeadingId}>
            Cancellation
          </h2>
          {cancel.step === 'idle' || cancel.step === 'quoting' ? (
            <>
              <p className={styles.muted}>Any refund depends on how long before the start you cancel. You will see it before you confirm.</p>
              {alertBox(cancelAlert)}
              <button aria-disabled={cancel.step === 'quoting'} className={manage.dangerOutline} onClick={() => void startCancel()} ref={cancelButton} type="button">
                {cancel.step === 'quoting' ? 'Checking your refund…' : 'Cancel this booking'}
              </button>
            </>
          ) : (
            <div aria-labelledby={confirmHeadingId} className={manage.confirm} onKeyDown={onConfirmKeyDown} role="group">
              <h3 className={manage.confirmHeading} id={confirmHeadingId} ref={confirmHeading} tabIndex={-1}>
                Cancel this booking?
              </h3>
              <p data-testid="refund-quote">
                You will be refunded <strong>{refundText(cancel.quote.refundAmount, cancel.quote.refundPercent, cancel.quote.currency)}</strong>.
              </p>
              <p className={styles.muted}>{quoteExplanation(cancel.quote)}</p>
              {alertBox(cancelAlert)}
              <div className={manage.choices}>
                <button aria-disabled={cancel.step === 'cancelling'} className={manage.danger} onClick={() => void confirmCancel()} type="button">
                  {cancel.step === 'cancelling' ? 'Cancelling…' : 'Yes, cancel'}
                </button>
                <button aria-disabled={cancel.step === 'cancelling'} className={styles.secondary} onClick={keepBooking} type="button">
                  Keep my booking
                </button>
              </div>
            </div>
          )}
        </section>
      )}

      <p className={`${styles.muted} ${manage.footnote}`}>Quote the reference {booking.ref} when you contact the studio.</p>
    </>,
  )
}
