// Languages and translations over REST: the language list, a person's language (the admin's cookie and their
// emails follow it), a visitor's cookie, the lookup order with a studio's override, and the missing report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { messagesFor } from '../../plugins/i18n'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Missing = { missing: { fallback: { locale: string; origin: string; value: string } | null; key: string; platformId: null | number; studioId: null | number }[]; total: number }

describe('languages and translations', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let other: Tenant
  let editor: string

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    studio = await createTenant(app.payload)
    other = await createTenant(app.payload)
    editor = await app.rest.login((await createUser(app.payload, [{ role: 'editor', tenant: studio }])).email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('lists the platform’s languages, each with its admin translation', async () => {
    const answer = await app.rest.get('/i18n/languages')
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual([
      { adminSupported: true, code: 'en', label: 'English', nativeLabel: 'English' },
      { adminSupported: true, code: 'fr', label: 'French', nativeLabel: 'Français' },
      { adminSupported: true, code: 'de', label: 'German', nativeLabel: 'Deutsch' },
      { adminSupported: true, code: 'es', label: 'Spanish', nativeLabel: 'Español' },
    ])
  })

  it('saves a person’s language: the admin’s cookie, and the password email in it', async () => {
    const person = await createUser(app.payload, [])
    const token = await app.rest.login(person.email, PASSWORD)
    const set = await app.rest.post('/i18n/set', { language: 'fr' }, { token })
    expect(set.status).toBe(200)
    expect(set.headers.get('set-cookie')).toMatch(/^payload-lng=fr; Path=\/; Max-Age=31536000; SameSite=Lax$/)
    expect((await app.payload.findByID({ collection: 'users', id: person.id })).languagePreference).toBe('fr')
    await app.rest.post('/users/forgot-password', { email: person.email })
    const mail = await smtp.waitFor((message) => message.to.includes(person.email))
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Atelier')
    expect(mail.body).toContain('Le lien expire dans une heure.')

    for (const body of [{ language: 'it' }, { language: 'fr', extra: 1 }, {}]) expect((await app.rest.post('/i18n/set', body, { token })).status, JSON.stringify(body)).toBe(400)
    expect((await app.rest.post('/i18n/set', { language: 'fr' })).status).toBe(401)
  })

  it('sets a visitor’s language in a cookie, without login', async () => {
    const answer = await app.rest.post('/i18n/set-session', { language: 'de' })
    expect(answer.status).toBe(200)
    // The test server's public URL is http: no Secure flag.
    expect(answer.headers.get('set-cookie')).toBe('atelier-lang=de; Path=/; Max-Age=31536000; SameSite=Lax')
    expect((await app.rest.post('/i18n/set-session', { language: 'xx' })).status).toBe(400)
  })

  it('looks a string up: the studio’s override, then the platform’s, then English', async () => {
    const emails = (tenantId: null | number, locale: string) => messagesFor(app.payload, { locale, namespace: 'emails', tenantId })
    expect((await emails(studio.id, 'fr'))['booking.label.room']).toBe('Salle')
    // German has no platform value yet: English.
    expect((await emails(studio.id, 'de'))['booking.label.room']).toBe('Room')
    const made = await app.rest.post('/translations?locale=de', { key: 'booking.label.room', namespace: 'emails', tenant: studio.id, value: 'Raum' }, { token: editor })
    expect(made.status).toBe(201)
    // Seen at once on this node (the cache forgets on change), and only by that studio.
    expect((await emails(studio.id, 'de'))['booking.label.room']).toBe('Raum')
    expect((await emails(other.id, 'de'))['booking.label.room']).toBe('Room')
    expect((await emails(studio.id, 'fr'))['booking.label.room']).toBe('Salle')
  })

  it('reports the keys missing in a locale, before and after an editor fills one', async () => {
    const report = async () => (await (await app.rest.get(`/i18n/missing?locale=es&namespace=emails&tenant=${studio.id}`, { token: editor })).json()) as Missing
    const before = await report()
    expect(before.total).toBeGreaterThan(10)
    expect(before.missing.find((entry) => entry.key === 'booking.label.price')).toEqual({
      fallback: { locale: 'en', origin: 'platform', value: 'Price' },
      key: 'booking.label.price',
      platformId: expect.any(Number),
      studioId: null,
    })
    await app.rest.post('/translations?locale=es', { key: 'booking.label.price', namespace: 'emails', tenant: studio.id, value: 'Precio' }, { token: editor })
    const after = await report()
    expect(after.missing.map((entry) => entry.key)).not.toContain('booking.label.price')
    expect(after.missing).toHaveLength(before.missing.length - 1)
  })

  it('lets a studio override the platform’s keys only, and takes its strings away with it', async () => {
    const invented = await app.rest.post('/translations', { key: 'booking.invented.key', namespace: 'emails', tenant: studio.id, value: 'x'.repeat(2000) }, { token: editor })
    expect(invented.status).toBe(400)
    expect(JSON.stringify(await invented.json())).toContain('The platform has no string booking.invented.key in emails to override.')
    const leaving = await createTenant(app.payload)
    const override = await app.payload.create({ collection: 'translations', data: { key: 'booking.label.room', namespace: 'emails', tenant: leaving.id, value: 'Studio room' } })
    await app.payload.delete({ collection: 'tenants', id: leaving.id })
    expect((await app.payload.find({ collection: 'translations', where: { id: { equals: override.id } } })).docs).toEqual([])
    expect((await messagesFor(app.payload, { locale: 'en', namespace: 'emails', tenantId: null }))['booking.label.room']).toBe('Room')
  })

  it('keeps studios apart and the platform’s strings to operators', async () => {
    const artist = await app.rest.login((await createUser(app.payload, [{ role: 'artist', tenant: studio }])).email, PASSWORD)
    const inOther = await app.rest.post('/translations', { key: 'booking.label.when', namespace: 'emails', tenant: other.id, value: 'x' }, { token: editor })
    expect(inOther.status).toBe(403)
    expect((await app.rest.post('/translations', { key: 'booking.label.when', namespace: 'emails', value: 'x' }, { token: editor })).status).toBe(403)
    expect((await app.rest.post('/translations', { key: 'booking.label.when', namespace: 'emails', tenant: studio.id, value: 'x' }, { token: artist })).status).toBe(403)
    const platform = (await app.payload.find({ collection: 'translations', where: { and: [{ key: { equals: 'booking.label.when' } }, { tenant: { exists: false } }] } })).docs[0]!
    await app.rest.patch(`/translations/${platform.id}`, { value: 'Hacked' }, { token: editor })
    expect((await app.payload.findByID({ collection: 'translations', id: platform.id, locale: 'en' })).value).toBe('When')
    expect((await app.rest.get(`/i18n/missing?locale=es&namespace=emails&tenant=${other.id}`, { token: editor })).status).toBe(403)
    for (const query of ['locale=xx&namespace=emails', 'locale=es&namespace=nope', 'namespace=emails', `locale=es&namespace=emails&tenant=abc`]) {
      expect((await app.rest.get(`/i18n/missing?${query}`, { token: editor })).status, query).toBe(400)
    }
    expect((await app.rest.get('/i18n/missing?locale=es&namespace=emails')).status).toBe(401)
  })
})
