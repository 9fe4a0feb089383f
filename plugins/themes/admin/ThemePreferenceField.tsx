'use client'
// On one's own account page: the admin's theme (light, dark, the system's, or dark on a schedule) and one's
// accent colours, saved at once through PUT /api/user/theme and /api/user/custom-colors. Others' accounts: nothing.
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

import { ADMIN_THEME_CHANGED } from './AdminThemeProvider'

async function put(path: string, body: unknown): Promise<null | string> {
  const response = await fetch(`/api${path}`, { body: JSON.stringify(body), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'PUT' }).catch(() => null)
  if (response?.ok) return null
  const answer = (await response?.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return answer?.errors?.map((error) => error.message).join(' ') ?? 'Not saved.'
}

export function ThemePreferenceField() {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  // The account document as loaded in the form (these fields are readable by their person only).
  const stored = useFormFields(([fields]) => {
    const text = (path: string) => (typeof fields[path]?.value === 'string' ? (fields[path].value as string) : '')
    return { accent: text('customColors.accent'), darkFrom: text('themePreference.darkFrom'), darkUntil: text('themePreference.darkUntil'), mode: text('themePreference.mode'), primary: text('customColors.primary') }
  })
  const [mode, setMode] = useState(stored.mode || 'auto')
  const [darkFrom, setDarkFrom] = useState(stored.darkFrom || '20:00')
  const [darkUntil, setDarkUntil] = useState(stored.darkUntil || '07:00')
  const [primary, setPrimary] = useState(stored.primary)
  const [accent, setAccent] = useState(stored.accent)
  const [status, setStatus] = useState<null | string>(null)
  if (!user || String(user.id) !== String(id)) return null

  const save = async () => {
    setStatus(null)
    const themeProblem = await put('/user/theme', { mode, ...(mode === 'scheduled' ? { schedule: { darkFrom, darkUntil } } : {}) })
    const colourProblem = await put('/user/custom-colors', { accent: accent || null, primary: primary || null })
    setStatus(themeProblem ?? colourProblem ?? 'Saved.')
    if (!themeProblem && !colourProblem) window.dispatchEvent(new Event(ADMIN_THEME_CHANGED))
  }

  return (
    <fieldset data-testid="admin-theme" style={{ border: 0, margin: '0 0 var(--base)', padding: 0 }}>
      <legend className="field-label">Admin theme</legend>
      <label htmlFor="admin-theme-mode">Mode</label>
      <select id="admin-theme-mode" onChange={(event) => setMode(event.target.value)} value={mode}>
        <option value="auto">As the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
        <option value="scheduled">Dark on a schedule</option>
      </select>
      {mode === 'scheduled' ? (
        <p>
          <label htmlFor="admin-theme-from">Dark from </label>
          <input id="admin-theme-from" onChange={(event) => setDarkFrom(event.target.value)} type="time" value={darkFrom} />
          <label htmlFor="admin-theme-until"> until </label>
          <input id="admin-theme-until" onChange={(event) => setDarkUntil(event.target.value)} type="time" value={darkUntil} />
        </p>
      ) : null}
      <p>
        <label htmlFor="admin-theme-primary">Primary colour </label>
        <input id="admin-theme-primary" onChange={(event) => setPrimary(event.target.value)} placeholder="#2563eb" size={8} type="text" value={primary} />
        <label htmlFor="admin-theme-accent"> Accent </label>
        <input id="admin-theme-accent" onChange={(event) => setAccent(event.target.value)} placeholder="#0d9488" size={8} type="text" value={accent} />
      </p>
      <button className="btn btn--style-secondary btn--size-small" onClick={() => void save()} type="button">
        Save my theme
      </button>
      {status ? <p role="status">{status}</p> : null}
    </fieldset>
  )
}
