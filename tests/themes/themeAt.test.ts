import { describe, expect, it } from 'vitest'

import { nextThemeChange, themeAt, type ThemePreference } from '../../plugins/themes/services/themeAt'

const PARIS = 'Europe/Paris'
const MONTREAL = 'America/Montreal'
const MINUTE_MS = 60_000

const at = (iso: string) => new Date(iso)
const scheduled = (darkFrom: string, darkUntil: string): ThemePreference => ({ mode: 'scheduled', schedule: { darkFrom, darkUntil } })
const nextChangeIso = (iso: string, prefs: ThemePreference, zone: string) => nextThemeChange(at(iso), prefs, zone)?.toISOString() ?? null

/** Every instant in [startIso, startIso + minutes) where themeAt's answer differs from the minute before, by brute force. */
function changesByMinute(startIso: string, minutes: number, prefs: ThemePreference, zone: string): string[] {
  const start = at(startIso).getTime()
  const changes: string[] = []
  let previous = themeAt(new Date(start), prefs, zone)
  for (let minute = 1; minute < minutes; minute += 1) {
    const instant = new Date(start + minute * MINUTE_MS)
    const answer = themeAt(instant, prefs, zone)
    if (answer !== previous) changes.push(instant.toISOString())
    previous = answer
  }
  return changes
}

/** The same changes found by chaining nextThemeChange. */
function changesByNext(startIso: string, minutes: number, prefs: ThemePreference, zone: string): string[] {
  const end = at(startIso).getTime() + minutes * MINUTE_MS
  const changes: string[] = []
  let change = nextThemeChange(at(startIso), prefs, zone)
  while (change && change.getTime() < end) {
    changes.push(change.toISOString())
    change = nextThemeChange(change, prefs, zone)
  }
  return changes
}

describe('the DST dates these tests rely on (2026)', () => {
  const wallClock = (iso: string, zone: string) =>
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', minute: '2-digit', timeZone: zone, timeZoneName: 'short' }).format(at(iso))

  it('Paris springs forward 02:00 → 03:00 on 2026-03-29', () => {
    expect(wallClock('2026-03-29T00:59:00Z', PARIS)).toBe('01:59 CET')
    expect(wallClock('2026-03-29T01:00:00Z', PARIS)).toBe('03:00 CEST')
  })

  it('Montreal falls back 02:00 EDT → 01:00 EST on 2026-11-01', () => {
    expect(wallClock('2026-11-01T05:59:00Z', MONTREAL)).toBe('01:59 GMT-4')
    expect(wallClock('2026-11-01T06:00:00Z', MONTREAL)).toBe('01:00 GMT-5')
  })
})

