// Two studios with one document of every kind each, and one person who belongs to both: owner of A,
// artist in B. The permission matrix attacks B from that person's account.
import type { CollectionSlug, Payload } from 'payload'

import { randomBytes, randomUUID } from 'node:crypto'

import type { AiConversation, Booking, CalendarFeed, Media, ReportTemplate, Role, Room, Site, Subscription, Tenant, User } from '../../payload-types'
import type { TestApp } from '../helpers/payload'

import { book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD, tinyPng } from '../helpers/fixtures'
import { DEFAULT_DARK, DEFAULT_LIGHT } from '../../plugins/themes'
import { approve, createArtist } from '../helpers/sites'

export type Studio = {
  aiConversation: AiConversation
  booking: Booking & { accessToken: string }
  calendarFeed: CalendarFeed
  media: Media
  owner: User
  ownerToken: string
  preferenceKey: string
  reportTemplate: ReportTemplate
  role: Role
  room: Room
  site: Site
  subscription: Subscription
  tenant: Tenant
}

export type World = { a: Studio; b: Studio; member: User; memberToken: string }

const suffix = () => randomBytes(3).toString('hex')

async function uploadMedia(payload: Payload, tenant: Tenant): Promise<Media> {
  const data = Buffer.from(await tinyPng().arrayBuffer())
  return payload.create({ collection: 'media', data: { alt: `Media of ${tenant.name}`, tenant: tenant.id }, file: { data, mimetype: 'image/png', name: `m-${suffix()}.png`, size: data.length } })
}

