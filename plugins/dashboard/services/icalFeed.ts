// A calendar feed's iCalendar text and its validator (ETag). Pure: the same events give the same bytes,
// so the ETag changes only when what a subscriber would see changes.
import { createHash } from 'node:crypto'
import { ICalCalendar, ICalEventStatus } from 'ical-generator'

export type FeedEvent = {
  /** Shown only when the feed's owner may read customers; null otherwise. */
  customer: null | string
  end: Date
  id: number
  kind: 'booking' | 'session'
  /** The booking's ref (a session's: the booking it was converted from). */
  ref: null | string
  roomName: string
  start: Date
  status: string
  updatedAt: Date
}

export type FeedCalendar = {
  events: FeedEvent[]
  /** Host part of the UIDs: the platform's, so that a UID never collides with another producer's. */
  host: string
  name: string
  /** The studio's IANA zone: the zone calendar apps show the times in. */
  timezone: string
}

/** Calendar apps may poll that often; the response is cacheable for as long. */
export const FEED_REFRESH_SECONDS = 300

const TENTATIVE = new Set(['pending', 'awaiting_payment'])

export const eventUid = (event: Pick<FeedEvent, 'id' | 'kind'>, host: string) => `${event.kind}-${event.id}@${host}`

export function eventSummary(event: FeedEvent): string {
  const what = event.kind === 'session' ? ['Session', event.ref].filter(Boolean).join(' ') : (event.ref ?? 'Booking')
  return [what, event.roomName, event.customer].filter(Boolean).join(' · ')
}

export function renderFeed({ events, host, name, timezone }: FeedCalendar): string {
  const calendar = new ICalCalendar({ name, prodId: { company: 'Atelier', language: 'EN', product: 'Studio calendar' }, ttl: FEED_REFRESH_SECONDS })
  // Times are written as UTC instants. ical-generator's own `timezone` option would print every JS Date as the
  // server's wall clock with a TZID, so the studio's zone is announced with X-WR-TIMEZONE alone.
  calendar.x('X-WR-TIMEZONE', timezone)
  for (const event of events) {
    calendar.createEvent({
      description: `Status: ${event.status.replace('_', ' ')}`,
      end: event.end,
      id: eventUid(event, host),
      lastModified: event.updatedAt,
      location: event.roomName,
      // DTSTAMP from the row, not the clock: an unchanged feed must keep its bytes (and ETag).
      stamp: event.updatedAt,
      start: event.start,
      status: TENTATIVE.has(event.status) ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      summary: eventSummary(event),
    })
  }
  return calendar.toString()
}

/** A strong validator of the body. */
export const feedEtag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for this header) or is `*`. */
export function etagMatches(ifNoneMatch: null | string, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim()
    return value === '*' || value.replace(/^W\//, '') === etag
  })
}
