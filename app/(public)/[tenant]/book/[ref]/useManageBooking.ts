'use client'

// The state of the customer's booking page: the proof it was opened with (kept in memory only), the
// booking as the API answers it, and the steps (pay, confirm, cancel) with their answers, worded in the page's
// language (sentences are made when an answer arrives).
import { useCallback, useEffect, useRef, useState } from 'react'

import type { ApiResult } from '../api'
import type { Booking, CancelFlow, FocusTarget, LinkRequest, LoadMode, PaymentReturn, Proof, Quote, Screen } from './manageTypes'

import { callApi, describeFailure, sendableInHeader } from '../api'
import { useT } from '../messages'
import { confirmationFailure, paymentFailure } from './manageText'
import { MAX_ACCESS_CODE, MAX_LOOKUP_TOKEN, NOT_FOUND } from './manageTypes'

const AUTO_CHECKS = 5
const AUTO_CHECK_MS = 4000

type Suffix = '' | '/cancel' | '/cancel-quote' | '/confirm' | '/create-payment'

export type ManageBookingLinks = { bookingRef: string; confirmCode: string; lookupToken: string; paymentReturn: PaymentReturn; tenantSlug: string; token: string }

export function useManageBooking({ bookingRef, confirmCode, lookupToken, paymentReturn, tenantSlug, token }: ManageBookingLinks) {
  const t = useT()
  // The callbacks read the words of the moment: a change of language neither reloads nor resets the page.
  const words = useRef(t)
  useEffect(() => {
    words.current = t
  }, [t])
  // Whether the reference is one, and the codes match, is the server's to say: the first call asks it.
  const linkCode = token && sendableInHeader(token, MAX_ACCESS_CODE) ? token : ''
  const linkLookup = lookupToken && sendableInHeader(lookupToken, MAX_LOOKUP_TOKEN) ? lookupToken : ''
  const linkProof: null | Proof = linkCode ? { token: linkCode } : linkLookup ? { lookup: linkLookup } : null
  const [screen, setScreen] = useState<Screen>('loading')
  const [failure, setFailure] = useState('')
  const [proof, setProof] = useState<null | Proof>(null)
  const [booking, setBooking] = useState<Booking | null>(null)
  const [studioName, setStudioName] = useState('')
  const [emailError, setEmailError] = useState<null | string>(null)
  const [formAlert, setFormAlert] = useState<null | string>((token && !linkCode) || (lookupToken && !linkLookup) ? t(NOT_FOUND) : null)
  const [submitting, setSubmitting] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [refreshNote, setRefreshNote] = useState('')
  const [autoChecks, setAutoChecks] = useState(0)
  const [paying, setPaying] = useState(false)
  const [payAlert, setPayAlert] = useState<null | string>(null)
  const [cancel, setCancel] = useState<CancelFlow>({ step: 'idle' })
  const [cancelAlert, setCancelAlert] = useState<null | string>(null)
  const [confirming, setConfirming] = useState(false)
  const [confirmAlert, setConfirmAlert] = useState<null | string>(null)
  const [linkRequest, setLinkRequest] = useState<LinkRequest>('idle')
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null)
  const detailsHeading = useRef<HTMLHeadingElement>(null)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const linkToken = linkProof?.token
  const linkLookupToken = linkProof?.lookup

  /** A call about this booking, with the proof: codes in headers (kept out of URLs and logs), the email as `?email=`. */
  const call = useCallback(
    <T>(suffix: Suffix, withProof: Proof, init: RequestInit = {}): Promise<ApiResult<T>> => {
      const query = withProof.email ? `?${new URLSearchParams({ email: withProof.email })}` : ''
      const headers: Record<string, string> = {
        ...(init.headers as Record<string, string> | undefined),
        ...(withProof.token ? { 'X-Booking-Token': withProof.token } : {}),
        ...(withProof.lookup ? { 'X-Lookup-Token': withProof.lookup } : {}),
      }
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
    if (mode === 'probe') {
      // A reference (404 without a proof), or no answer: the form, where the server has its say again.
      setScreen('form')
      return
    }
    if (result.status === 404 || (result.status === 400 && result.errors.some((entry) => entry.path === 'token'))) {
      // A wrong code, email or expired link (or a ref that does not exist, which the server does not tell apart).
      setBooking(null)
      setProof(null)
      setScreen('form')
      setFormAlert(words.current(NOT_FOUND))
      return
    }
    if (result.status === 400 && result.errors.some((entry) => entry.path === 'email')) {
      setScreen('form')
      setEmailError(words.current('common.emailInvalid'))
      return
    }
    const message = describeFailure(result, words.current)
    if (mode === 'form') setFormAlert(message)
    else if (mode === 'initial') {
      setFailure(message)
      setScreen('failed')
    } else if (mode === 'refresh') setRefreshNote(message)
  }, [])

  // With a code or a lookup link in the URL, straight to the booking; without, the same call says whether the
  // reference is one at all (400 `ref`), then the form.
  useEffect(() => {
    const initial: Proof = linkToken ? { token: linkToken } : linkLookupToken ? { lookup: linkLookupToken } : {}
    const mode: LoadMode = linkToken || linkLookupToken ? 'initial' : 'probe'
    const controller = new AbortController()
    void call<Booking>('', initial, { signal: controller.signal }).then((result) => {
      if (!controller.signal.aborted) settle(result, initial, mode)
    })
    return () => controller.abort()
  }, [call, linkLookupToken, linkToken, settle])

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
        const say = words.current
        setRefreshNote(result.data.payable ? say('manage.refresh.notYet', { time: new Date().toTimeString().slice(0, 5) }) : say('manage.refresh.updated'))
      }
    },
    [call, proof, settle],
  )

  // Back from the payment page, the webhook may lag behind the customer: look again a few times.
  const waitingForPayment = paymentReturn === 'success' && booking !== null && booking.payable
  useEffect(() => {
    if (!waitingForPayment || refreshing || autoChecks >= AUTO_CHECKS) return
    const timer = setTimeout(() => {
      setAutoChecks((count) => count + 1)
      void refresh('silent')
    }, AUTO_CHECK_MS)
    return () => clearTimeout(timer)
  }, [autoChecks, refresh, refreshing, waitingForPayment])

  /** The proof typed in the form (already checked there). */
  const submitProof = async (candidate: Proof) => {
    if (submitting) return
    setSubmitting(true)
    const result = await call<Booking>('', candidate)
    setSubmitting(false)
    settle(result, candidate, 'form')
  }

  const retryInitial = async () => {
    if (!linkProof) return
    setScreen('loading')
    settle(await call<Booking>('', linkProof), linkProof, 'initial')
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
      setPayAlert(t('manage.pay.openFailed'))
      return
    }
    setPaying(false)
    setPayAlert(paymentFailure(result, t))
    // Paid meanwhile, or no longer payable: show the booking as it is now.
    if (result.status === 409) void refresh('silent')
  }

  /** The customer's confirmation: possible with the emailed link (access code plus confirmation code) or a lookup link. */
  const canConfirm = Boolean(proof && (proof.lookup || (proof.token && confirmCode)))
  const confirmBooking = async () => {
    if (!proof || !canConfirm || confirming) return
    setConfirming(true)
    setConfirmAlert(null)
    const body = proof.lookup ? undefined : JSON.stringify({ code: confirmCode })
    const result = await call<Booking>('/confirm', proof, { body, headers: body ? { 'Content-Type': 'application/json' } : {}, method: 'POST' })
    setConfirming(false)
    if (result.ok) {
      setBooking((current) => ({ ...current, ...result.data }))
      setFocusTarget('details')
      return
    }
    setConfirmAlert(confirmationFailure(result, t))
    if (result.status === 409) void refresh('silent')
  }

  /** With the email only, cancelling needs the emailed link: mail a fresh "your bookings" link to the booking's address. */
  const requestLink = async () => {
    const email = booking?.customer?.email ?? proof?.email
    if (!email || linkRequest === 'sending') return
    setLinkRequest('sending')
    const result = await callApi<unknown>(`/api/public/bookings/search?${new URLSearchParams({ email })}`)
    setLinkRequest(result.ok ? 'sent' : 'failed')
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
    setCancelAlert(result.status === 404 ? t(NOT_FOUND) : describeFailure(result, t))
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
      setCancelAlert(t('manage.cancel.tooLate'))
      await refresh('silent')
      setFocusTarget('details')
      return
    }
    setCancel({ quote, step: 'confirm' })
    setCancelAlert(result.status === 404 ? t(NOT_FOUND) : describeFailure(result, t))
  }

  return {
    booking, cancel, cancelAlert, canConfirm, confirmAlert, confirmBooking, confirmCancel, confirming, emailError, failure, formAlert, keepBooking,
    linkRequest, pay, payAlert, paying, refresh, refreshing, refreshNote, refs: { cancelButton, confirmHeading, detailsHeading }, requestLink,
    retryInitial, screen, setEmailError, setFormAlert, startCancel, studioName, submitProof, submitting,
  }
}
