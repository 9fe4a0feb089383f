import { describe, expect, it } from 'vitest'

import { generateBookingRef, isBookingRef, normaliseBookingRef } from '../../plugins/booking/services/bookingRef'
import {
  BLOCKING_STATUSES,
  BOOKING_STATUSES,
  BOOKING_TRANSITIONS,
  type BookingStatus,
  IllegalTransitionError,
  SESSION_STATUSES,
  SESSION_TRANSITIONS,
  type SessionStatus,
  assertSessionTransition,
  assertTransition,
  canTransition,
  canTransitionSession,
} from '../../plugins/booking/services/transitions'

const REF_FORMAT = /^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

describe('booking references', () => {
  it('have the BK-XXXX-XXXX Crockford base32 format', () => {
    for (let i = 0; i < 200; i += 1) expect(generateBookingRef()).toMatch(REF_FORMAT)
  })

  it('are unique over 1,000 generated', () => {
    const refs = new Set(Array.from({ length: 1000 }, generateBookingRef))
    expect(refs.size).toBe(1000)
  })

  it('use the whole alphabet', () => {
    const symbols = Array.from({ length: 500 }, () => generateBookingRef().slice(3).replace('-', '')).join('')
    const seen = new Set(symbols)
    expect([...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].every((symbol) => seen.has(symbol))).toBe(true)
  })

  it('are recognised in any case, and normalised to upper case', () => {
    expect(isBookingRef('BK-7Q2M-ZX9A')).toBe(true)
    expect(isBookingRef('bk-7q2m-zx9a')).toBe(true)
    expect(normaliseBookingRef(' bk-7q2m-zx9a ')).toBe('BK-7Q2M-ZX9A')
    expect(isBookingRef('BK-7Q2M-ZX9U')).toBe(false) // U is not in the alphabet
    expect(isBookingRef('BK-7Q2M-ZXIO')).toBe(false)
    expect(isBookingRef('BK-7Q2M-ZX9')).toBe(false)
    expect(isBookingRef('XX-7Q2M-ZX9A')).toBe(false)
    expect(isBookingRef('BK-7Q2MZX9A')).toBe(false)
  })
})

describe('booking status transitions', () => {
  const allPairs = BOOKING_STATUSES.flatMap((from) => BOOKING_STATUSES.map((to) => [from, to] as [BookingStatus, BookingStatus]))

  it('allow every pair in the table and nothing else', () => {
    for (const [from, to] of allPairs) {
      const listed = BOOKING_TRANSITIONS[from].includes(to)
      expect(canTransition(from, to), `${from} → ${to}`).toBe(listed)
      if (listed) expect(() => assertTransition(from, to)).not.toThrow()
      else expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError)
    }
  })

  it('match the documented table', () => {
    expect(BOOKING_TRANSITIONS).toEqual({
      awaiting_payment: ['confirmed', 'cancelled', 'expired', 'pending'],
      cancelled: [],
      completed: [],
      confirmed: ['completed', 'cancelled', 'converted'],
      converted: [],
      expired: ['confirmed', 'pending'],
      pending: ['awaiting_payment', 'confirmed', 'cancelled', 'expired'],
    })
  })

  it('refuse illegal moves with the statuses on the error', () => {
    expect(canTransition('cancelled', 'confirmed')).toBe(false)
    expect(canTransition('expired', 'cancelled')).toBe(false)
    expect(canTransition('confirmed', 'pending')).toBe(false)
    expect(canTransition('pending', 'completed')).toBe(false)
    expect(canTransition('confirmed', 'confirmed')).toBe(false)
    expect(canTransition('constructor' as BookingStatus, 'pending')).toBe(false)
    try {
      assertTransition('completed', 'cancelled')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError)
      expect(error).toMatchObject({ from: 'completed', name: 'IllegalTransitionError', to: 'cancelled' })
    }
  })

  it('hold the slot in every status but cancelled and expired', () => {
    expect(BOOKING_STATUSES.filter((status) => !BLOCKING_STATUSES.includes(status))).toEqual(['cancelled', 'expired'])
  })
})

describe('session status transitions', () => {
  it('allow every pair in the table and nothing else', () => {
    expect(SESSION_TRANSITIONS).toEqual({
      cancelled: [],
      completed: [],
      in_progress: ['completed', 'cancelled'],
      scheduled: ['in_progress', 'completed', 'cancelled'],
    })
    for (const from of SESSION_STATUSES) {
      for (const to of SESSION_STATUSES) {
        const listed = SESSION_TRANSITIONS[from].includes(to)
        expect(canTransitionSession(from, to), `${from} → ${to}`).toBe(listed)
        if (!listed) expect(() => assertSessionTransition(from, to)).toThrow(IllegalTransitionError)
      }
    }
  })

  it('refuse going back', () => {
    expect(canTransitionSession('in_progress', 'scheduled' as SessionStatus)).toBe(false)
    expect(() => assertSessionTransition('completed', 'in_progress')).toThrow(/session cannot go from completed to in_progress/)
  })
})
