// The feed's iCalendar text and validator, without a database.
import ical, { type VEvent } from 'node-ical'
import { describe, expect, it } from 'vitest'

import { feedTokenHash, feedUrl, newFeedToken } from '../../plugins/dashboard/services/calendarFeedTokens'
import { etagMatches, eventSummary, type FeedEvent, feedEtag, renderFeed } from '../../plugins/dashboard/services/icalFeed'

const event = (fields: Partial<FeedEvent> = {}): FeedEvent => ({
  customer: null,
  end: new Date('2027-03-28T02:30:00Z'),
  id: 7,
  kind: 'booking',
  ref: 'BK-7',
  roomName: 'Salle; A, "B"',
  start: new Date('2027-03-27T23:30:00Z'),
  status: 'confirmed',
  updatedAt: new Date('2027-01-02T03:04:05.678Z'),
  ...fields,
})

describe('renderFeed', () => {
  it('writes UTC instants, the zone as X-WR-TIMEZONE, and the same bytes for the same events', () => {
    const calendar = { events: [event(), event({ customer: 'Ana', id: 8, kind: 'session', status: 'pending' })], host: 'atelier.example', name: 'Studio', timezone: 'Europe/Paris' }
    const body = renderFeed(calendar)
    expect(body).toContain('X-WR-TIMEZONE:Europe/Paris')
    expect(body).toContain('DTSTART:20270327T233000Z')
    expect(body).not.toContain('TZID=')
    expect(renderFeed(calendar)).toBe(body)
    const parsed = Object.values(ical.sync.parseICS(body)).filter((entry): entry is VEvent => entry?.type === 'VEVENT')
    expect(parsed.map((entry) => [entry.uid, String(entry.summary), entry.location, entry.status])).toEqual([
      ['booking-7@atelier.example', 'BK-7 · Salle; A, "B"', 'Salle; A, "B"', 'CONFIRMED'],
      ['session-8@atelier.example', 'Session BK-7 · Salle; A, "B" · Ana', 'Salle; A, "B"', 'TENTATIVE'],
    ])
  })

  it('names a session without a booking, and a booking without a customer', () => {
    expect(eventSummary(event({ kind: 'session', ref: null }))).toBe('Session · Salle; A, "B"')
    expect(eventSummary(event({ customer: null }))).toBe('BK-7 · Salle; A, "B"')
  })
})

describe('etagMatches', () => {
  const etag = feedEtag('body')
  it.each([
    [etag, true],
    [`W/${etag}`, true],
    [`"x", ${etag}`, true],
    ['*', true],
    ['"x"', false],
    [null, false],
  ])('If-None-Match %s → %s', (header, expected) => expect(etagMatches(header, etag)).toBe(expected))
})

describe('feed tokens', () => {
  it('hashes only what can be a token, under a pepper', () => {
    const pepper = Buffer.alloc(32, 1)
    const { token, tokenHash } = newFeedToken(pepper)
    expect(feedTokenHash(pepper, token)).toBe(tokenHash)
    expect(feedTokenHash(Buffer.alloc(32, 2), token)).not.toBe(tokenHash)
    expect(feedTokenHash(pepper, `${token.slice(0, 42)}.`)).toBeNull()
    expect(feedUrl('https://app.example/', '/api', token)).toBe(`https://app.example/api/calendar/feeds/${token}.ics`)
  })
})
