// The permission matrix: a person who owns studio A and is an artist in studio B attacks B through every
// collection in the config (Payload's internal ones included) and every custom endpoint. Whatever they do,
// nothing in B may go beyond what the artist role grants there. Collections and endpoints are read from
// the config, so one added later is covered without a line here.
import type { SanitizedCollectionConfig } from 'payload'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resourceOf } from '../../plugins/rbac'
import { grants } from '../../plugins/rbac/services/permissions'
import { startTestApp, type TestApp } from '../helpers/payload'
import { buildWorld, type World } from './matrixWorld'
import { checkEndpoint, customEndpoints } from './matrixEndpoints'
import { allDocs, bDocs, type Doc, hasField, idOf, snapshot } from './matrixState'

let app: TestApp
let world: World
let artistInB: Set<string>
const pairs = new Map<string, number>()
const checked = (slug: string, operation: string) => pairs.set(`${slug}:${operation}`, (pairs.get(`${slug}:${operation}`) ?? 0) + 1)

const artistMay = (collection: SanitizedCollectionConfig, action: string) => grants(artistInB, resourceOf(collection), action)
const targetsIn = (collection: SanitizedCollectionConfig) => bDocs(app, world, collection)
const snapshotOf = (collection: SanitizedCollectionConfig) => snapshot(app, world, collection)

const whereIn = (ids: (number | string)[]) => ids.map((id, index) => `where[id][in][${index}]=${encodeURIComponent(String(id))}`).join('&')
const call = (method: 'DELETE' | 'GET' | 'PATCH' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.rest.request(method, path, { body, headers, token: world.memberToken })

/** A body that could create a document like `template`: server fields dropped, unique values made new, a marker in its texts. */
function createBody(collection: SanitizedCollectionConfig, template: Doc, marker: string): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of collection.fields) {
    if (!('name' in field) || ['createdAt', 'id', 'tenant', 'updatedAt'].includes(field.name)) continue
    const value = template[field.name]
    if (value === undefined || value === null) continue
    if (field.type === 'date' && (field.name === 'start' || field.name === 'end')) body[field.name] = new Date(Date.parse(String(value)) + 20 * 86_400_000).toISOString()
    else if (field.type === 'email') body[field.name] = `${marker}-${String(value)}`
    else if ((field.type === 'text' || field.type === 'textarea') && typeof value === 'string') body[field.name] = `${value}-${marker}`
    else body[field.name] = value
  }
  if (collection.auth) body.password = 'matrix-password-123'
  return body
}

const refused = (status: number) => status >= 400 && status < 500

async function attackCollection(collection: SanitizedCollectionConfig) {
  const { slug } = collection
  const targets = await targetsIn(collection)
  const ids = targets.map((doc) => doc.id)
  const scoped = hasField(collection, 'tenant')
  const before = await snapshotOf(collection)
  const unchanged = async (message: string) => expect.soft(await snapshotOf(collection), `${slug}: ${message}`).toEqual(before)

  if (!artistMay(collection, 'create') && targets[0] && !collection.upload) {
    const variants: [string, Record<string, unknown>, Record<string, string>][] = scoped
      ? [
          ['create with tenant B in the body', { tenant: world.b.tenant.id }, {}],
          ['create with the tenant cookie of B', {}, { Cookie: `payload-tenant=${world.b.tenant.id}` }],
        ]
      : [['create', {}, {}]]
    for (const [operation, extra, headers] of variants) {
      const marker = `mx${randomBytes(4).toString('hex')}`
      const response = await call('POST', `/${slug}`, { ...createBody(collection, targets[0], marker), ...extra }, headers)
      // A person's own preferences or locks are theirs to create; elsewhere a create must be refused outright.
      if (!hasField(collection, 'user')) expect.soft(refused(response.status), `${slug}: ${operation} answered ${response.status}`).toBe(true)
      const created = (await targetsIn(collection)).filter((doc) => !before.has(String(doc.id)) && JSON.stringify(doc).includes(marker))
      expect.soft(created, `${slug}: ${operation}`).toEqual([])
      checked(slug, operation)
    }
  }

  // Reference data published to everyone (currencies, exchange rates) says so in its config.
  if (!artistMay(collection, 'read') && !collection.custom?.publicRead) {
    for (const id of ids) {
      const response = await call('GET', `/${slug}/${encodeURIComponent(String(id))}?depth=0`)
      const body = response.status === 200 ? ((await response.json()) as { id?: unknown }) : {}
      expect.soft(response.status === 200 && String(body.id) === String(id), `${slug}: read ${id} by id`).toBe(false)
    }
    checked(slug, 'read by id')
    const listed = await call('GET', `/${slug}?limit=1000&depth=0`)
    const listedIds = listed.status === 200 ? (((await listed.json()) as { docs?: Doc[] }).docs ?? []).map((doc) => String(doc.id)) : []
    expect.soft(listedIds.filter((id) => before.has(id)), `${slug}: list`).toEqual([])
    checked(slug, 'list')
    if (ids.length > 0) {
      const counted = await call('GET', `/${slug}/count?${whereIn(ids)}`)
      const totalDocs = counted.status === 200 ? (((await counted.json()) as { totalDocs?: number }).totalDocs ?? 0) : 0
      expect.soft(totalDocs, `${slug}: count`).toBe(0)
      checked(slug, 'count')
    }
    if (collection.versions) {
      const versions = await call('GET', `/${slug}/versions?limit=1000&depth=0`)
      const parents = versions.status === 200 ? (((await versions.json()) as { docs?: { parent?: unknown }[] }).docs ?? []).map((doc) => String(idOf(doc.parent))) : []
      expect.soft(parents.filter((id) => before.has(id)), `${slug}: versions`).toEqual([])
      checked(slug, 'versions')
    }
  }

  if (!artistMay(collection, 'update') && ids.length > 0) {
    for (const id of ids) await call('PATCH', `/${slug}/${encodeURIComponent(String(id))}`, {})
    await unchanged('update by id')
    checked(slug, 'update by id')
    await call('PATCH', `/${slug}?${whereIn(ids)}`, {})
    await unchanged('bulk update')
    checked(slug, 'bulk update')
  }

  if (scoped) {
    // A's documents are the attacker's to edit; moving one into B must fail all the same.
    const ownDocs = (await allDocs(app, slug)).filter((doc) => idOf(doc.tenant) === world.a.tenant.id)
    for (const doc of ownDocs) {
      await call('PATCH', `/${slug}/${encodeURIComponent(String(doc.id))}`, { tenant: world.b.tenant.id })
      await call('PATCH', `/${slug}?${whereIn([doc.id])}`, { tenant: world.b.tenant.id })
      await call('PATCH', `/${slug}/${encodeURIComponent(String(doc.id))}`, { tenant: null })
    }
    const moved = (await allDocs(app, slug)).filter((doc) => ownDocs.some((own) => own.id === doc.id) && idOf(doc.tenant) !== world.a.tenant.id)
    expect.soft(moved.map((doc) => doc.id), `${slug}: moved out of A`).toEqual([])
    if (ownDocs.length > 0) checked(slug, 'move tenant to B')
  }

  if (!artistMay(collection, 'delete') && ids.length > 0) {
    for (const id of ids) await call('DELETE', `/${slug}/${encodeURIComponent(String(id))}`)
    await call('DELETE', `/${slug}?${whereIn(ids)}`)
    const left = new Set((await targetsIn(collection)).map((doc) => String(doc.id)))
    expect.soft(ids.filter((id) => !left.has(String(id))), `${slug}: deleted`).toEqual([])
    checked(slug, 'delete by id')
    checked(slug, 'bulk delete')
  }
  return targets.length
}

