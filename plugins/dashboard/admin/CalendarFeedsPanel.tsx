'use client'
// The signed-in person's calendar feeds: subscribe a phone to the selected studio (or one of its rooms), then
// rotate or revoke a feed. The URL is shown once, right after create or rotate: the server keeps only a hash.
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Feed = { id: number; lastFetchedAt?: null | string; name: string; revokedAt?: null | string; room?: null | { id: number; name: string } | number; tenant?: null | { id: number; name: string } | number }
type Issued = { feed: { id: number }; url: string; webcalUrl: string }
type Problem = { errors?: { message: string }[] }

const TEXT = {
  en: {
    copied: 'Copied',
    copy: 'Copy',
    create: 'Create feed',
    failed: 'Your feeds could not be loaded.',
    intro: 'Subscribe to a studio or a room in your phone’s calendar. Times follow the studio’s time zone.',
    lastFetched: 'last fetched',
    name: 'Name',
    never: 'never fetched',
    none: 'No feeds yet.',
    pickStudio: 'Choose a studio in the studio selector to create a feed.',
    revoke: 'Revoke',
    revokeSure: 'Yes, revoke',
    revoked: 'revoked',
    rotate: 'New URL',
    shownOnce: 'Your feed URL, shown only now. Add it to your calendar app as a subscription:',
    subscribe: 'Open in calendar app',
    title: 'Calendar feeds',
    wholeStudio: 'Every room',
  },
  fr: {
    copied: 'Copié',
    copy: 'Copier',
    create: 'Créer le flux',
    failed: 'Vos flux n’ont pas pu être chargés.',
    intro: 'Abonnez l’agenda de votre téléphone à un studio ou à une salle. Les heures suivent le fuseau du studio.',
    lastFetched: 'dernière lecture',
    name: 'Nom',
    never: 'jamais lu',
    none: 'Aucun flux pour l’instant.',
    pickStudio: 'Choisissez un studio dans le sélecteur pour créer un flux.',
    revoke: 'Révoquer',
    revokeSure: 'Oui, révoquer',
    revoked: 'révoqué',
    rotate: 'Nouvelle URL',
    shownOnce: 'L’URL de votre flux, affichée une seule fois. Ajoutez-la comme abonnement dans votre agenda :',
    subscribe: 'Ouvrir dans l’agenda',
    title: 'Flux d’agenda',
    wholeStudio: 'Toutes les salles',
  },
} as const

const nameOf = (value: Feed['room'] | Feed['tenant']) => (value && typeof value === 'object' ? value.name : null)
const messageOf = async (response: Response) =>
  ((await response.json().catch(() => ({}))) as Problem).errors?.map((error) => error.message).join(' ') || `HTTP ${response.status}`

