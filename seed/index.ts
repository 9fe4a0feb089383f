// Idempotent bootstrap: the super admin, and optionally the demo studios. Safe to run on every start.
import type { Payload } from 'payload'

import type { Tenant } from '../payload-types'

import { addDays, localDateOf, zonedDateTimeToInstant } from '../plugins/booking/services/zonedTime'
import { DEFAULT_DARK, DEFAULT_LIGHT } from '../plugins/themes'
import { DEMO_TENANTS, type DemoTenant } from './demo'
import { idOf } from '../utilities/idOf'

export type SeedResult = { createdArtists: number; createdBookings: number; createdRooms: number; createdTenants: number; createdUsers: number }

export async function ensureSuperAdmin(payload: Payload, email: string, password: string): Promise<boolean> {
  const existing = await payload.count({ collection: 'users', where: { email: { equals: email } } })
  if (existing.totalDocs > 0) return false
  await payload.create({ collection: 'users', data: { name: 'Super Admin', email, password, superAdmin: true } })
  return true
}

export const isDatabaseEmpty = async (payload: Payload): Promise<boolean> =>
  (await payload.count({ collection: 'users' })).totalDocs === 0 &&
  (await payload.count({ collection: 'tenants' })).totalDocs === 0

/** Creates what is missing of the demo; never overwrites a password or an edited field. */
export async function seedDemo(payload: Payload, demoPassword: string): Promise<SeedResult> {
  const result: SeedResult = { createdArtists: 0, createdBookings: 0, createdRooms: 0, createdTenants: 0, createdUsers: 0 }
  for (const demo of DEMO_TENANTS) {
    const found = await payload.find({ collection: 'tenants', limit: 1, where: { slug: { equals: demo.slug } } })
    let tenant = found.docs[0]
    if (!tenant) {
      tenant = await payload.create({
        collection: 'tenants',
        data: {
          name: demo.name,
          defaultCurrency: demo.currency,
          defaultLocale: demo.locale,
          slug: demo.slug,
          status: 'active',
          timezone: demo.timezone,
        },
      })
      result.createdTenants++
    }
    for (const person of demo.people) {
      const users = await payload.find({ collection: 'users', limit: 1, where: { email: { equals: person.email } } })
      const user = users.docs[0]
      if (!user) {
        await payload.create({
          collection: 'users',
          data: {
            name: person.name,
            email: person.email,
            password: demoPassword,
            tenants: [{ role: person.role, tenant: tenant.id }],
          },
        })
        result.createdUsers++
      } else if (!user.tenants?.some((membership) => String(idOf(membership.tenant)) === String(tenant.id))) {
        await payload.update({
          id: user.id,
          collection: 'users',
          data: { tenants: [...(user.tenants ?? []), { role: person.role, tenant: tenant.id }] },
        })
      }
    }
    for (const artist of demo.artists) {
      const existing = await payload.count({ collection: 'artists', where: { and: [{ email: { equals: artist.email } }, { tenant: { equals: tenant.id } }] } })
      if (existing.totalDocs > 0) continue
      await payload.create({
        collection: 'artists',
        data: { name: artist.name, bio: paragraph(artist.bio), email: artist.email, status: 'pending', tenant: tenant.id },
        locale: demo.locale,
      })
      result.createdArtists++
    }
    await seedBooking(payload, tenant, demo, result)
    await seedTheme(payload, tenant, demo)
  }
  return result
}

/** The studio's own default theme, unless it has one. */
async function seedTheme(payload: Payload, tenant: Tenant, demo: DemoTenant) {
  const themes = await payload.count({ collection: 'themes', where: { and: [{ tenant: { equals: tenant.id } }, { isDefault: { equals: true } }] } })
  if (themes.totalDocs > 0) return
  const { dark, light, name } = demo.theme
  await payload.create({ collection: 'themes', data: { dark: { ...DEFAULT_DARK, ...dark }, isDefault: true, light: { ...DEFAULT_LIGHT, ...light }, name, tenant: tenant.id } })
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const
const WEEKEND = ['saturday', 'sunday'] as const

/** A default policy, three rooms, and two bookings in each new room over the coming days. */
async function seedBooking(payload: Payload, tenant: Tenant, demo: DemoTenant, result: SeedResult) {
  const policies = await payload.count({ collection: 'booking-policies', where: { and: [{ tenant: { equals: tenant.id } }, { isDefault: { equals: true } }] } })
  if (policies.totalDocs === 0) {
    await payload.create({
      collection: 'booking-policies',
      data: { autoConfirmOnDeposit: true, depositPercent: 30, depositType: 'percentage', holdMinutes: 30, isDefault: true, name: demo.locale === 'fr' ? 'Conditions standard' : 'Standard terms', tenant: tenant.id },
    })
  }
  for (const [index, room] of demo.rooms.entries()) {
    const existing = await payload.count({ collection: 'rooms', where: { and: [{ slug: { equals: room.slug } }, { tenant: { equals: tenant.id } }] } })
    if (existing.totalDocs > 0) continue
    const days = room.weekend ? [...WEEKDAYS, ...WEEKEND] : WEEKDAYS
    const created = await payload.create({
      collection: 'rooms',
      data: {
        active: true,
        bufferMinutes: 15,
        capacity: room.capacity,
        hourlyRate: room.hourlyRate,
        leadTimeMinutes: 120,
        maxMinutes: 240,
        minMinutes: 60,
        name: room.name,
        openingHours: days.map((weekday) => ({ closes: room.closes, opens: room.opens, weekday })),
        slotStepMinutes: 30,
        slug: room.slug,
        tenant: tenant.id,
      },
    })
    result.createdRooms++
    for (const daysAhead of [2 + index, 5 + index]) {
      const start = zonedDateTimeToInstant(addDays(localDateOf(new Date(), tenant.timezone), daysAhead), '14:00', tenant.timezone)
      await payload.create({
        collection: 'bookings',
        data: {
          customer: { email: `client${daysAhead}@example.test`, name: `Demo client ${daysAhead}` },
          end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
          room: created.id,
          start: start.toISOString(),
          status: 'pending',
          tenant: tenant.id,
        },
      })
      result.createdBookings++
    }
  }
}

/** Rich text holding one paragraph of plain text. */
const paragraph = (text: string) => ({
  root: {
    children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: 'ltr' as const, format: '' as const, indent: 0, type: 'paragraph', version: 1 }],
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    type: 'root',
    version: 1,
  },
})
