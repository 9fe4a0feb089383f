// The owner's side of calendar feeds: create, rotate, revoke. Listing and deleting are Payload's REST on
// `calendar-feeds`, whose access shows people their own feeds only.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { createFeed, revokeFeed, rotateFeed } from '../services/calendarFeeds'

const id = z.coerce.number().int().positive().max(2 ** 31 - 1)
const createSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    room: z.number().int().positive().max(2 ** 31 - 1).optional(),
    tenant: z.number().int().positive().max(2 ** 31 - 1),
  })
  .strict()
const paramsSchema = z.object({ id })

/**
 * POST /api/calendar/feeds `{ tenant, room?, name }`: a feed of the studio (or of one of its rooms) for the
 * caller, who needs bookings:read there. 201 `{ feed, token, url, webcalUrl }`: the token and its URLs are
 * shown this once. 400 bad input or a room of another studio; 401; 403 without the permission; 404 a studio
 * they cannot see; 409 `too_many_feeds`.
 */
export const createCalendarFeedEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const body = await parseBody(req, createSchema)
    if (!req.user) throw unauthorized()
    return Response.json(await createFeed(req, body), { status: 201 })
  }),
  method: 'post',
  path: '/calendar/feeds',
}

/**
 * POST /api/calendar/feeds/:id/rotate: a new token for the caller's own feed, shown once; the old URL answers
 * 404 from now on. 200 `{ feed, token, url, webcalUrl }`; 401; 403 not the owner (a super admin) or without
 * bookings:read any more; 404 not theirs; 409 `feed_revoked`.
 */
export const rotateCalendarFeedEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { id: feedId } = paramsSchema.parse(req.routeParams)
    return Response.json(await rotateFeed(req, feedId))
  }),
  method: 'post',
  path: '/calendar/feeds/:id/rotate',
}

/** POST /api/calendar/feeds/:id/revoke: ends the feed (idempotent). 200 `{ feed }`; 401; 404 not theirs. */
export const revokeCalendarFeedEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { id: feedId } = paramsSchema.parse(req.routeParams)
    return Response.json({ feed: await revokeFeed(req, feedId) })
  }),
  method: 'post',
  path: '/calendar/feeds/:id/revoke',
}
