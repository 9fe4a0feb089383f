// Serving a feed by its token: no login, the token is the credential. The feed is computed with its owner's
// permissions in the studio as they stand now, so a lost membership or lost bookings:read ends it at once.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'

import type { User } from '../../../payload-types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { digestsEqual } from '../../../utilities/secrets'
import { poolDb } from '../../../utilities/transactionDb'
import { tenantsAllowing } from '../../rbac'
import { feedEvents, type FeedScope, feedWindow } from './calendarFeedEvents'
import { feedPepper, feedTokenHash } from './calendarFeedTokens'
import { feedEtag, renderFeed } from './icalFeed'

type FeedRow = { id: number; last_fetched_at: Date | null | string; name: string; revoked_at: Date | null | string; room_id: null | number; tenant_id: null | number; token_hash: null | string; user_id: null | number }

/** `lastFetchedAt` is a hint for the owner, written at most this often (and not audited). */
const FETCH_NOTE_INTERVAL_MS = 60 * 60 * 1000

/** What the owner may see in the studio now: null without bookings:read there (or without the membership). */
async function ownerView(payload: Payload, owner: User, tenantId: number): Promise<null | Pick<FeedScope, 'customers' | 'sessions'>> {
  if (isSuperAdmin(owner)) return { customers: true, sessions: true }
  // A request of the owner's own, so that rbac computes their grants exactly as for their own calls.
  const req = await createLocalReq({ user: { ...owner, collection: 'users' } }, payload)
  const holds = async (resource: string, action: string) => (await tenantsAllowing(req, resource, action)).includes(String(tenantId))
  if (!(await holds('bookings', 'read'))) return null
  const [sessions, customers] = await Promise.all([holds('sessions', 'read'), holds('calendar-feeds', 'customers')])
  return { customers, sessions }
}

type LiveFeed = FeedRow & { tenant_id: number; user_id: number }

/** The unrevoked feed of this token, with its studio and owner still there. */
async function liveFeed(payload: Payload, token: string): Promise<LiveFeed | null> {
  const tokenHash = feedTokenHash(feedPepper(payload.config.secret), token)
  if (!tokenHash) return null
  const { rows } = (await poolDb(payload).execute(sql`
    select id, name, tenant_id, room_id, user_id, token_hash, revoked_at, last_fetched_at from calendar_feeds where token_hash = ${tokenHash}`)) as { rows: FeedRow[] }
  const feed = rows[0]
  if (!feed || !digestsEqual(feed.token_hash, tokenHash) || feed.revoked_at !== null || feed.tenant_id === null || feed.user_id === null) return null
  return { ...feed, tenant_id: feed.tenant_id, user_id: feed.user_id }
}

/** The feed's body and ETag, or null for anything that must look like an unknown token (404). */
export async function servedFeed(payload: Payload, token: string, now = new Date()): Promise<{ body: string; etag: string } | null> {
  const feed = await liveFeed(payload, token)
  if (!feed) return null
  const [owner, tenant] = await Promise.all([
    payload.findByID({ id: feed.user_id, collection: 'users', depth: 0, overrideAccess: true }).catch(() => null),
    payload.findByID({ id: feed.tenant_id, collection: 'tenants', depth: 0, overrideAccess: true }).catch(() => null),
  ])
  if (!owner || !tenant) return null
  const view = await ownerView(payload, owner, tenant.id)
  if (!view) return null
  const events = await feedEvents(payload, { ...view, room: feed.room_id, tenant: tenant.id }, feedWindow(now))
  const host = URL.canParse(payload.config.serverURL) ? new URL(payload.config.serverURL).hostname : 'atelier'
  const body = renderFeed({ events, host, name: feed.name, timezone: tenant.timezone })
  const lastFetched = feed.last_fetched_at === null ? 0 : new Date(feed.last_fetched_at).getTime()
  if (now.getTime() - lastFetched > FETCH_NOTE_INTERVAL_MS) {
    await poolDb(payload).execute(sql`update calendar_feeds set last_fetched_at = ${now.toISOString()}::timestamptz where id = ${feed.id}`)
  }
  return { body, etag: feedEtag(body) }
}
