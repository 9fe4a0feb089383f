// The pure side of plan limits: whether one more fits, and how usage reads (downgrades below usage included).
import { describe, expect, it } from 'vitest'

import { allowsOneMore, limitRefusalMessage, usageLine } from '../../plugins/billing/services/limitDecision'

describe('allowsOneMore', () => {
  it('allows while usage is under the limit, refuses at it and above it', () => {
    expect(allowsOneMore({ limit: 2, used: 0 })).toBe(true)
    expect(allowsOneMore({ limit: 2, used: 1 })).toBe(true)
    expect(allowsOneMore({ limit: 2, used: 2 })).toBe(false)
    expect(allowsOneMore({ limit: 2, used: 5 })).toBe(false)
  })

  it('a limit of zero refuses the first; null is unlimited', () => {
    expect(allowsOneMore({ limit: 0, used: 0 })).toBe(false)
    expect(allowsOneMore({ limit: null, used: 10_000 })).toBe(true)
  })
})

describe('usageLine', () => {
  it('within the limit: what remains, not over, no warning', () => {
    expect(usageLine('rooms', { limit: 5, used: 3 })).toEqual({ limit: 5, over: false, remaining: 2, resource: 'rooms', used: 3 })
    expect(usageLine('rooms', { limit: 5, used: 5 })).toEqual({ limit: 5, over: false, remaining: 0, resource: 'rooms', used: 5 })
  })

  it('unlimited: remaining null, never over', () => {
    expect(usageLine('staffSeats', { limit: null, used: 40 })).toEqual({ limit: null, over: false, remaining: null, resource: 'staffSeats', used: 40 })
  })

  it('over after a downgrade: remaining 0, over, a warning that nothing is removed', () => {
    const line = usageLine('rooms', { limit: 1, used: 3 })
    expect(line).toMatchObject({ limit: 1, over: true, remaining: 0, resource: 'rooms', used: 3 })
    expect(line.warning).toMatch(/3 rooms in use where the plan allows 1: nothing is removed/)
  })

  it('AI credits beyond the grant are reported as drawn from purchased credits', () => {
    expect(usageLine('aiCreditsPerMonth', { limit: 50, used: 80 }).warning).toMatch(/purchased credits/)
  })
})

describe('limitRefusalMessage', () => {
  it('names the limit, the usage and the resource', () => {
    expect(limitRefusalMessage('bookingsPerMonth', { limit: 150, used: 150 })).toBe(
      "The studio's plan allows 150 bookings a month and 150 are used: upgrade the plan to add more.",
    )
  })
})
