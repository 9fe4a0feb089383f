// The dashboard's in-process cache, on a clock the test moves: entries live for their time-to-live only,
// the oldest goes first once the bound is reached, and the key names the studio and the visible parts.
import { describe, expect, it } from 'vitest'

import { dashboardCacheKey, TimedCache } from '../../plugins/dashboard/services/dashboardCache'

describe('dashboard cache', () => {
  it('keeps an entry for its time-to-live only', () => {
    let now = 1_000
    const cache = new TimedCache<string>(30_000, 10, () => now)
    cache.set('a', 'A')
    now += 29_999
    expect(cache.get('a')).toBe('A')
    now += 1
    expect(cache.get('a')).toBeUndefined()
  })

  it('starts the time-to-live again when an entry is written again', () => {
    let now = 0
    const cache = new TimedCache<string>(100, 10, () => now)
    cache.set('a', 'first')
    now = 90
    cache.set('a', 'second')
    now = 150
    expect(cache.get('a')).toBe('second')
  })

  it('drops the oldest entry once it holds its bound', () => {
    const cache = new TimedCache<string>(30_000, 2, () => 0)
    cache.set('a', 'A')
    cache.set('b', 'B')
    // Writing `a` again makes it the newest: `b` is now the oldest.
    cache.set('a', 'A2')
    cache.set('c', 'C')
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A2', undefined, 'C'])
    cache.clear()
    expect(cache.get('a')).toBeUndefined()
  })

  it('keys by studio and by the set of visible parts, whatever their order', () => {
    expect(dashboardCacheKey(7, { bookings: true, members: false, payments: true })).toBe('7:bookings,payments')
    expect(dashboardCacheKey(7, { payments: true, bookings: true })).toBe('7:bookings,payments')
    expect(dashboardCacheKey(null, { bookings: true })).toBe('all:bookings')
    expect(dashboardCacheKey(7, { bookings: true })).not.toBe(dashboardCacheKey(8, { bookings: true }))
    expect(dashboardCacheKey(7, { bookings: true, payments: false })).not.toBe(dashboardCacheKey(7, { bookings: true, payments: true }))
  })
})
