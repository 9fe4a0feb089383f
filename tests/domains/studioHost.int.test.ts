// The public API on a studio's own host: the host names the studio when the request does not, a request
// naming another studio is refused, another studio's rooms and bookings are not there; links use the primary host.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Room, Tenant } from '../../payload-types'

import { studioPageUrl } from '../../plugins/booking'
import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot, publicGet } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'

type Studio = { domain: Domain; room: Room; tenant: Tenant }

describe('custom domains: the public API on a studio’s own host', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let lumiere: Studio
  let nord: Studio

  const studio = async (status: Domain['status']): Promise<Studio> => {
    const tenant = await createTenant(app.payload, { timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, tenant)
    const room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0 })
    const hostname = `book.${randomBytes(3).toString('hex')}.example`
    const pending = await app.payload.create({ collection: 'domains', data: { hostname, status: 'pending', tenant: tenant.id } })
    const domain = status === 'pending' ? pending : await app.payload.update({ id: pending.id, collection: 'domains', data: { status } })
    return { domain, room, tenant }
  }
  const bookingBody = (target: Studio, day: number, tenant?: string) => ({
    customer: { email: `guest-${randomBytes(3).toString('hex')}@example.com`, name: 'Mme Durand' },
    end: localSlot(target.tenant, day, '11:00'),
    room: target.room.id,
    start: localSlot(target.tenant, day, '10:00'),
    ...(tenant ? { tenant } : {}),
  })
  const bookOn = async (host: string, body: Record<string, unknown>) => {
    const response = await app.rest.post('/public/booking', body, { headers: { Host: host, 'X-Forwarded-For': anotherAddress() } })
    return { body: (await response.json()) as { accessToken: string; code?: string; errors?: { path?: string }[]; ref: string }, status: response.status }
  }
  const bookingCount = async (tenant: Tenant) => (await app.payload.count({ collection: 'bookings', where: { tenant: { equals: tenant.id } } })).totalDocs

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_URL: 'https://atelier.example.com' })
    lumiere = await studio('verified')
    nord = await studio('active')
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('books at the host’s studio when the body names none, with or without a port in the Host', async () => {
    const before = await bookingCount(lumiere.tenant)
    const created = await bookOn(lumiere.domain.hostname, bookingBody(lumiere, 3))
    expect(created.status).toBe(201)
    const withPort = await bookOn(`${lumiere.domain.hostname.toUpperCase()}:8443`, bookingBody(lumiere, 4))
    expect(withPort.status).toBe(201)
    expect(await bookingCount(lumiere.tenant)).toBe(before + 2)
    const stored = await app.payload.find({ collection: 'bookings', depth: 0, where: { ref: { equals: created.body.ref } } })
    expect(stored.docs[0]?.tenant).toBe(lumiere.tenant.id)
  })

  it('accepts a body naming the host’s own studio, and refuses one naming another with 400 tenant_mismatch', async () => {
    expect((await bookOn(lumiere.domain.hostname, bookingBody(lumiere, 5, lumiere.tenant.slug))).status).toBe(201)
    const before = await bookingCount(nord.tenant)
    const mismatch = await bookOn(lumiere.domain.hostname, bookingBody(nord, 5, nord.tenant.slug))
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.code).toBe('tenant_mismatch')
    expect(mismatch.body.errors?.[0]?.path).toBe('tenant')
    expect(await bookingCount(nord.tenant)).toBe(before)
  })

  it('refuses another studio’s room on the host without naming a studio (404), and names none on the platform (400)', async () => {
    expect((await bookOn(lumiere.domain.hostname, bookingBody(nord, 6))).status).toBe(404)
    const onPlatform = await bookOn('atelier.example.com', bookingBody(lumiere, 6))
    expect(onPlatform.status).toBe(400)
    expect(onPlatform.body.errors?.[0]?.path).toBe('tenant')
  })

  it('treats a host whose domain is only pending as no studio’s', async () => {
    const pending = await studio('pending')
    const response = await bookOn(pending.domain.hostname, bookingBody(pending, 3))
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.path).toBe('tenant')
    expect(await bookingCount(pending.tenant)).toBe(0)
  })

  it('lists rooms and availability of the host’s studio only', async () => {
    const host = { Host: lumiere.domain.hostname }
    expect((await publicGet(app.rest, `/public/tenants/${lumiere.tenant.slug}/rooms`, host)).status).toBe(200)
    const other = await publicGet(app.rest, `/public/tenants/${nord.tenant.slug}/rooms`, host)
    expect(other.status).toBe(400)
    expect(((await other.json()) as { code?: string }).code).toBe('tenant_mismatch')
    const from = localSlot(lumiere.tenant, 1, '00:00').slice(0, 10)
    const to = localSlot(lumiere.tenant, 3, '00:00').slice(0, 10)
    expect((await publicGet(app.rest, `/public/rooms/${lumiere.room.id}/availability?from=${from}&to=${to}`, host)).status).toBe(200)
    expect((await publicGet(app.rest, `/public/rooms/${nord.room.id}/availability?from=${from}&to=${to}`, host)).status).toBe(404)
    expect((await publicGet(app.rest, `/public/rooms/${nord.room.id}/availability?from=${from}&to=${to}`)).status).toBe(200)
  })

  it('shows a customer’s booking on its studio’s host and on the platform, not on another studio’s host', async () => {
    const created = await book(app.rest, bookingBody(nord, 7, nord.tenant.slug))
    expect(created.status).toBe(201)
    const read = (host?: string) =>
      publicGet(app.rest, `/public/booking/${created.body.ref}`, { 'X-Booking-Token': created.body.accessToken, ...(host ? { Host: host } : {}) }).then((response) => response.status)
    expect(await read()).toBe(200)
    expect(await read(nord.domain.hostname)).toBe(200)
    expect(await read(lumiere.domain.hostname)).toBe(404)
  })

  it('links the booking page to the primary host once it is set, and keeps links with access codes on the platform', async () => {
    expect(await studioPageUrl({ payload: app.payload }, nord.tenant)).toBe(`https://atelier.example.com/${nord.tenant.slug}/book`)
    await app.payload.update({ id: nord.domain.id, collection: 'domains', data: { primary: true } })
    expect(await studioPageUrl({ payload: app.payload }, nord.tenant)).toBe(`https://${nord.domain.hostname}/`)
    expect(await studioPageUrl({ payload: app.payload }, nord.tenant, 'ABC')).toBe(`https://atelier.example.com/${nord.tenant.slug}/book/ABC`)
    const body = bookingBody(nord, 8, nord.tenant.slug)
    const created = await book(app.rest, body)
    expect(created.status).toBe(201)
    const mail = await smtp.waitFor((message) => message.to.includes(body.customer.email))
    expect(mail.body).toContain(`https://atelier.example.com/${nord.tenant.slug}/book/${created.body.ref}?token=`)
    expect(mail.body).not.toContain(nord.domain.hostname)
    // Records found missing: the domain is no longer anyone's primary host.
    await app.payload.update({ id: nord.domain.id, collection: 'domains', data: { failingSince: new Date().toISOString() } })
    expect(await studioPageUrl({ payload: app.payload }, nord.tenant)).toBe(`https://atelier.example.com/${nord.tenant.slug}/book`)
  })

  it('lists a lookup link’s bookings of the host’s studio only', async () => {
    const email = `both-${randomBytes(3).toString('hex')}@example.com`
    const inNord = bookingBody(nord, 9, nord.tenant.slug)
    const inLumiere = bookingBody(lumiere, 9, lumiere.tenant.slug)
    expect((await book(app.rest, { ...inNord, customer: { email, name: 'Both' } })).status).toBe(201)
    expect((await book(app.rest, { ...inLumiere, customer: { email, name: 'Both' } })).status).toBe(201)
    // The "your bookings" link, asked for as a customer would.
    expect((await publicGet(app.rest, `/public/bookings/search?email=${encodeURIComponent(email)}`)).status).toBe(202)
    await app.payload.jobs.run()
    const mail = await smtp.waitFor((message) => message.subject === 'Your bookings' && message.to.includes(email))
    const token = /bookings\?token=([\w.-]+)/.exec(mail.body)![1]!
    const list = async (host?: string) => {
      const response = await publicGet(app.rest, `/public/bookings?token=${encodeURIComponent(token)}`, host ? { Host: host } : {})
      return ((await response.json()) as { bookings: { studio: { slug: string } }[] }).bookings.map((entry) => entry.studio.slug).sort()
    }
    expect(await list()).toEqual([lumiere.tenant.slug, nord.tenant.slug].sort())
    expect(await list(lumiere.domain.hostname)).toEqual([lumiere.tenant.slug])
  })
})
