'use client'
// Form field for an amount typed as people write it ("80", "80.50", "80,50") and stored in minor units;
// attached by `withAdminCells` to fields marked `custom.money`.
import type { NumberFieldClientProps, Validate } from 'payload'

import { FieldDescription, FieldError, FieldLabel, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { formatMinorUnits, minorUnitsAsInput, parseAmount } from '../services/moneyFormat'
import { useDisplayConversion } from './displayConversion'
import { useStudioInfo } from './studioInfo'

export type MoneyFieldProps = {
  /** The sibling field holding the currency; without it, or while it is empty, the studio's default currency. */
  currencyField?: string
} & NumberFieldClientProps

const siblingPath = (path: string, name: string): string => [...path.split('.').slice(0, -1), name].join('.')

const unknownCurrency = { en: 'The currency is not known yet: choose the studio first.', fr: 'Devise inconnue : choisissez d’abord le studio.' }

export function MoneyField({ currencyField, field, path: pathFromProps, readOnly }: MoneyFieldProps) {
  const { i18n } = useTranslation()
  const path = pathFromProps ?? field.name
  const [problem, setProblem] = useState<null | string>(null)
  // Payload runs this on submit: text that is not an amount blocks the save instead of keeping the old value.
  const validate = useCallback<Validate>(() => problem ?? true, [problem])
  const { setValue, showError, value } = useField<null | number>({ path, validate })
  const sibling = useFormFields(([fields]) => (currencyField ? fields[siblingPath(path, currencyField)]?.value : undefined))
  const tenant = useFormFields(([fields]) => fields.tenant?.value)
  const ownCurrency = typeof sibling === 'string' && sibling ? sibling : null
  const studio = useStudioInfo(ownCurrency ? null : tenant)
  const currency = ownCurrency ?? studio?.defaultCurrency ?? null
  const display = useDisplayConversion()
  const converted = display && currency && typeof value === 'number' ? display.convert(value, currency) : null
  const [text, setText] = useState('')
  const [focused, setFocused] = useState(false)

  // While the person types, their text stays as typed; otherwise it follows the stored value.
  useEffect(() => {
    if (!focused && currency) setText(typeof value === 'number' ? minorUnitsAsInput(value, currency, i18n.language) : '')
  }, [currency, focused, i18n.language, value])

  const read = (typed: string) => {
    setText(typed)
    if (!currency) return
    if (typed.trim() === '') {
      setProblem(null)
      if (value !== null && value !== undefined) setValue(null)
      return
    }
    const parsed = parseAmount(typed, currency, i18n.language)
    setProblem(parsed.ok ? null : parsed.message)
    if (parsed.ok && parsed.minorUnits !== value) setValue(parsed.minorUnits)
  }

  const language = i18n.language.startsWith('fr') ? 'fr' : 'en'
  const shownProblem = problem && !focused && !showError ? problem : null
  return (
    <div className="field-type number" style={{ flex: field.admin?.width ? `0 0 ${field.admin.width}` : undefined, marginBottom: 'var(--base)' }}>
      <FieldLabel htmlFor={`field-${path}`} label={field.label} localized={field.localized} path={path} required={field.required} />
      <FieldError path={path} showError={showError} />
      <div style={{ alignItems: 'center', display: 'flex', gap: 8 }}>
        <input
          aria-describedby={shownProblem ? `field-${path}-problem` : undefined}
          aria-invalid={problem ? true : undefined}
          disabled={readOnly || !currency}
          id={`field-${path}`}
          inputMode="decimal"
          name={path}
          onBlur={() => setFocused(false)}
          onChange={(event) => read(event.target.value)}
          onFocus={() => setFocused(true)}
          style={{ maxWidth: '16rem' }}
          type="text"
          value={readOnly && currency && typeof value === 'number' ? formatMinorUnits(value, currency, i18n.language) : text}
        />
        {currency && !readOnly ? <span aria-hidden="true">{currency}</span> : null}
        {display && converted !== null ? <span>≈ {formatMinorUnits(converted, display.currency, i18n.language)}</span> : null}
      </div>
      {shownProblem ? (
        <p id={`field-${path}-problem`} role="alert" style={{ color: 'var(--theme-error-600, #b00020)', margin: '4px 0 0' }}>
          {shownProblem}
        </p>
      ) : null}
      {!currency && !readOnly ? <FieldDescription description={unknownCurrency[language]} path={path} /> : null}
      {field.admin?.description ? <FieldDescription description={field.admin.description} path={path} /> : null}
    </div>
  )
}
