// 100 customers race for one slot over real HTTP against the production build: exactly one gets it.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localSlot } from '../helpers/booking'
import { createStudio, type E2eApp, startE2eApp } from './harness'

describe('booking race over HTTP', () => {
  let e2e: E2eApp
  const tenant = { slug: `race-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris' }
  let roomId: number

  beforeAll(async () => {
    e2e = await startE2eApp({ ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    ;({ roomId } = await createStudio(e2e, { name: 'Race Studio', ...tenant }, { capacity: 1, maxMinutes: 120, name: 'The only room', slug: 'only' }))
  })
  afterAll(() => e2e?.stop())

  it('100 concurrent POST /api/public/booking for one slot: one 201, ninety-nine 409, one row', async () => {
    const start = localSlot(tenant, 14, '10:00')
    const end = localSlot(tenant, 14, '11:00')
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        e2e.api('POST', '/public/booking', { customer: { email: `c${index}@example.test`, name: `Customer ${index}` }, end, room: roomId, start, tenant: tenant.slug }, { asAdmin: false }),
      ),
    )
    expect(answers.filter(({ status }) => status === 201)).toHaveLength(1)
    const refused = answers.filter(({ status }) => status === 409)
    expect(refused).toHaveLength(99)
    expect(refused.every(({ body }) => body.code === 'slot_taken')).toBe(true)

    const client = new pg.Client({ connectionString: e2e.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query('select count(*)::int as n from bookings where room_id = $1', [roomId])
      expect(rows[0].n).toBe(1)
    } finally {
      await client.end()
    }
  })
})