describe('themeAt', () => {
  it('passes light, dark and auto through', () => {
    for (const mode of ['light', 'dark', 'auto'] as const) {
      expect(themeAt(at('2026-01-15T22:30:00Z'), { mode }, PARIS)).toBe(mode)
      // A schedule left over from an earlier choice does not matter.
      expect(themeAt(at('2026-01-15T22:30:00Z'), { mode, schedule: { darkFrom: '20:00', darkUntil: '07:00' } }, PARIS)).toBe(mode)
    }
  })

  it('wraps a schedule across midnight: dark from 20:00 through 06:59 (Paris, CET)', () => {
    const evenings = scheduled('20:00', '07:00')
    expect(themeAt(at('2026-01-15T22:30:00Z'), evenings, PARIS)).toBe('dark') // 23:30
    expect(themeAt(at('2026-01-16T05:59:00Z'), evenings, PARIS)).toBe('dark') // 06:59
    expect(themeAt(at('2026-01-16T05:59:59Z'), evenings, PARIS)).toBe('dark') // 06:59:59
    expect(themeAt(at('2026-01-16T06:00:00Z'), evenings, PARIS)).toBe('light') // 07:00
    expect(themeAt(at('2026-01-16T18:59:00Z'), evenings, PARIS)).toBe('light') // 19:59
    expect(themeAt(at('2026-01-16T19:00:00Z'), evenings, PARIS)).toBe('dark') // 20:00
  })

  it('reads the same instant by each zone’s wall clock', () => {
    // 2026-01-16T06:30Z: 07:30 in Paris, 01:30 in Montreal.
    expect(themeAt(at('2026-01-16T06:30:00Z'), scheduled('20:00', '07:00'), PARIS)).toBe('light')
    expect(themeAt(at('2026-01-16T06:30:00Z'), scheduled('20:00', '07:00'), MONTREAL)).toBe('dark')
  })

  it('handles a window within one day', () => {
    const afternoons = scheduled('13:00', '14:30')
    expect(themeAt(at('2026-07-15T10:59:00Z'), afternoons, PARIS)).toBe('light') // 12:59 CEST
    expect(themeAt(at('2026-07-15T11:00:00Z'), afternoons, PARIS)).toBe('dark') // 13:00
    expect(themeAt(at('2026-07-15T12:29:00Z'), afternoons, PARIS)).toBe('dark') // 14:29
    expect(themeAt(at('2026-07-15T12:30:00Z'), afternoons, PARIS)).toBe('light') // 14:30
  })

  it('follows the spring-forward night in Paris (22:00 → 02:30)', () => {
    const lateNights = scheduled('22:00', '02:30')
    expect(themeAt(at('2026-03-28T21:00:00Z'), lateNights, PARIS)).toBe('dark') // 22:00 CET
    expect(themeAt(at('2026-03-29T00:59:00Z'), lateNights, PARIS)).toBe('dark') // 01:59 CET
    expect(themeAt(at('2026-03-29T01:00:00Z'), lateNights, PARIS)).toBe('light') // 03:00 CEST
  })

  it('is dark both times 01:45 occurs on the fall-back night in Montreal (01:30 → 06:00)', () => {
    const earlyHours = scheduled('01:30', '06:00')
    expect(themeAt(at('2026-11-01T05:45:00Z'), earlyHours, MONTREAL)).toBe('dark') // 01:45 EDT
    expect(themeAt(at('2026-11-01T06:00:00Z'), earlyHours, MONTREAL)).toBe('light') // 01:00 EST, before 01:30 again
    expect(themeAt(at('2026-11-01T06:45:00Z'), earlyHours, MONTREAL)).toBe('dark') // 01:45 EST
    expect(themeAt(at('2026-11-01T10:59:00Z'), earlyHours, MONTREAL)).toBe('dark') // 05:59 EST
    expect(themeAt(at('2026-11-01T11:00:00Z'), earlyHours, MONTREAL)).toBe('light') // 06:00 EST
  })

  it('is never dark when darkFrom equals darkUntil, or when the schedule is missing or malformed', () => {
    for (const iso of ['2026-01-15T20:59:00Z', '2026-01-15T21:00:00Z', '2026-01-15T21:01:00Z', '2026-01-16T03:00:00Z']) {
      expect(themeAt(at(iso), scheduled('22:00', '22:00'), PARIS)).toBe('light')
    }
    expect(themeAt(at('2026-01-15T22:30:00Z'), { mode: 'scheduled' }, PARIS)).toBe('light')
    expect(themeAt(at('2026-01-15T22:30:00Z'), scheduled('8:00 pm', '07:00'), PARIS)).toBe('light')
    expect(themeAt(at('2026-01-15T22:30:00Z'), scheduled('20:00', '24:00'), PARIS)).toBe('light')
  })
})

