// The wizard's progress rule and the first room's slug candidates, without a database.
import { describe, expect, it } from 'vitest'

import { advance, type OnboardingProgress, progressOf, roomSlugCandidates } from '../../plugins/signup/services/onboardingProgress'

const NOW = new Date('2026-12-02T10:00:00.000Z')
const fresh: OnboardingProgress = { completed: [], completedAt: null, skipped: [], step: 'welcome' }

describe('advance', () => {
  it('moves to the next step and records the answer', () => {
    expect(advance(fresh, 'welcome', 'complete', NOW)).toEqual({ completed: ['welcome'], completedAt: null, skipped: [], step: 'room' })
    expect(advance(fresh, 'welcome', 'skip', NOW)).toEqual({ completed: [], completedAt: null, skipped: ['welcome'], step: 'room' })
  })

  it('keeps a step in one list only: the latest answer wins', () => {
    const skipped = advance(fresh, 'welcome', 'skip', NOW)
    expect(advance(skipped, 'welcome', 'complete', NOW)).toMatchObject({ completed: ['welcome'], skipped: [] })
  })

  it('does not go back when an earlier step is answered again', () => {
    let progress = fresh
    for (const step of ['welcome', 'room', 'pricing'] as const) progress = advance(progress, step, 'complete', NOW)
    expect(advance(progress, 'welcome', 'complete', NOW).step).toBe('staff')
  })

  it('points at the first unanswered step when steps are answered out of order', () => {
    expect(advance(fresh, 'pricing', 'complete', NOW).step).toBe('welcome')
  })

  it('sets completedAt once every step is answered, and keeps the first date', () => {
    let progress = fresh
    for (const step of ['welcome', 'room', 'pricing', 'staff'] as const) progress = advance(progress, step, 'skip', NOW)
    expect(progress.completedAt).toBeNull()
    progress = advance(progress, 'plan', 'complete', NOW)
    expect(progress).toMatchObject({ completedAt: NOW.toISOString(), step: 'plan' })
    expect(advance(progress, 'room', 'complete', new Date('2027-01-01T00:00:00Z')).completedAt).toBe(NOW.toISOString())
  })

  it('reads a tenant without stored progress as a fresh start', () => {
    expect(progressOf({ onboarding: undefined })).toEqual(fresh)
    expect(progressOf({ onboarding: { completed: null, skipped: null, step: null } })).toEqual(fresh)
  })
})

describe('roomSlugCandidates', () => {
  it('slugifies the name, then numbers it', () => {
    expect(roomSlugCandidates('Studio Lumière').slice(0, 3)).toEqual(['studio-lumiere', 'studio-lumiere-2', 'studio-lumiere-3'])
  })

  it('falls back to "room" for a name without letters or digits', () => {
    expect(roomSlugCandidates('★★★')[0]).toBe('room')
  })

  it('stays within a slug’s 63 characters, numbered or not', () => {
    for (const slug of roomSlugCandidates('a'.repeat(200))) expect(slug.length).toBeLessThanOrEqual(63)
    expect(roomSlugCandidates(`${'a'.repeat(58)} b`)[0]).toBe('a'.repeat(58))
  })
})
