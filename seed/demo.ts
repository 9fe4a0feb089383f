// The demo studios and their people. Plain data: seed/index.ts writes it.
import type { TenantRole } from '../access/tenantRoles'

export type DemoTenant = {
  /** Waiting for approval: approving one in the panel deploys its site. */
  artists: { bio: string; email: string; name: string }[]
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
    artists: [
      { name: 'Inès Vidal', bio: 'Ink and watercolour studies of the Seine at dawn.', email: 'ines@lumiere.atelier.test' },
      { name: 'Théo Marchand', bio: 'Large-format photography of working hands.', email: 'theo@lumiere.atelier.test' },
    ],
    currency: 'EUR',
    locale: 'fr',
    people: staffOf('lumiere.atelier.test', 'Lumière'),
    slug: 'studio-lumiere',
    timezone: 'Europe/Paris',
  },
  {
    name: 'Galerie Martin',
    artists: [
      { name: 'Camille Roy', bio: 'Textile sculpture in wool and birch bark.', email: 'camille@martin.atelier.test' },
      { name: 'Sam Okafor', bio: 'Ceramics fired in a wood kiln outside Montréal.', email: 'sam@martin.atelier.test' },
    ],
    currency: 'CAD',
    locale: 'fr',
    people: staffOf('martin.atelier.test', 'Martin'),
    slug: 'galerie-martin',
    timezone: 'America/Montreal',
  },
]
