// Item 6 of the security review: a script within the per-IP request limit cannot fill a studio's calendar
// or someone's mailbox. Open unconfirmed public bookings are capped per address and per client IP at each
// studio (counted in PostgreSQL), and anonymous requests mail one address only so often an hour.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const EMAILS_PER_HOUR = 4

describe('limits on public bookings', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let otherStudio: Tenant
  let room: Room
  let otherRoom: Room
  let slot = 0

  /** A booking on the next free hour of `target` (several a day), for `email`, from `ip` (a new one unless given). */
  const bookFor = (email: string, ip?: string, target: { room: Room; tenant: Tenant } = { room, tenant: studio }) => {
    const index = slot++
    const daysAhead = 2 + Math.floor(index / 10)
    const hour = String(9 + (index % 10)).padStart(2, '0')
    return book(
      app.rest,
      {
        customer: { email, name: 'Someone' },
        end: localSlot(target.tenant, daysAhead, `${hour}:45`),
        room: target.room.id,
        start: localSlot(target.tenant, daysAhead, `${hour}:00`),
        tenant: target.tenant.slug,
      },
      ip,
    )
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_BOOKING_EMAILS_PER_HOUR: String(EMAILS_PER_HOUR), ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    studio = await createTenant(app.payload, { defaultLocale: 'en', name: 'Busy Studio' })
    otherStudio = await createTenant(app.payload, { defaultLocale: 'en', name: 'Other Studio' })
    for (const tenant of [studio, otherStudio]) await createDefaultPolicy(app.payload, tenant)
    const rules = { bufferMinutes: 0, leadTimeMinutes: 0, minMinutes: 30 }
    room = await createRoom(app.payload, studio, rules)
    otherRoom = await createRoom(app.payload, otherStudio, rules)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('a fourth open unconfirmed booking for one address at one studio is refused (429), from any IP; other studios and expired holds do not count', async () => {
    const victim = 'victim@example.test'
    const first = await bookFor(victim)
    for (let index = 0; index < 2; index += 1) expect((await bookFor(victim)).status).toBe(201)
    const refused = await bookFor(victim.toUpperCase())
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ code: 'too_many_open_bookings', errors: [{ message: expect.stringMatching(/confirm/i) }] })

    expect((await bookFor(victim, undefined, { room: otherRoom, tenant: otherStudio })).status).toBe(201)
    await app.payload.db.drizzle.execute(sql`update bookings set hold_expires_at = now() - interval '1 minute' where ref = ${first.body.ref}`)
    expect((await bookFor(victim)).status).toBe(201)
    expect((await bookFor(victim)).status).toBe(429)
  })

  it('a fourth open unconfirmed booking from one client IP at one studio is refused, whatever the addresses; the IP is not stored', async () => {
    const ip = '198.51.100.77'
    for (let index = 0; index < 3; index += 1) expect((await bookFor(`ip-${index}@example.test`, ip)).status).toBe(201)
    const refused = await bookFor('ip-3@example.test', ip)
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('too_many_open_bookings')
    expect((await bookFor('ip-3@example.test')).status).toBe(201)
    expect((await bookFor('ip-4@example.test', ip, { room: otherRoom, tenant: otherStudio })).status).toBe(201)

    const rows = (await app.payload.db.drizzle.execute(sql`select coalesce(string_agg(row_to_json(b)::text, ' '), '') as text from bookings b`)) as unknown as { rows: { text: string }[] }
    expect(rows.rows[0]!.text).not.toContain(ip)
  })

  it('concurrent bookings cannot get past the cap', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => bookFor('rush@example.test')))
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 429, 429, 429])
  })

  it(`anonymous requests send at most ${EMAILS_PER_HOUR} booking emails to one address an hour`, async () => {
    const target = 'mailbox@example.test'
    for (let index = 0; index < 3; index += 1) expect((await bookFor(target)).status).toBe(201)
    for (let index = 0; index < 2; index += 1) expect((await bookFor(target, undefined, { room: otherRoom, tenant: otherStudio })).status).toBe(201)
    await smtp.waitFor((mail) => mail.to.includes(target) && smtp.messages.filter((message) => message.to.includes(target)).length >= EMAILS_PER_HOUR)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.messages.filter((mail) => mail.to.includes(target))).toHaveLength(EMAILS_PER_HOUR)
  })
})
