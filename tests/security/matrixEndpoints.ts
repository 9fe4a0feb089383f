// Every endpoint in the config beyond Payload's REST CRUD, auth and upload routes (which the collection
// matrix covers), called with B's ids in its path: anonymous, then as the artist of B.
import type { SanitizedConfig } from 'payload'

import { expect } from 'vitest'

import type { TestApp } from '../helpers/payload'
import type { World } from './matrixWorld'

import { changesInB, stateOfB } from './matrixState'

export type EndpointUnderTest = { key: string; method: string; path: string }

const BUILT_IN = new Set([
  // REST CRUD, on every collection
  'get /count', 'post /', 'delete /', 'delete /:id', 'post /access/:id?', 'get /versions', 'post /:id/duplicate', 'get /', 'get /:id',
  'get /versions/:id', 'post /versions/:id', 'patch /', 'patch /:id',
  // auth collections
  'post /forgot-password', 'get /init', 'post /login', 'post /logout', 'get /me', 'post /refresh-token', 'post /first-register',
  'post /reset-password', 'post /unlock', 'post /verify/:id',
  // upload collections
  'get /paste-url/:id?', 'get /file/:filename',
])

/** Meant for anyone: each still proves what it acts on (a token, a signature) or shows only public data. */
const PUBLIC = new Set([
  'get /api/health', // liveness
  'get /api/access', // Payload: what the caller may do
  'get /api/og', // Payload: the admin's Open Graph image
  'get /api/public/tenants/:tenant/rooms', // a studio's public rooms
  'get /api/public/rooms/:id/availability', // free slots
  'post /api/public/booking', // the public booking form
  'get /api/public/bookings/search', // always 202, mails a link to the address
  'get /api/public/bookings', // needs the emailed link's signed token
  'post /api/stripe/webhooks', // needs Stripe's signature
  'post /api/sites/register', // needs a registration token or the site's key
  'get /api/signup/check-slug', // whether a studio slug is free: a taken slug is public anyway
  'post /api/signup', // self-serve signup: makes a new studio, never touches an existing one
  'get /api/calendar/feeds/:token.ics', // needs the feed's token; computed with its owner's permissions
  'post /api/currencies/convert', // published exchange rates applied to an amount
  'get /api/currencies/rates', // the published exchange rates
  'get /api/i18n/languages', // the platform's languages
  'post /api/i18n/set-session', // the visitor's own language cookie
  'get /api/themes/:id/css', // a studio's look, for its public pages: 404 unless the theme is the named studio's
])

/** Meant for any signed-in person, about themselves or the platform's vocabulary. */
const SIGNED_IN = new Set([
  'get /api/permissions/resources', // the resource registry
  'get /api/permissions/actions',
  'get /api/tenants/populate-tenant-options', // the caller's own tenants (multi-tenant plugin)
  'get /api/payload-preferences/:key', // the caller's own admin preferences
  'post /api/payload-preferences/:key',
  'delete /api/payload-preferences/:key',
  'get /api/user/currency', // the caller's own display currency
  'put /api/user/currency',
  'post /api/i18n/set', // the caller's own language
  'put /api/user/theme', // the caller's own admin theme
  'put /api/user/custom-colors', // the caller's own admin colours
])

const inB = (world: World) => `tenant=${world.b.tenant.id}`

