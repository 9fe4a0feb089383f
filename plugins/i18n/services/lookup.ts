// UI strings at render time: a studio's override in the locale, then the platform's value in the locale,
// then the same two in the fallback locale. Kept per (studio, locale, namespace) in this process while the
// strings' version (their latest change and their count, one indexed query) stays the same: a change shows
// at the next lookup on every node and in every bundle of the app (Next keeps pages and API routes in
// separate module instances, so a hook clearing a cache here cannot reach the pages' copy).
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Namespace } from './namespaces'

import { DEFAULT_LOCALE } from '../../../utilities/locales'
import { processCache } from '../../../utilities/processCaches'
import { poolDb } from '../../../utilities/transactionDb'

export type Messages = Record<string, string>
/** Where a key's value comes from: the studio or the platform, in which locale. */
export type Source = { locale: string; origin: 'platform' | 'studio' }
export type Resolved = Record<string, { source: Source; value: string }>

const cache = processCache<string, { resolved: Promise<Resolved>; version: string }>()

export const forgetTranslations = (): void => cache.clear()

type Row = { key: string; locale: string; studio: boolean; value: string }

async function resolve(payload: Payload, tenantId: null | number, locale: string, namespace: Namespace): Promise<Resolved> {
  const locales = [...new Set([locale, DEFAULT_LOCALE])]
  const { rows } = (await poolDb(payload).execute(sql`
    select t.key, l._locale::text as locale, (t.tenant_id is not null) as studio, l.value
    from translations t join translations_locales l on l._parent_id = t.id
    where t.namespace = ${namespace}
      and (t.tenant_id is null ${tenantId === null ? sql`` : sql`or t.tenant_id = ${tenantId}`})
      and l._locale::text in (${sql.join(locales.map((code) => sql`${code}`), sql`, `)})
      and coalesce(l.value, '') <> ''`)) as { rows: Row[] }
  // Lower is better: the studio before the platform, the asked locale before the fallback.
  const rank = (row: Row) => (row.locale === locale ? 0 : 2) + (row.studio ? 0 : 1)
  const best = new Map<string, Row>()
  for (const row of rows) {
    const held = best.get(row.key)
    if (!held || rank(row) < rank(held)) best.set(row.key, row)
  }
  return Object.fromEntries([...best].map(([key, row]) => [key, { source: { locale: row.locale, origin: row.studio ? 'studio' : 'platform' }, value: row.value }]))
}

/** Every key of `namespace` with its value and where it came from, for a studio (or the platform) in `locale`. */
export async function resolvedMessages(payload: Payload, { locale, namespace, tenantId }: { locale: string; namespace: Namespace; tenantId: null | number }): Promise<Resolved> {
  const key = `${tenantId ?? 'platform'}|${locale}|${namespace}`
  const version = await versionOf(payload, tenantId, namespace)
  const held = cache.get(key)
  if (held && held.version === version) return held.resolved
  const resolved = resolve(payload, tenantId, locale, namespace).catch((error: unknown) => {
    cache.delete(key)
    throw error
  })
  cache.set(key, { resolved, version })
  return resolved
}

/** The latest change to the strings a lookup reads, and how many rows there are (a delete lowers it). */
async function versionOf(payload: Payload, tenantId: null | number, namespace: Namespace): Promise<string> {
  const { rows } = (await poolDb(payload).execute(sql`
    select coalesce(max(updated_at)::text, '') || '/' || count(*) as version from translations
    where namespace = ${namespace} and (tenant_id is null ${tenantId === null ? sql`` : sql`or tenant_id = ${tenantId}`})`)) as { rows: { version: string }[] }
  return rows[0]?.version ?? ''
}

/** The strings alone, as a page or an email uses them. */
export async function messagesFor(payload: Payload, options: { locale: string; namespace: Namespace; tenantId: null | number }): Promise<Messages> {
  const resolved = await resolvedMessages(payload, options)
  return Object.fromEntries(Object.entries(resolved).map(([key, entry]) => [key, entry.value]))
}
