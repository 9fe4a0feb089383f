'use client'
// The report's period (local days, `to` excluded) and the currency to convert money into.
import React from 'react'

import type { ReportFormState } from '../services/specForm'
import type { ReportsText } from './reportsText'

import { controlStyle, fieldsetStyle, hintStyle, labelStyle, rowStyle } from './styles'

type Props = { form: ReportFormState; setForm: React.Dispatch<React.SetStateAction<ReportFormState>>; text: ReportsText }

export function PeriodFields({ form, setForm, text }: Props) {
  const set = (patch: Partial<ReportFormState>) => setForm((current) => ({ ...current, ...patch }))
  return (
    <fieldset style={fieldsetStyle}>
      <legend>{text.period}</legend>
      <div style={{ ...rowStyle, alignItems: 'flex-start' }}>
        <label htmlFor="report-from" style={labelStyle}>
          {text.from}
          <input id="report-from" onChange={(event) => set({ from: event.target.value })} style={controlStyle} type="date" value={form.from} />
        </label>
        <label htmlFor="report-to" style={labelStyle}>
          {text.to}
          <input id="report-to" onChange={(event) => set({ to: event.target.value })} style={controlStyle} type="date" value={form.to} />
        </label>
        <label htmlFor="report-currency" style={labelStyle}>
          {text.currency}
          <input
            aria-describedby="report-currency-hint"
            autoComplete="off"
            id="report-currency"
            maxLength={3}
            onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
            placeholder="EUR"
            size={5}
            style={{ ...controlStyle, textTransform: 'uppercase', width: '6rem' }}
            value={form.currency}
          />
        </label>
      </div>
      <p id="report-period-hint" style={hintStyle}>
        {text.periodHint}
      </p>
      <p id="report-currency-hint" style={hintStyle}>
        {text.currencyHint}
      </p>
    </fieldset>
  )
}