/** Everything a studio owns, written as trusted code or through the owner's own REST calls. */
async function furnish(app: TestApp, tenant: Tenant, owner: User, ownerToken: string): Promise<Studio> {
  const { payload, rest } = app
  const room = await createRoom(payload, tenant)
  await createDefaultPolicy(payload, tenant)
  const media = await uploadMedia(payload, tenant)
  const role = await payload.create({ collection: 'roles', data: { name: 'Viewer', permissions: [{ actions: ['read'], resource: 'media' }], slug: `viewer-${suffix()}`, tenant: tenant.id } })
  const staff = await createUser(payload, [{ role: 'staff', tenant }])
  await payload.create({ collection: 'role-assignments', data: { role: role.id, tenant: tenant.id, user: staff.id } })
  const artist = await createArtist(payload, tenant)
  const approved = await approve(rest, artist.id, ownerToken)
  const site = await payload.findByID({ id: approved.site.id, collection: 'sites', depth: 0 })

  const created = await book(rest, { customer: { name: 'Customer', email: `customer-${suffix()}@example.com` }, end: localSlot(tenant, 5, '12:00'), room: room.id, start: localSlot(tenant, 5, '10:00'), tenant: tenant.slug })
  if (created.status !== 201) throw new Error(`Booking answered ${created.status}`)
  const stored = (await payload.find({ collection: 'bookings', depth: 0, where: { ref: { equals: created.body.ref } } })).docs[0]!
  await payload.create({ collection: 'sessions', data: { end: localSlot(tenant, 6, '12:00'), room: room.id, start: localSlot(tenant, 6, '10:00'), status: 'scheduled', tenant: tenant.id } })
  const payment = await payload.create({
    collection: 'payments',
    data: { amount: 100, booking: stored.id, checkoutSessionId: `cs_test_${suffix()}`, currency: 'EUR', status: 'paid', tenant: tenant.id },
  })
  await payload.create({
    collection: 'refunds',
    data: { amount: 50, booking: stored.id, currency: 'EUR', idempotencyKey: `key-${suffix()}`, payment: payment.id, reason: 'staff', status: 'succeeded', tenant: tenant.id },
  })
  await payload.create({ collection: 'stripe-events', data: { eventId: `evt_${suffix()}`, payload: {}, status: 'processed', tenant: tenant.id, type: 'checkout.session.completed' } })
  await payload.create({ collection: 'signup-requests', data: { emailDomain: 'studio-b.example', slug: tenant.slug, tenant: tenant.id } })
  await payload.jobs.queue({ input: { email: stored.customer.email }, task: 'sendBookingLookup' })
  const plan = (await payload.find({ collection: 'plans', limit: 1, where: { code: { equals: 'studio' } } })).docs[0]!
  const subscription = await payload.create({
    collection: 'subscriptions',
    data: { interval: 'month', plan: plan.id, status: 'active', stripeCustomerId: `cus_${suffix()}`, stripeSubscriptionId: `sub_${suffix()}`, tenant: tenant.id },
  })
  await payload.create({ collection: 'credit-ledger', data: { amount: 25, kind: 'grant', reference: `in_${suffix()}`, tenant: tenant.id } })
  await payload.create({ collection: 'translations', data: { key: 'booking.eyebrow', namespace: 'booking-page', tenant: tenant.id, value: `Réserver chez ${tenant.name}` } })
  await payload.create({ collection: 'themes', data: { dark: DEFAULT_DARK, isDefault: true, light: DEFAULT_LIGHT, name: `Theme of ${tenant.name}`, tenant: tenant.id } })
  await payload.create({ collection: 'domains', data: { hostname: `book-${suffix()}.${tenant.slug}.example`, status: 'pending', tenant: tenant.id } })
  const reportTemplate = await payload.create({
    collection: 'report-templates',
    data: { name: `Rooms of ${tenant.name}`, spec: { groupBy: ['name'], source: 'rooms' }, tenant: tenant.id },
  })
  await payload.create({
    collection: 'scheduled-reports',
    data: { format: 'csv', frequency: 'WEEKLY', name: `Weekly revenue of ${tenant.name}`, owner: owner.id, recipients: [owner.id], sendAt: '07:00', template: 'revenue-by-month', tenant: tenant.id, weekday: 1 },
  })
  await payload.create({ collection: 'payload-kv' as CollectionSlug, data: { data: { studio: tenant.slug }, key: `kv-${suffix()}` } as never })

  // The owner's calendar feed, through its endpoint (the only way one is made).
  const feedAnswer = await rest.post('/calendar/feeds', { name: `Feed of ${tenant.name}`, room: room.id, tenant: tenant.id }, { token: ownerToken })
  if (feedAnswer.status !== 201) throw new Error(`Calendar feed answered ${feedAnswer.status}`)
  const calendarFeed = await payload.findByID({ id: ((await feedAnswer.json()) as { feed: { id: number } }).feed.id, collection: 'calendar-feeds', depth: 0 })

  // The owner's conversation with the assistant (written by the chat endpoint's trusted code in production).
  const aiConversation = await payload.create({
    collection: 'ai-conversations',
    data: { lastMessageAt: new Date().toISOString(), model: 'claude-sonnet-5-5', sessionId: randomUUID(), tenant: tenant.id, title: `Chat of ${tenant.name}`, user: owner.id },
  })
  await payload.create({
    collection: 'ai-messages',
    data: { content: [{ text: `Rooms of ${tenant.name}?`, type: 'text' }], conversation: aiConversation.id, role: 'user', tenant: tenant.id, text: `Rooms of ${tenant.name}?`, user: owner.id },
  })

  const user = { relationTo: 'users', value: owner.id } as const
  await payload.create({ collection: 'payload-locked-documents' as CollectionSlug, data: { document: { relationTo: 'rooms', value: room.id }, user } as never })
  const preferenceKey = `matrix-${suffix()}`
  // Payload's preferences take their user from the request.
  await payload.create({ collection: 'payload-preferences' as CollectionSlug, data: { key: preferenceKey, value: { columns: [] } } as never, user: { ...owner, collection: 'users' } })

  return { aiConversation, booking: { ...stored, accessToken: created.body.accessToken }, calendarFeed, media, owner, ownerToken, preferenceKey, reportTemplate, role, room, site, subscription, tenant }
}

export async function buildWorld(app: TestApp): Promise<World> {
  const studioA = await createTenant(app.payload, { name: 'Studio A' })
  const studioB = await createTenant(app.payload, { name: 'Studio B' })
  const member = await createUser(app.payload, [
    { role: 'owner', tenant: studioA },
    { role: 'artist', tenant: studioB },
  ])
  const ownerB = await createUser(app.payload, [{ role: 'owner', tenant: studioB }])
  const memberToken = await app.rest.login(member.email, PASSWORD)
  const ownerBToken = await app.rest.login(ownerB.email, PASSWORD)
  // Platform reference data with no tenant: one published rate to aim writes at (a past day no refresh writes).
  const day = new Date(Date.UTC(1990, 0, 1) + randomBytes(2).readUInt16BE() * 86_400_000).toISOString().slice(0, 10)
  await app.payload.create({ collection: 'exchange-rates', data: { currency: 'USD', date: day, provider: 'ecb', rate: '1.1' } })
  const a = await furnish(app, studioA, member, memberToken)
  const b = await furnish(app, studioB, ownerB, ownerBToken)
  return { a, b, member, memberToken }
}
