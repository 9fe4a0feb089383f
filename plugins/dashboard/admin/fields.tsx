'use client'
// Form fields: an amount typed as people write it ("80", "80,50") and stored in minor units; the note
// saying which zone a studio's times are edited in.
import type { NumberFieldClientComponent } from 'payload'

import { FieldDescription, FieldError, FieldLabel, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { formatMinorUnits, minorUnitsAsInput, parseAmount } from '../services/moneyFormat'
import { zoneAbbreviation } from '../services/zonedTimeLabel'
import { useStudioInfo } from './studioInfo'

const useFormTenant = () => useFormFields(([fields]) => fields.tenant?.value)

export const MoneyField: NumberFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { i18n } = useTranslation()
  const path = pathFromProps ?? field.name
  const { setValue, showError, value } = useField<null | number>({ path })
  const siblingCurrency = useFormFields(([fields]) => fields.currency?.value)
  const tenant = useFormTenant()
  const studio = useStudioInfo(typeof siblingCurrency === 'string' ? null : tenant)
  const currency = typeof siblingCurrency === 'string' && siblingCurrency ? siblingCurrency : (studio?.defaultCurrency ?? 'EUR')
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<null | string>(null)
  useEffect(() => {
    setText(typeof value === 'number' ? minorUnitsAsInput(value, currency, i18n.language) : '')
  }, [value, currency, i18n.language])
  const label = typeof field.label === 'string' ? field.label : field.name
  const commit = () => {
    if (text.trim() === '') {
      setProblem(null)
      setValue(null)
      return
    }
    const parsed = parseAmount(text, currency)
    if (parsed.ok) {
      setProblem(null)
      setValue(parsed.minorUnits)
    } else setProblem(parsed.message)
  }
  return (
    <div className="field-type number" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel htmlFor={`field-${path}`} label={`${label} (${currency})`} path={path} required={field.required} />
      <FieldError path={path} showError={showError} />
      <input
        aria-describedby={problem ? `field-${path}-problem` : undefined}
        aria-invalid={problem ? true : undefined}
        disabled={readOnly}
        id={`field-${path}`}
        inputMode="decimal"
        onBlur={commit}
        onChange={(event) => setText(event.target.value)}
        style={{ maxWidth: '16rem' }}
        type="text"
        value={text}
      />
      {problem ? (
        <p id={`field-${path}-problem`} role="alert" style={{ color: 'var(--theme-error-600, #b00020)', margin: '4px 0 0' }}>
          {problem}
        </p>
      ) : typeof value === 'number' ? (
        <FieldDescription description={formatMinorUnits(value, currency, i18n.language)} path={path} />
      ) : null}
    </div>
  )
}

/** "Times are in Europe/Paris (CET)", under a studio time field. */
export function ZoneDescription() {
  const { i18n } = useTranslation()
  const studio = useStudioInfo(useFormTenant())
  if (!studio) return null
  const words = i18n.language === 'fr' ? 'Heures du fuseau' : 'Times are in'
  return (
    <p className="field-description" data-testid="zone-description">
      {words} {studio.timezone} ({zoneAbbreviation(new Date(), studio.timezone, i18n.language)})
    </p>
  )
}
