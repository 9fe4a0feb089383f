'use client'
// The booking's status in its document view: a pill, what the caller may do now (confirm, cancel after seeing
// the refund quote, convert, refund up to what remains) and the status history. Each action calls the staff
// endpoint; the server decides, and its 4xx message shows here. Replaces the status select, which a save refused.
import type { SelectFieldClientProps } from 'payload'

import { useConfig, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { BookingActionsAnswer } from '../services/bookingActions'

import { formatMinorUnits, parseAmount } from '../services/moneyFormat'
import { bookingActionsText } from './bookingActionsText'
import { BookingHistory } from './BookingHistory'
import { optionLabel, Pill } from './StatusPill'

type Asking = 'cancel' | 'refund' | null

async function post(url: string, body?: unknown): Promise<null | string> {
  const response = await fetch(url, {
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'include',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  if (response.ok) return null
  const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
  return answer.errors?.map((error) => error.message).join(' ') || `HTTP ${response.status}`
}

const row: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)', marginTop: 'calc(var(--base) / 2)' }

export function BookingActions({ field, path }: SelectFieldClientProps) {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const text = bookingActionsText(i18n.language)
  const { value } = useField<string>({ path: path ?? field.name })
  const api = `${config.serverURL}${config.routes.api}`
  const [answer, setAnswer] = useState<BookingActionsAnswer | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [asking, setAsking] = useState<Asking>(null)
  const [refundText, setRefundText] = useState('')
  const [error, setError] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)

  const load = useCallback(async () => {
    const response = await fetch(`${api}/bookings/${id}/actions`, { credentials: 'include' }).catch(() => null)
    if (!response?.ok) return setLoadFailed(true)
    setAnswer((await response.json()) as BookingActionsAnswer)
  }, [api, id])
  useEffect(() => {
    if (id !== undefined) void load()
  }, [id, load])

  const status = answer?.status ?? value
  const pill = status ? <Pill label={optionLabel(field, status, i18n)} status={status} /> : null
  const label = <div className="field-label">{text.status}</div>
  // A new booking has no actions yet: only its status.
  if (id === undefined || !answer) {
    return (
      <div className="field-type" data-testid="booking-actions">
        {label}
        {pill}
        {loadFailed ? <p role="alert">{text.failed}</p> : null}
      </div>
    )
  }

  const money = (amount: number, currency = answer.currency) => formatMinorUnits(amount, currency, i18n.language)
  const act = async (action: string, body?: unknown) => {
    setBusy(true)
    setError(null)
    const problem = await post(`${api}/bookings/${id}/${action}`, body)
    setBusy(false)
    if (problem) return setError(problem)
    // The form holds the old status and amounts: a fresh document, so a later save cannot send them back.
    setDone(true)
    window.location.reload()
  }
  const { cancel, confirm, convert, refund } = answer.actions
  const refundNow = () => {
    if (!refund) return
    const parsed = parseAmount(refundText, refund.currency, i18n.language)
    if (!parsed.ok) return setError(parsed.message)
    if (parsed.minorUnits > refund.remaining) return setError(text.refundTooMuch(money(refund.remaining, refund.currency)))
    void act('refund', { amount: parsed.minorUnits })
  }

  return (
    <div className="field-type" data-testid="booking-actions">
      {label}
      {pill}
      <div style={row}>
        {confirm ? (
          <button className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void act('confirm')} type="button">
            {text.confirm}
          </button>
        ) : null}
        {convert ? (
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void act('convert')} type="button">
            {text.convert}
          </button>
        ) : null}
        {cancel && asking !== 'cancel' ? (
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking('cancel')} type="button">
            {text.cancel}
          </button>
        ) : null}
        {refund && asking !== 'refund' ? (
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking('refund')} type="button">
            {text.refund}
          </button>
        ) : null}
      </div>
      {!confirm && !convert && !cancel && !refund ? <p>{text.noActions}</p> : null}
      {cancel && asking === 'cancel' ? (
        <div data-testid="cancel-quote" style={row}>
          <p style={{ margin: 0, width: '100%' }}>
            {cancel.quote.refundAmount > 0
              ? text.cancelRefund(money(cancel.quote.refundAmount, cancel.quote.currency), cancel.quote.refundPercent, money(cancel.quote.paid, cancel.quote.currency))
              : text.cancelNoRefund}
          </p>
          <button className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void act('cancel')} type="button">
            {text.cancelSure}
          </button>
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking(null)} type="button">
            {text.keep}
          </button>
        </div>
      ) : null}
      {refund && asking === 'refund' ? (
        <div data-testid="refund-form" style={row}>
          <label htmlFor="booking-refund-amount" style={{ width: '100%' }}>
            {text.refundAmount} ({refund.currency}) · {text.refundAtMost(money(refund.remaining, refund.currency))}
          </label>
          <input id="booking-refund-amount" inputMode="decimal" onChange={(event) => setRefundText(event.target.value)} value={refundText} />
          <button className="btn btn--style-primary btn--size-small" disabled={busy} onClick={refundNow} type="button">
            {text.refundSure}
          </button>
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking(null)} type="button">
            {text.keep}
          </button>
        </div>
      ) : null}
      {error ? (
        <p data-testid="booking-action-error" role="alert" style={{ color: 'var(--theme-error-600, #b00020)' }}>
          {error}
        </p>
      ) : null}
      {done ? <p role="status">{text.done}</p> : null}
      <BookingHistory field={field} history={answer.history} text={text} timezone={answer.timezone} />
    </div>
  )
}