/** Query strings an endpoint needs before it looks at who is asking. */
const QUERY: Record<string, (world: World) => string> = {
  'get /api/billing/create-checkout': (world) => `plan=studio&period=month&${inB(world)}`,
  'post /api/billing/create-checkout': (world) => `plan=studio&period=month&${inB(world)}`,
  'post /api/billing/upgrade/preview': inB,
  'post /api/billing/upgrade': inB,
  'post /api/billing/downgrade': inB,
  'post /api/billing/cancel': inB,
  'get /api/billing/subscription': inB,
  'get /api/billing/plans': inB,
  'get /api/billing/portal': inB,
  'get /api/billing/usage': inB,
  'get /api/billing/credits': inB,
  'get /api/billing/credits/packs': inB,
  'get /api/billing/credits/history': inB,
  'post /api/billing/credits/purchase': inB,
  'get /api/ai/context': inB,
  'get /api/calendar/events': (world) => `from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z&${inB(world)}`,
  'get /api/dashboard': inB,
  'get /api/reports/templates': inB,
  'get /api/reports/scheduled': inB,
  'get /api/i18n/missing': (world) => `locale=de&namespace=emails&${inB(world)}`,
  'get /api/onboarding': (world) => `tenant=${world.b.tenant.id}`,
  'get /api/permissions/matrix': (world) => `tenant=${world.b.tenant.id}`,
  'get /api/signup/check-slug': (world) => `slug=${world.b.tenant.slug}`,
  'get /api/users/:id/effective-permissions': (world) => `tenant=${world.b.tenant.id}`,
}
/** Bodies an endpoint needs before it looks at who is asking. */
const BODY: Record<string, (world: World) => unknown> = {
  'post /api/ai/chat': (world) => ({ message: 'Which rooms are free on Saturday?', tenant: world.b.tenant.id }),
  'post /api/calendar/feeds': (world) => ({ name: 'Taken over', tenant: world.b.tenant.id }),
  'post /api/i18n/set': () => ({ language: 'fr' }),
  'post /api/i18n/set-session': () => ({ language: 'fr' }),
  'post /api/billing/cancel': () => ({ when: 'now' }),
  // Any well-formed id: the permission is checked before the pack is looked up.
  'post /api/billing/credits/purchase': () => ({ pack: 1 }),
  'post /api/billing/downgrade': () => ({ period: 'month', plan: 'solo', when: 'now' }),
  'post /api/billing/upgrade': () => ({ period: 'month', plan: 'network', prorationDate: Math.floor(Date.now() / 1000) }),
  'post /api/billing/upgrade/preview': () => ({ period: 'month', plan: 'network' }),
  // A valid step, so that only the permission decision can stop it.
  'patch /api/onboarding': (world) => ({ action: 'complete', data: { name: 'Taken over', defaultCurrency: 'USD', timezone: 'UTC' }, step: 'welcome', tenant: world.b.tenant.id }),
  // B named in the spec: only the caller's permissions there decide.
  'post /api/reports/build': (world) => ({ groupBy: ['room'], source: 'bookings', tenant: world.b.tenant.id }),
  'post /api/reports/templates/saved': (world) => ({ name: 'Taken over', spec: { source: 'rooms' }, tenant: world.b.tenant.id }),
  'post /api/reports/scheduled': (world) => ({ format: 'csv', frequency: 'DAILY', name: 'Taken over', recipients: [world.member.id], sendAt: '07:00', template: 'revenue-by-month', tenant: world.b.tenant.id }),
  'post /api/tenants/:id/members': (world) => ({ email: world.member.email, role: 'owner' }),
  'post /api/users/:id/roles': (world) => ({ role: world.b.role.id, tenant: world.b.tenant.id }),
}

export function customEndpoints(config: SanitizedConfig): EndpointUnderTest[] {
  const found: EndpointUnderTest[] = []
  for (const endpoint of config.endpoints ?? []) {
    found.push({ key: `${endpoint.method} /api${endpoint.path}`, method: endpoint.method, path: `/api${endpoint.path}` })
  }
  for (const collection of config.collections) {
    if (!Array.isArray(collection.endpoints)) continue
    for (const endpoint of collection.endpoints) {
      if (BUILT_IN.has(`${endpoint.method} ${endpoint.path}`)) continue
      const path = `/api/${collection.slug}${endpoint.path}`
      found.push({ key: `${endpoint.method} ${path}`, method: endpoint.method, path })
    }
  }
  return found
}