describe('nextThemeChange', () => {
  it('is null unless the preference is a schedule that is sometimes dark', () => {
    for (const mode of ['light', 'dark', 'auto'] as const) expect(nextThemeChange(at('2026-01-15T22:30:00Z'), { mode }, PARIS)).toBeNull()
    expect(nextChangeIso('2026-01-15T22:30:00Z', scheduled('22:00', '22:00'), PARIS)).toBeNull()
    expect(nextChangeIso('2026-01-15T22:30:00Z', { mode: 'scheduled' }, PARIS)).toBeNull()
  })

  it('gives the next window edge on an ordinary day', () => {
    const evenings = scheduled('20:00', '07:00')
    expect(nextChangeIso('2026-01-15T22:30:00Z', evenings, PARIS)).toBe('2026-01-16T06:00:00.000Z') // 07:00
    expect(nextChangeIso('2026-01-16T06:00:00Z', evenings, PARIS)).toBe('2026-01-16T19:00:00.000Z') // 20:00
    // Strictly after: from the edge's own minute, or partway through the minute before it.
    expect(nextChangeIso('2026-01-16T18:59:59.999Z', evenings, PARIS)).toBe('2026-01-16T19:00:00.000Z')
    expect(nextChangeIso('2026-01-16T19:00:00.001Z', evenings, PARIS)).toBe('2026-01-17T06:00:00.000Z')
  })

  it('does not miss a window of a few minutes', () => {
    const shortBreak = scheduled('22:00', '22:05')
    expect(nextChangeIso('2026-01-15T20:30:00Z', shortBreak, PARIS)).toBe('2026-01-15T21:00:00.000Z')
    expect(nextChangeIso('2026-01-15T21:00:00Z', shortBreak, PARIS)).toBe('2026-01-15T21:05:00.000Z')
  })

  it('changes at the end of the spring-forward gap when the edge falls inside it (Paris)', () => {
    const lateNights = scheduled('22:00', '02:30')
    expect(nextChangeIso('2026-03-29T00:00:00Z', lateNights, PARIS)).toBe('2026-03-29T01:00:00.000Z') // 01:00 CET → 03:00 CEST
    expect(nextChangeIso('2026-03-29T01:00:00Z', lateNights, PARIS)).toBe('2026-03-29T20:00:00.000Z') // 22:00 CEST
  })

  it('skips a window that lies wholly inside the spring-forward gap, as themeAt does', () => {
    const gapOnly = scheduled('02:10', '02:20')
    expect(nextChangeIso('2026-03-29T00:00:00Z', gapOnly, PARIS)).toBe('2026-03-30T00:10:00.000Z') // 02:10 CEST the next night
  })

  it('follows the repeated hour of the fall-back night (Montreal)', () => {
    const earlyHours = scheduled('01:30', '06:00')
    expect(nextChangeIso('2026-11-01T05:45:00Z', earlyHours, MONTREAL)).toBe('2026-11-01T06:00:00.000Z') // back to 01:00 EST
    expect(nextChangeIso('2026-11-01T06:00:00Z', earlyHours, MONTREAL)).toBe('2026-11-01T06:30:00.000Z') // 01:30 EST
    expect(nextChangeIso('2026-11-01T06:30:00Z', earlyHours, MONTREAL)).toBe('2026-11-01T11:00:00.000Z') // 06:00 EST
  })

  it('agrees with themeAt read minute by minute over both DST nights', () => {
    const cases: [string, ThemePreference, string][] = [
      ['2026-03-28T00:00:00Z', scheduled('22:00', '02:30'), PARIS],
      ['2026-03-28T00:00:00Z', scheduled('01:30', '03:30'), PARIS],
      ['2026-03-28T00:00:00Z', scheduled('02:10', '02:20'), PARIS],
      ['2026-03-28T00:00:00Z', scheduled('03:00', '02:00'), PARIS],
      ['2026-10-31T00:00:00Z', scheduled('01:30', '06:00'), MONTREAL],
      ['2026-10-31T00:00:00Z', scheduled('01:15', '01:45'), MONTREAL],
      ['2026-10-31T00:00:00Z', scheduled('20:00', '01:00'), MONTREAL],
    ]
    for (const [startIso, prefs, zone] of cases) {
      const byMinute = changesByMinute(startIso, 3 * 1440, prefs, zone)
      expect(byMinute.length, JSON.stringify(prefs)).toBeGreaterThan(0)
      expect(changesByNext(startIso, 3 * 1440, prefs, zone), JSON.stringify(prefs)).toEqual(byMinute)
    }
  })
})
