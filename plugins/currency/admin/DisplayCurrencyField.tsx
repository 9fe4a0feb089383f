'use client'
// The person's display currency on their own account page: a menu of the active currencies saved at once
// through PUT /api/user/currency (the field itself is not written by the form). Others' accounts show it read-only.
import type { TextFieldClientProps } from 'payload'

import { FieldLabel, useAuth, useConfig, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { DISPLAY_CURRENCY_CHANGED } from '../services/displayEvents'

type Currency = { code: string; name: string }

const TEXT = {
  en: { failed: 'Not saved: ', none: 'As charged (no conversion)', saved: 'Saved.' },
  fr: { failed: 'Non enregistré : ', none: 'Telle que facturée (sans conversion)', saved: 'Enregistré.' },
}

export function DisplayCurrencyField({ field, path: pathFromProps }: TextFieldClientProps) {
  const path = pathFromProps ?? field.name
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language.startsWith('fr') ? 'fr' : 'en']
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const { value } = useField<null | string>({ path })
  const [chosen, setChosen] = useState<string>(value ?? '')
  const [currencies, setCurrencies] = useState<Currency[]>([])
  const [status, setStatus] = useState<null | string>(null)
  const own = Boolean(user) && id !== undefined && String(user?.id) === String(id)

  useEffect(() => setChosen(value ?? ''), [value])
  useEffect(() => {
    if (!own) return
    const query = `limit=200&depth=0&sort=code&locale=${encodeURIComponent(i18n.language)}&select[code]=true&select[name]=true&where[active][equals]=true`
    void fetch(`${api}/currencies?${query}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { docs: Currency[] }).docs : []))
      .then(setCurrencies, () => setCurrencies([]))
  }, [api, i18n.language, own])

  const save = async (next: string) => {
    const previous = chosen
    setChosen(next)
    setStatus(null)
    const response = await fetch(`${api}/user/currency`, {
      body: JSON.stringify({ currency: next || null }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'PUT',
    }).catch(() => null)
    if (response?.ok) {
      setStatus(text.saved)
      window.dispatchEvent(new Event(DISPLAY_CURRENCY_CHANGED))
      return
    }
    setChosen(previous)
    const body = (await response?.json().catch(() => null)) as { errors?: { message: string }[] } | null
    setStatus(`${text.failed}${body?.errors?.[0]?.message ?? String(response?.status ?? '')}`)
  }

  return (
    <div className="field-type text" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel htmlFor={`field-${path}`} label={field.label} path={path} />
      {own ? (
        <select id={`field-${path}`} onChange={(event) => void save(event.target.value)} value={chosen}>
          <option value="">{text.none}</option>
          {currencies.map((currency) => (
            <option key={currency.code} value={currency.code}>
              {currency.code} · {currency.name}
            </option>
          ))}
        </select>
      ) : (
        <p id={`field-${path}`}>{chosen || text.none}</p>
      )}
      {status ? <p role="status">{status}</p> : null}
      {typeof field.admin?.description === 'string' ? <p className="field-description">{field.admin.description}</p> : null}
    </div>
  )
}
