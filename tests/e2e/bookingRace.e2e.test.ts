// 100 customers race for one slot over real HTTP against the production build: exactly one gets it.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { localSlot } from '../helpers/booking'
import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'
import { freePort, startApp, type StartedApp, waitForHealth } from './app'

const ADMIN = { email: 'race-ops@studio.test', password: 'a-long-production-password' }

describe('booking race over HTTP', () => {
  let app: StartedApp
  let baseUrl: string
  let database: { name: string; url: string }
  let token: string
  const tenant = { slug: `race-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris' }
  let roomId: number

  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api${route}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method,
    })
    return { body: (await response.json()) as Record<string, unknown>, status: response.status }
  }

  beforeAll(async () => {
    database = await createThrowawayDatabase(inject('databaseServerUrl'), inject('testRunId'))
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    app = startApp({
      ATELIER_ADMIN_EMAIL: ADMIN.email,
      ATELIER_ADMIN_PASSWORD: ADMIN.password,
      ATELIER_PUBLIC_RATE_LIMIT: '1000',
      ATELIER_PUBLIC_URL: baseUrl,
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
    })
    await waitForHealth(baseUrl, app)
    const login = await fetch(`${baseUrl}/api/users/login`, { body: JSON.stringify(ADMIN), headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    token = ((await login.json()) as { token: string }).token
    const created = await api('POST', '/tenants', { defaultCurrency: 'EUR', name: 'Race Studio', slug: tenant.slug, timezone: tenant.timezone })
    expect(created.status).toBe(201)
    const tenantId = (created.body.doc as { id: number }).id
    const room = await api('POST', '/rooms', {
      active: true,
      bufferMinutes: 0,
      capacity: 1,
      hourlyRate: 2000,
      leadTimeMinutes: 0,
      maxMinutes: 120,
      minMinutes: 60,
      name: 'The only room',
      openingHours: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((weekday) => ({ closes: '20:00', opens: '08:00', weekday })),
      slotStepMinutes: 60,
      slug: 'only',
      tenant: tenantId,
    })
    expect(room.status).toBe(201)
    roomId = (room.body.doc as { id: number }).id
  })

  afterAll(async () => {
    app?.process.kill('SIGTERM')
    await app?.exit
    if (database) await dropDatabase(inject('databaseServerUrl'), database.name)
  })

  it('100 concurrent POST /api/public/booking for one slot: one 201, ninety-nine 409, one row', async () => {
    const start = localSlot(tenant, 14, '10:00')
    const end = localSlot(tenant, 14, '11:00')
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        fetch(`${baseUrl}/api/public/booking`, {
          body: JSON.stringify({ customer: { email: `c${index}@example.test`, name: `Customer ${index}` }, end, room: roomId, start, tenant: tenant.slug }),
          headers: { 'Content-Type': 'application/json' },
          method: 'POST',
        }).then(async (response) => ({ body: (await response.json()) as { code?: string }, status: response.status })),
      ),
    )
    expect(statuses.filter(({ status }) => status === 201)).toHaveLength(1)
    const refused = statuses.filter(({ status }) => status === 409)
    expect(refused).toHaveLength(99)
    expect(refused.every(({ body }) => body.code === 'slot_taken')).toBe(true)

    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const { rows } = await client.query('select count(*)::int as n from bookings where room_id = $1', [roomId])
      expect(rows[0].n).toBe(1)
    } finally {
      await client.end()
    }
  })
})
