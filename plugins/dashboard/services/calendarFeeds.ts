// Creating, rotating and revoking a person's calendar feeds. The token leaves the server once, in the answer
// to create or rotate; what is stored is its hash. Writes go through the Local API so the audit log records
// them (the hash redacted by name) and the tenancy plugin checks the studio and the room.
import type { PayloadRequest } from 'payload'

import type { CalendarFeed } from '../../../payload-types'

import { badRequest, conflict, forbidden, unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { requirePermission, tenantForPermission } from '../../rbac'
import { feedPepper, feedUrl, newFeedToken } from './calendarFeedTokens'

/** Live (unrevoked) feeds one person may hold: enough for every room of a few studios, and a bound on rows. */
export const MAX_LIVE_FEEDS = 20

export type FeedView = {
  createdAt: string
  id: number
  lastFetchedAt: null | string
  name: string
  revokedAt: null | string
  room: null | number
  tenant: number
}
export type IssuedFeed = { feed: FeedView; token: string; url: string; webcalUrl: string }

const viewOf = (feed: CalendarFeed): FeedView => ({
  createdAt: feed.createdAt,
  id: feed.id,
  lastFetchedAt: feed.lastFetchedAt ?? null,
  name: feed.name,
  revokedAt: feed.revokedAt ?? null,
  room: idOf(feed.room) ?? null,
  tenant: Number(idOf(feed.tenant)),
})

function issued(req: PayloadRequest, feed: CalendarFeed, token: string): IssuedFeed {
  const url = feedUrl(req.payload.config.serverURL, req.payload.config.routes.api, token)
  return { feed: viewOf(feed), token, url, webcalUrl: url.replace(/^https?:/, 'webcal:') }
}

export async function createFeed(req: PayloadRequest, input: { name: string; room?: number; tenant: number }): Promise<IssuedFeed> {
  const user = req.user
  if (!user) throw unauthorized()
  const tenant = await tenantForPermission(req, input.tenant, 'bookings', 'read')
  if (input.room !== undefined) {
    const room = await req.payload.findByID({ id: input.room, collection: 'rooms', depth: 0, disableErrors: true, overrideAccess: true, req })
    // One answer for a missing room and another studio's: ids of other studios leak nothing.
    if (!room || idOf(room.tenant) !== tenant.id) throw badRequest('No such room in this studio.', 'room')
  }
  const live = await req.payload.count({
    collection: 'calendar-feeds',
    overrideAccess: true,
    req,
    where: { and: [{ user: { equals: user.id } }, { revokedAt: { exists: false } }] },
  })
  if (live.totalDocs >= MAX_LIVE_FEEDS) throw conflict(`At most ${MAX_LIVE_FEEDS} live feeds per person: revoke one first.`, 'too_many_feeds')
  const { token, tokenHash } = newFeedToken(feedPepper(req.payload.config.secret))
  const feed = await req.payload.create({
    collection: 'calendar-feeds',
    data: { name: input.name, room: input.room ?? null, tenant: tenant.id, tokenHash, user: user.id },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return issued(req, feed, token)
}

/** The feed if the caller may see it (their own; any, for super admins), else 404. */
async function visibleFeed(req: PayloadRequest, id: number): Promise<CalendarFeed> {
  if (!req.user) throw unauthorized()
  return findVisible(req, 'calendar-feeds', id, 'Calendar feed not found.')
}

/** A new token for the owner's own feed; the old one stops working (404) from this commit on. */
export async function rotateFeed(req: PayloadRequest, id: number): Promise<IssuedFeed> {
  const feed = await visibleFeed(req, id)
  // The new URL is a credential for the owner's view: nobody else may be handed one, super admins included.
  if (idOf(feed.user) !== req.user?.id) throw forbidden('Only the feed’s owner can rotate it.')
  if (feed.revokedAt) throw conflict('This feed is revoked: create a new one.', 'feed_revoked')
  await requirePermission(req, 'bookings', 'read', Number(idOf(feed.tenant)))
  const { token, tokenHash } = newFeedToken(feedPepper(req.payload.config.secret))
  const rotated = await req.payload.update({ id: feed.id, collection: 'calendar-feeds', data: { tokenHash }, depth: 0, overrideAccess: true, req })
  return issued(req, rotated, token)
}

/** Ends a feed for good (idempotent): its owner, or a super admin cutting one off (the feeds they can see). */
export async function revokeFeed(req: PayloadRequest, id: number): Promise<FeedView> {
  const feed = await visibleFeed(req, id)
  if (feed.revokedAt) return viewOf(feed)
  const revoked = await req.payload.update({
    id: feed.id,
    collection: 'calendar-feeds',
    data: { revokedAt: new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return viewOf(revoked)
}
