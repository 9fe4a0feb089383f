import { describe, expect, it } from 'vitest'

import { zoneAbbreviation, zonedTimeLabel } from '../../plugins/dashboard/services/zonedTimeLabel'

describe('times as the studio reads them', () => {
  it('shows the studio’s wall clock and zone, CET before the spring change and CEST after', () => {
    expect(zonedTimeLabel('2026-12-05T18:00:00Z', 'Europe/Paris', 'en-GB')).toBe('Sat 5 Dec, 19:00 CET')
    expect(zonedTimeLabel('2027-03-28T00:30:00Z', 'Europe/Paris', 'en-GB')).toBe('Sun 28 Mar, 01:30 CET')
    expect(zonedTimeLabel('2027-03-28T01:30:00Z', 'Europe/Paris', 'en-GB')).toBe('Sun 28 Mar, 03:30 CEST')
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'Europe/Paris')).toBe('CEST')
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'Asia/Kolkata')).toMatch(/^(IST|GMT\+5:30)$/)
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'America/New_York')).toBe('EDT')
  })

  it('speaks the admin language, and says nothing for an invalid instant', () => {
    expect(zonedTimeLabel('2026-12-05T18:00:00Z', 'Europe/Paris', 'fr')).toBe('sam. 5 déc., 19:00 CET')
    expect(zonedTimeLabel('not a date', 'Europe/Paris', 'en')).toBe('')
  })
})