describe('permission matrix: owner of A, artist in B', () => {
  beforeAll(async () => {
    // Payments configured (Stripe itself unreachable): the webhook then checks signatures instead of answering 503.
    // The assistant on, its provider unreachable: every refusal must come before any call to it.
    app = await startTestApp({
      ANTHROPIC_API_KEY: 'sk-ant-matrix',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      STRIPE_API_BASE: 'http://127.0.0.1:9',
      STRIPE_SECRET_KEY: 'sk_test_matrix',
      STRIPE_WEBHOOK_SECRET: 'whsec_matrix',
    })
    world = await buildWorld(app)
    const explained = await app.rest.get(`/users/${world.member.id}/effective-permissions?tenant=${world.b.tenant.id}`, { token: world.memberToken })
    const { permissions } = (await explained.json()) as { permissions: { action: string; resource: string }[] }
    artistInB = new Set(permissions.map(({ action, resource }) => `${resource}:${action}`))
  }, 300_000)
  afterAll(() => app.close())

  it('every collection in the config: nothing in B beyond the artist role', async () => {
    const restCollections = app.config.collections.filter((collection) => collection.endpoints !== false)
    const withoutTargets: string[] = []
    for (const collection of restCollections) {
      if ((await attackCollection(collection)) === 0) withoutTargets.push(collection.slug)
    }
    const total = [...pairs.values()].reduce((sum, count) => sum + count, 0)
    console.log(
      `[matrix] ${pairs.size} (collection, operation) pairs over ${restCollections.length} collections, ${total} checks;` +
        ` artist in B holds ${[...artistInB].sort().join(', ')}; no B document to aim at: ${withoutTargets.join(', ') || 'none'}`,
    )
    // Every collection has a document of B in the world above, so no by-id check ran empty.
    expect(withoutTargets).toEqual([])
  }, 300_000)

  it('every custom endpoint, anonymous and as the artist of B', async () => {
    const endpoints = customEndpoints(app.config)
    // The artist's calls one after another, each compared with B as the previous one left it (one state read
    // per call, not two); the anonymous calls, which may change B themselves (a public booking), after them.
    let stateOfB: Awaited<ReturnType<typeof checkEndpoint>>
    for (const endpoint of endpoints) stateOfB = await checkEndpoint(app, world, endpoint, world.memberToken, stateOfB)
    for (const endpoint of endpoints) await checkEndpoint(app, world, endpoint, undefined)
    console.log(`[matrix] ${endpoints.length} custom endpoints, each called anonymously and as the artist of B`)
    expect(endpoints.length).toBeGreaterThan(20)
  }, 300_000)
})
