// What belongs to studio B (or to the platform) in every collection, read as trusted code, so that the
// matrix can tell whether an attack changed anything there.
import type { SanitizedCollectionConfig } from 'payload'

import type { TestApp } from '../helpers/payload'
import type { World } from './matrixWorld'

export type Doc = Record<string, unknown> & { id: number | string }

/** Where only additions are expected as side effects of a refused call (entries, queued mail). */
const APPEND_ONLY = new Set(['audit-logs', 'payload-jobs'])

export const idOf = (value: unknown) =>
  value && typeof value === 'object' ? ((value as { value?: unknown }).value ?? (value as { id?: unknown }).id) : value
export const hasField = (collection: SanitizedCollectionConfig, name: string) => collection.fields.some((field) => 'name' in field && field.name === name)

/** Whether a document is B's (or the platform's), as opposed to the attacker's own or A's. */
export function isBs(world: World, collection: SanitizedCollectionConfig, doc: Doc): boolean {
  const studioB = world.b.tenant.id
  if (collection.slug === 'tenants') return doc.id === studioB
  if (collection.auth) return doc.id !== world.member.id && ((doc.tenants ?? []) as { tenant: unknown }[]).some((row) => idOf(row.tenant) === studioB)
  if (hasField(collection, 'tenant')) return idOf(doc.tenant) === studioB
  if (hasField(collection, 'user')) return idOf(doc.user) !== world.member.id
  return true // jobs, the key-value store: the platform's, nobody's in particular
}

export async function allDocs(app: TestApp, slug: string): Promise<Doc[]> {
  const { docs } = await app.payload.find({ collection: slug as never, depth: 0, overrideAccess: true, pagination: false })
  return docs as unknown as Doc[]
}

export const bDocs = async (app: TestApp, world: World, collection: SanitizedCollectionConfig) =>
  (await allDocs(app, collection.slug)).filter((doc) => isBs(world, collection, doc))

export const snapshot = async (app: TestApp, world: World, collection: SanitizedCollectionConfig) =>
  new Map((await bDocs(app, world, collection)).map((doc) => [String(doc.id), JSON.stringify(doc)]))

/** B's documents in every collection the REST API reaches. */
export async function stateOfB(app: TestApp, world: World): Promise<Map<string, Map<string, string>>> {
  const state = new Map<string, Map<string, string>>()
  for (const collection of app.config.collections) {
    if (collection.endpoints === false) continue
    state.set(collection.slug, await snapshot(app, world, collection))
  }
  return state
}

/** What changed in B between two states: edits, deletions, and additions outside the append-only logs. */
export function changesInB(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): string[] {
  const changes: string[] = []
  for (const [slug, docs] of before) {
    const now = after.get(slug) ?? new Map()
    for (const [id, json] of docs) {
      if (!now.has(id)) changes.push(`${slug} ${id} deleted`)
      else if (now.get(id) !== json) changes.push(`${slug} ${id} changed`)
    }
    if (APPEND_ONLY.has(slug)) continue
    for (const id of now.keys()) if (!docs.has(id)) changes.push(`${slug} ${id} added`)
  }
  return changes
}
