// The demo studios and their people. Plain data: seed/index.ts writes it.
import type { ModeTokens } from '../plugins/themes'
import type { TenantRole } from '../utilities/tenantRoles'

export type DemoRoom = { capacity: number; hourlyRate: number; name: string; opens: string; closes: string; slug: string; weekend: boolean }

export type DemoTenant = {
  /** Waiting for approval: approving one in the panel deploys its site. */
  artists: { bio: string; email: string; name: string }[]
  currency: string
  locale: 'en' | 'fr'
  name: string
  people: { email: string; name: string; role: TenantRole }[]
  rooms: DemoRoom[]
  slug: string
  /** The studio's default theme: what differs from the platform's look in each mode. */
  theme: { dark: Partial<ModeTokens>; light: Partial<ModeTokens>; name: string }
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
    rooms: [
      { capacity: 6, closes: '22:00', hourlyRate: 4500, name: 'Grande salle', opens: '09:00', slug: 'grande-salle', weekend: true },
      { capacity: 2, closes: '20:00', hourlyRate: 2500, name: 'Cabine son', opens: '10:00', slug: 'cabine-son', weekend: false },
      { capacity: 4, closes: '19:00', hourlyRate: 3500, name: 'Atelier photo', opens: '08:00', slug: 'atelier-photo', weekend: true },
    ],
    slug: 'studio-lumiere',
    theme: {
      dark: { fontFamily: 'serif', primary: '#fdba74', radius: 10 },
      light: { background: '#fffbf5', fontFamily: 'serif', primary: '#9a3412', radius: 10 },
      name: 'Terre cuite',
    },
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
    rooms: [
      { capacity: 8, closes: '21:00', hourlyRate: 6000, name: 'Main hall', opens: '09:00', slug: 'main-hall', weekend: true },
      { capacity: 3, closes: '18:00', hourlyRate: 3000, name: 'Pottery room', opens: '09:00', slug: 'pottery-room', weekend: false },
      { capacity: 2, closes: '23:00', hourlyRate: 4000, name: 'Rehearsal booth', opens: '12:00', slug: 'rehearsal-booth', weekend: true },
    ],
    slug: 'galerie-martin',
    theme: {
      dark: { fontFamily: 'humanist', primary: '#5eead4', radius: 2 },
      light: { background: '#f8fafc', fontFamily: 'humanist', primary: '#0f766e', radius: 2 },
      name: 'Lac',
    },
    timezone: 'America/Montreal',
  },
]
