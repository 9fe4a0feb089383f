// The demo studios and their people. Plain data: seed/index.ts writes it.
import type { TenantRole } from '../access/tenantRoles'

export type DemoTenant = {
  currency: string
  locale: 'en' | 'fr'
  name: string
  people: { email: string; name: string; role: TenantRole }[]
  slug: string
  timezone: string
}

const staffOf = (domain: string, surname: string): DemoTenant['people'] =>
  (['owner', 'admin', 'staff', 'editor'] as const).map((role) => ({
    name: `${role[0]!.toUpperCase()}${role.slice(1)} ${surname}`,
    email: `${role}@${domain}`,
    role,
  }))

export const DEMO_TENANTS: DemoTenant[] = [
  {
    name: 'Studio Lumière',
    currency: 'EUR',
    locale: 'fr',
    people: staffOf('lumiere.atelier.test', 'Lumière'),
    slug: 'studio-lumiere',
    timezone: 'Europe/Paris',
  },
  {
    name: 'Galerie Martin',
    currency: 'CAD',
    locale: 'fr',
    people: staffOf('martin.atelier.test', 'Martin'),
    slug: 'galerie-martin',
    timezone: 'America/Montreal',
  },
]