export function CalendarFeedsPanel() {
  const { config } = useConfig()
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const { selectedTenantID } = useTenantSelection()
  const text = i18n.language === 'fr' ? TEXT.fr : TEXT.en
  const api = `${config.serverURL}${config.routes.api}`
  const [feeds, setFeeds] = useState<Feed[]>([])
  const [rooms, setRooms] = useState<{ id: number; name: string }[]>([])
  const [name, setName] = useState('')
  const [room, setRoom] = useState('')
  const [issued, setIssued] = useState<Issued | null>(null)
  const [copied, setCopied] = useState(false)
  const [revokeAsked, setRevokeAsked] = useState<null | number>(null)
  const [error, setError] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!user) return
    const query = new URLSearchParams({ depth: '1', limit: '100', sort: '-createdAt', 'where[user][equals]': String(user.id) })
    const response = await fetch(`${api}/calendar-feeds?${query}`, { credentials: 'include' })
    if (!response.ok) return setError(text.failed)
    setFeeds(((await response.json()) as { docs: Feed[] }).docs)
  }, [api, text.failed, user])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    setRoom('')
    if (!selectedTenantID) return setRooms([])
    const query = new URLSearchParams({ depth: '0', limit: '200', sort: 'name', 'where[tenant][equals]': String(selectedTenantID) })
    // Without rooms:read the list stays empty and only whole-studio feeds are offered.
    void fetch(`${api}/rooms?${query}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { docs: { id: number; name: string }[] }).docs : []))
      .then(setRooms)
  }, [api, selectedTenantID])

  const post = async (path: string, body?: unknown): Promise<Response | null> => {
    setBusy(true)
    setError(null)
    const response = await fetch(`${api}${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    setBusy(false)
    if (!response.ok) {
      setError(await messageOf(response))
      return null
    }
    return response
  }
  const show = async (response: Response | null) => {
    if (!response) return
    setIssued((await response.json()) as Issued)
    setCopied(false)
    await load()
  }

  const create = async (event: React.FormEvent) => {
    event.preventDefault()
    const response = await post('/calendar/feeds', { name, ...(room ? { room: Number(room) } : {}), tenant: Number(selectedTenantID) })
    if (response) setName('')
    await show(response)
  }
  const revoke = async (id: number) => {
    if (revokeAsked !== id) return setRevokeAsked(id)
    setRevokeAsked(null)
    if (await post(`/calendar/feeds/${id}/revoke`)) await load()
  }

  if (!user) return null
  return (
    <section data-testid="calendar-feeds" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h3>{text.title}</h3>
      <p>{text.intro}</p>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-600, #b00020)' }}>
          {error}
        </p>
      )}
      {issued && (
        <div role="status" style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 'var(--base)', padding: 'var(--base)' }}>
          <p style={{ margin: '0 0 4px' }}>{text.shownOnce}</p>
          <code data-testid="calendar-feed-url" style={{ display: 'block', overflowWrap: 'anywhere', userSelect: 'all' }}>
            {issued.url}
          </code>
          <Button buttonStyle="secondary" onClick={() => void navigator.clipboard.writeText(issued.url).then(() => setCopied(true))} size="small">
            {copied ? text.copied : text.copy}
          </Button>{' '}
          <a href={issued.webcalUrl}>{text.subscribe}</a>
        </div>
      )}
      {feeds.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {feeds.map((feed) => (
            <li key={feed.id} style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)', marginBottom: 'calc(var(--base) / 2)' }}>
              <strong>{feed.name}</strong>
              <span>
                {[nameOf(feed.tenant), nameOf(feed.room) ?? text.wholeStudio].filter(Boolean).join(' · ')} —{' '}
                {feed.revokedAt ? text.revoked : feed.lastFetchedAt ? `${text.lastFetched} ${new Date(feed.lastFetchedAt).toLocaleString(i18n.language)}` : text.never}
              </span>
              {!feed.revokedAt && (
                <>
                  <Button buttonStyle="secondary" disabled={busy} onClick={() => void post(`/calendar/feeds/${feed.id}/rotate`).then(show)} size="small">
                    {text.rotate}
                  </Button>
                  <Button buttonStyle={revokeAsked === feed.id ? 'primary' : 'secondary'} disabled={busy} onClick={() => void revoke(feed.id)} size="small">
                    {revokeAsked === feed.id ? text.revokeSure : text.revoke}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {selectedTenantID ? (
        <form onSubmit={(event) => void create(event)} style={{ alignItems: 'end', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)' }}>
          <label>
            {text.name}
            <input maxLength={120} onChange={(event) => setName(event.target.value)} required value={name} />
          </label>
          <select aria-label="Room" onChange={(event) => setRoom(event.target.value)} value={room}>
            <option value="">{text.wholeStudio}</option>
            {rooms.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          <Button buttonStyle="primary" disabled={busy || !name.trim()} size="small" type="submit">
            {text.create}
          </Button>
        </form>
      ) : (
        <p>{text.pickStudio}</p>
      )}
    </section>
  )
}
