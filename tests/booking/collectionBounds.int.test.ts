// The rooms' and policies' number fields keep their min/max: their whole-number validators run Payload's own check too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let tenant: Tenant
beforeAll(async () => {
  app = await startTestApp()
  tenant = await createTenant(app.payload)
})
afterAll(() => app?.close())

const room = (overrides: Record<string, unknown>) => ({ capacity: 1, hourlyRate: 2500, name: 'Room', slug: `room-${Math.random().toString(36).slice(2, 8)}`, ...overrides })

describe('number bounds', () => {
  it.each([
    ['a negative hourly rate', { hourlyRate: -1 }, 'hourlyRate'],
    ['a fractional hourly rate', { hourlyRate: 10.5 }, 'hourlyRate'],
    ['a negative buffer', { bufferMinutes: -5 }, 'bufferMinutes'],
    ['a minimum below 15 minutes', { minMinutes: 1 }, 'minMinutes'],
  ])('refuses a room with %s', async (_, overrides, path) => {
    const error = await app.payload.create({ collection: 'rooms', data: { ...room(overrides), tenant: tenant.id } as never }).catch((caught: { data?: { errors?: { path: string }[] } }) => caught)
    expect((error as { data?: { errors?: { path: string }[] } }).data?.errors?.map((entry) => entry.path)).toContain(path)
  })

  it('accepts a room within bounds, and refuses a negative fixed deposit', async () => {
    await expect(app.payload.create({ collection: 'rooms', data: { ...room({ bufferMinutes: 0, minMinutes: 15 }), tenant: tenant.id } as never })).resolves.toMatchObject({ hourlyRate: 2500 })
    const error = await app.payload
      .create({ collection: 'booking-policies', data: { depositAmount: -100, depositType: 'fixed', holdMinutes: 30, name: 'Bad', tenant: tenant.id } })
      .catch((caught: { data?: { errors?: { path: string }[] } }) => caught)
    expect((error as { data?: { errors?: { path: string }[] } }).data?.errors?.map((entry) => entry.path)).toContain('depositAmount')
  })
})
