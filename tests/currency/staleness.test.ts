// The stale-rate guard against a clock moved by hand: rates of Friday the 4th, allowed for 4 days.
import { describe, expect, it } from 'vitest'

import { ageInDays, isStale } from '../../plugins/currency/services/staleness'

describe('stale-rate guard', () => {
  it('allows rates up to the maximum age, to the last instant of that day, and refuses them the day after', () => {
    expect(isStale('2026-12-04', new Date('2026-12-04T16:00:00Z'), 4)).toBe(false)
    expect(isStale('2026-12-04', new Date('2026-12-08T23:59:59Z'), 4)).toBe(false)
    expect(isStale('2026-12-04', new Date('2026-12-09T00:00:00Z'), 4)).toBe(true)
    expect(isStale('2026-12-04', '2026-12-08', 4)).toBe(false)
    expect(isStale('2026-12-04', '2026-12-09', 4)).toBe(true)
  })

  it('counts whole days across a month end and a DST change', () => {
    expect(ageInDays('2026-10-23', '2026-10-26')).toBe(3)
    expect(ageInDays('2026-11-27', new Date('2026-12-01T09:00:00Z'))).toBe(4)
  })
})