/** B's value for a path parameter, by the collection the path is under. */
function bParam(world: World, path: string, name: string): string {
  const { b } = world
  const byCollection: Record<string, number | string> = {
    ai: b.aiConversation.sessionId, // /api/ai/conversation/:sessionId
    artists: typeof b.site.artist === 'object' && b.site.artist ? b.site.artist.id : (b.site.artist ?? ''),
    bookings: b.booking.id,
    calendar: b.calendarFeed.id, // /api/calendar/feeds/:id/rotate|revoke
    reports: b.reportTemplate.id, // /api/reports/templates/:id/build
    roles: b.role.id,
    sites: b.site.id,
    tenants: b.tenant.id,
    users: b.owner.id,
  }
  const fallback = b.room.id
  const named: Record<string, number | string> = {
    key: b.preferenceKey,
    mediaId: b.media.id,
    filename: b.media.filename ?? '',
    ref: b.booking.ref ?? '',
    roleId: b.role.id,
    tenant: b.tenant.slug,
    userId: b.owner.id,
  }
  if (name in named) return String(named[name])
  const collection = path.split('/')[2] ?? ''
  return String(byCollection[collection] ?? fallback)
}

/** Strings that give B away: an answer to the attacker that holds one of them leaked B's data. */
const bMarkers = (world: World): string[] =>
  [
    world.b.booking.ref ?? '',
    world.b.booking.customer.email,
    world.b.room.slug,
    world.b.room.name,
    world.b.role.slug,
    world.b.media.filename ?? '',
    world.b.owner.email,
    world.b.site.url ?? '',
    world.b.subscription.stripeCustomerId ?? '',
    world.b.aiConversation.sessionId,
  ].filter(Boolean)

type StateOfB = Awaited<ReturnType<typeof stateOfB>>

/**
 * Calls `endpoint` anonymously (no token) or as the artist of B; for the artist, `before` is B's state just
 * before the call (the previous call's answer when nothing ran in between) and B's state after is returned.
 */
export async function checkEndpoint(app: TestApp, world: World, endpoint: EndpointUnderTest, token: string | undefined, before?: StateOfB): Promise<StateOfB | undefined> {
  const path = endpoint.path.replace(/:(\w+)\??/g, (_, name: string) => encodeURIComponent(bParam(world, endpoint.path, name)))
  const query = QUERY[endpoint.key]?.(world)
  const method = endpoint.method.toUpperCase() as 'DELETE' | 'GET' | 'PATCH' | 'POST'
  const body = method === 'GET' || method === 'DELETE' ? undefined : (BODY[endpoint.key]?.(world) ?? {})
  if (token && !before) before = await stateOfB(app, world)
  const response = await app.rest.request(method, `${path.replace(/^\/api/, '')}${query ? `?${query}` : ''}`, { body, token })
  const text = await response.text()
  const who = token ? 'the artist of B' : 'anonymous'
  expect.soft(response.status, `${endpoint.key} as ${who}: ${text.slice(0, 200)}`).toBeLessThan(500)
  if (PUBLIC.has(endpoint.key)) return
  if (!token) {
    expect.soft([401, 403, 404], `${endpoint.key} anonymous: ${text.slice(0, 200)}`).toContain(response.status)
    return
  }
  // Whatever it answered, nothing of B changed, and a success showed nothing of B.
  const after = await stateOfB(app, world)
  expect.soft(changesInB(before!, after), `${endpoint.key} as the artist of B changed B`).toEqual([])
  if (SIGNED_IN.has(endpoint.key)) return after
  if (response.status < 300) {
    for (const marker of bMarkers(world)) expect.soft(text.includes(marker), `${endpoint.key} showed B's ${marker}`).toBe(false)
  } else {
    expect.soft([401, 403, 404], `${endpoint.key} as the artist of B: ${text.slice(0, 200)}`).toContain(response.status)
  }
  return after
}
