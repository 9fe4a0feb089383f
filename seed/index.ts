// Idempotent bootstrap: the super admin, and optionally the demo studios. Safe to run on every start.
import type { Payload } from 'payload'

import { DEMO_TENANTS } from './demo'
import { idOf } from '../utilities/idOf'

export type SeedResult = { createdArtists: number; createdTenants: number; createdUsers: number }

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
  const result: SeedResult = { createdArtists: 0, createdTenants: 0, createdUsers: 0 }
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
  }
  return result
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
