'use client'
// Above the translations list: the keys a language lacks for the studio chosen in the admin (or the
// platform's, for operators without one), each filled in place: the studio's override is made or updated.
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Entry = { fallback: { locale: string; origin: string; value: string } | null; key: string; platformId: null | number; studioId: null | number }
type Report = { missing: Entry[]; total: number }

const LOCALES = ['fr', 'de', 'es', 'en']
const NAMESPACES = ['booking-page', 'emails']

const studioOfCookie = () => document.cookie.match(/(?:^|;\s*)payload-tenant=(\d+)/)?.[1] ?? null

export function MissingTranslations() {
  const { config } = useConfig()
  const { user } = useAuth()
  const api = `${config.serverURL}${config.routes.api}`
  const admin = `${config.serverURL}${config.routes.admin}`
  const [locale, setLocale] = useState('fr')
  const [namespace, setNamespace] = useState('booking-page')
  const [report, setReport] = useState<null | Report>(null)
  const [problem, setProblem] = useState<null | string>(null)
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [studio, setStudio] = useState<null | string>(null)

  useEffect(() => setStudio(studioOfCookie()), [])
  const load = useCallback(async () => {
    const query = `locale=${locale}&namespace=${namespace}${studio ? `&tenant=${studio}` : ''}`
    const response = await fetch(`${api}/i18n/missing?${query}`, { credentials: 'include' }).catch(() => null)
    if (!response?.ok) {
      setReport(null)
      setProblem(response?.status === 403 ? 'Choose a studio where you edit translations.' : 'The report could not be loaded.')
      return
    }
    setProblem(null)
    setReport((await response.json()) as Report)
  }, [api, locale, namespace, studio])
  useEffect(() => {
    if (user) void load()
  }, [load, user])

  const fill = async (entry: Entry) => {
    const value = drafts[entry.key]?.trim()
    if (!value) return
    const target = entry.studioId ?? (studio ? null : entry.platformId)
    const response = await fetch(target ? `${api}/translations/${target}?locale=${locale}` : `${api}/translations?locale=${locale}`, {
      body: JSON.stringify(target ? { value } : { key: entry.key, namespace, tenant: Number(studio), value }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: target ? 'PATCH' : 'POST',
    }).catch(() => null)
    if (!response?.ok) return setProblem(`${entry.key}: not saved (HTTP ${response?.status ?? 'error'}).`)
    await load()
  }

  return (
    <section aria-labelledby="missing-translations-title" data-testid="missing-translations" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="missing-translations-title">Missing translations</h2>
      <p>
        <label htmlFor="missing-locale">Language </label>
        <select id="missing-locale" onChange={(event) => setLocale(event.target.value)} value={locale}>
          {LOCALES.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>{' '}
        <label htmlFor="missing-namespace">Strings of </label>
        <select id="missing-namespace" onChange={(event) => setNamespace(event.target.value)} value={namespace}>
          {NAMESPACES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
      {report ? (
        <p>
          {report.missing.length} of {report.total} keys have no {locale} text here.
        </p>
      ) : null}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {report?.missing.slice(0, 50).map((entry) => (
          <li data-key={entry.key} key={entry.key} style={{ marginBottom: 8 }}>
            <code>{entry.key}</code>
            {entry.fallback ? <span> · shows “{entry.fallback.value}” ({entry.fallback.origin}, {entry.fallback.locale})</span> : null}{' '}
            <input aria-label={`${entry.key} in ${locale}`} onChange={(event) => setDrafts({ ...drafts, [entry.key]: event.target.value })} value={drafts[entry.key] ?? ''} />{' '}
            <button className="btn btn--style-secondary btn--size-small" onClick={() => void fill(entry)} style={{ margin: 0 }} type="button">
              Save
            </button>{' '}
            {entry.studioId ?? entry.platformId ? <a href={`${admin}/collections/translations/${entry.studioId ?? entry.platformId}?locale=${locale}`}>Edit</a> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
