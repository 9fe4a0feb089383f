import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureSuperAdmin, isDatabaseEmpty, seedDemo } from '../../seed'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('seed', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app.close())

  it('builds the demo once, and a second run changes nothing', async () => {
    expect(await isDatabaseEmpty(app.payload)).toBe(true)
    expect(await ensureSuperAdmin(app.payload, 'root@atelier.test', 'root-password')).toBe(true)
    expect(await seedDemo(app.payload, 'demo-password')).toEqual({ createdArtists: 4, createdBookings: 12, createdRooms: 6, createdTenants: 2, createdUsers: 8 })

    expect(await ensureSuperAdmin(app.payload, 'root@atelier.test', 'root-password')).toBe(false)
    expect(await seedDemo(app.payload, 'demo-password')).toEqual({ createdArtists: 0, createdBookings: 0, createdRooms: 0, createdTenants: 0, createdUsers: 0 })
    expect((await app.payload.count({ collection: 'users' })).totalDocs).toBe(9)
  })

  it('gives each studio its zone, currency and four roles', async () => {
    const { docs: tenants } = await app.payload.find({ collection: 'tenants', sort: 'name' })
    expect(tenants.map(({ name, defaultCurrency, timezone }) => ({ name, defaultCurrency, timezone }))).toEqual([
      { name: 'Galerie Martin', defaultCurrency: 'CAD', timezone: 'America/Montreal' },
      { name: 'Studio Lumière', defaultCurrency: 'EUR', timezone: 'Europe/Paris' },
    ])
    for (const tenant of tenants) {
      const { docs: members } = await app.payload.find({
        collection: 'users',
        depth: 0,
        where: { 'tenants.tenant': { equals: tenant.id } },
      })
      expect(members.map((member) => member.tenants?.[0]?.role).sort()).toEqual(['admin', 'editor', 'owner', 'staff'])
    }
  })

  it('gives each studio a default policy and three rooms with opening hours, and bookings that hold their slots', async () => {
    const { docs: tenants } = await app.payload.find({ collection: 'tenants' })
    for (const tenant of tenants) {
      const rooms = await app.payload.find({ collection: 'rooms', where: { tenant: { equals: tenant.id } } })
      expect(rooms.totalDocs).toBe(3)
      expect(rooms.docs.every((room) => (room.openingHours?.length ?? 0) >= 5)).toBe(true)
      expect((await app.payload.count({ collection: 'booking-policies', where: { and: [{ tenant: { equals: tenant.id } }, { isDefault: { equals: true } }] } })).totalDocs).toBe(1)
    }
    const { docs: bookings } = await app.payload.find({ collection: 'bookings', limit: 1 })
    expect(bookings[0]).toMatchObject({ source: 'staff', status: 'pending' })
    expect(bookings[0]!.price).toBeGreaterThan(0)
  })

  it('lets the seeded people log in over REST', async () => {
    expect(await app.rest.login('owner@lumiere.atelier.test', 'demo-password')).toBeTruthy()
    expect(await app.rest.login('root@atelier.test', 'root-password')).toBeTruthy()
  })
})
