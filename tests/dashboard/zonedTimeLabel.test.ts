import { describe, expect, it } from 'vitest'

import { zoneAbbreviation, zonedTimeLabel } from '../../plugins/dashboard/services/zonedTimeLabel'

// "Now" for the labels: the year is shown only when it is not this one.
const IN_2026 = new Date('2026-06-01T12:00:00Z')
const IN_2027 = new Date('2027-06-01T12:00:00Z')

describe('times as the studio reads them', () => {
  it('shows the studio’s wall clock and zone, CET before the spring change and CEST after', () => {
    expect(zonedTimeLabel('2026-12-05T18:00:00Z', 'Europe/Paris', 'en-GB', IN_2026)).toBe('Sat 5 Dec, 19:00 CET')
    expect(zonedTimeLabel('2027-03-28T00:30:00Z', 'Europe/Paris', 'en-GB', IN_2027)).toBe('Sun 28 Mar, 01:30 CET')
    expect(zonedTimeLabel('2027-03-28T01:30:00Z', 'Europe/Paris', 'en-GB', IN_2027)).toBe('Sun 28 Mar, 03:30 CEST')
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'Europe/Paris')).toBe('CEST')
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'Asia/Kolkata')).toMatch(/^(IST|GMT\+5:30)$/)
    expect(zoneAbbreviation(new Date('2027-07-01T12:00:00Z'), 'America/New_York')).toBe('EDT')
  })

  it('goes back to CET at the autumn change, the repeated hour told apart by its zone name', () => {
    // 31 Oct 2027: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(zonedTimeLabel('2027-10-31T00:30:00Z', 'Europe/Paris', 'en-GB', IN_2027)).toBe('Sun 31 Oct, 02:30 CEST')
    expect(zonedTimeLabel('2027-10-31T01:30:00Z', 'Europe/Paris', 'en-GB', IN_2027)).toBe('Sun 31 Oct, 02:30 CET')
  })

  it('adds the year when it is not the studio’s current one', () => {
    expect(zonedTimeLabel('2025-12-05T18:00:00Z', 'Europe/Paris', 'en-GB', IN_2026)).toBe('Fri, 5 Dec 2025, 19:00 CET')
    // New Year's Eve 23:30 UTC is already next year in Paris.
    expect(zonedTimeLabel('2026-12-31T23:30:00Z', 'Europe/Paris', 'en-GB', IN_2026)).toBe('Fri, 1 Jan 2027, 00:30 CET')
  })

  it('speaks the admin language, and says nothing for an invalid instant', () => {
    expect(zonedTimeLabel('2026-12-05T18:00:00Z', 'Europe/Paris', 'fr', IN_2026)).toBe('sam. 5 déc., 19:00 CET')
    expect(zonedTimeLabel('2026-12-05T18:00:00Z', 'Europe/Paris', 'en', IN_2026)).toBe('Sat, Dec 5, 19:00 CET')
    expect(zonedTimeLabel('not a date', 'Europe/Paris', 'en')).toBe('')
  })
})
