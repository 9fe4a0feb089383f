import type { Endpoint } from 'payload'

import { z } from 'zod'

import { notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { createRateLimiter } from '../../../utilities/rateLimit'
import { requestMeta } from '../../../utilities/requestMeta'
import { servedFeed } from '../services/calendarFeedFetch'
import { etagMatches, FEED_REFRESH_SECONDS } from '../services/icalFeed'

const paramsSchema = z.object({ token: z.string().max(100) })

/**
 * GET /api/calendar/feeds/:token.ics: the feed as iCalendar, for calendar apps (no login: the token is the
 * credential). 200 `text/calendar` with a strong ETag and `Cache-Control: private, max-age=300`; 304 when
 * `If-None-Match` names it; 404 for a malformed, unknown, rotated-out or revoked token, and for an owner who
 * no longer holds bookings:read in the studio (or left it); 429 beyond `perMinutePerIp` a minute per client IP.
 */
export function calendarFeedIcsEndpoint(perMinutePerIp: number): Endpoint {
  const limiter = createRateLimiter({ limit: perMinutePerIp, name: 'calendar-feed', onStoreError: 'allow', windowMs: 60_000 })
  return {
    handler: withErrorHandling(async (req) => {
      await limiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
      const params = paramsSchema.safeParse(req.routeParams)
      const feed = params.success ? await servedFeed(req.payload, params.data.token) : null
      if (!feed) throw notFound('Calendar feed not found.')
      const headers = { 'Cache-Control': `private, max-age=${FEED_REFRESH_SECONDS}`, ETag: feed.etag }
      if (etagMatches(req.headers.get('if-none-match'), feed.etag)) return new Response(null, { headers, status: 304 })
      return new Response(feed.body, { headers: { ...headers, 'Content-Type': 'text/calendar; charset=utf-8' }, status: 200 })
    }),
    method: 'get',
    path: '/calendar/feeds/:token.ics',
  }
}
