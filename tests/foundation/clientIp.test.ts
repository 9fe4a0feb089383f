// Which X-Forwarded-For entry is the client: the one our trusted proxies appended, not what the client wrote.
import { describe, expect, it } from 'vitest'

import { clientIp, trustedProxiesNotice } from '../../utilities/clientIp'

const headers = (values: Record<string, string>) => new Headers(values)

describe('clientIp', () => {
  it('takes the entry the nearest trusted proxy appended, ignoring what the client prepended', () => {
    expect(clientIp(headers({ 'X-Forwarded-For': '203.0.113.7' }), 1)).toBe('203.0.113.7')
    expect(clientIp(headers({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' }), 1)).toBe('203.0.113.7')
    expect(clientIp(headers({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), 2)).toBe('203.0.113.7')
  })

  it('falls back to the leftmost entry when there are fewer hops than proxies, then to X-Real-IP', () => {
    expect(clientIp(headers({ 'X-Forwarded-For': '203.0.113.7' }), 3)).toBe('203.0.113.7')
    expect(clientIp(headers({ 'X-Real-IP': '198.51.100.1' }), 1)).toBe('198.51.100.1')
    expect(clientIp(headers({}), 1)).toBeNull()
    expect(clientIp(undefined, 1)).toBeNull()
  })

  it('believes nothing without trusted proxies, the default: the client writes those headers', () => {
    expect(clientIp(headers({ 'X-Forwarded-For': '203.0.113.7' }), 0)).toBeNull()
    expect(clientIp(headers({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.7', 'X-Real-IP': '198.51.100.1' }), 0)).toBeNull()
    expect(clientIp(headers({ 'X-Real-IP': '198.51.100.1' }), 0)).toBeNull()
  })

  it('takes addresses only, with a port dropped, and nothing else a header may carry', () => {
    expect(clientIp(headers({ 'X-Forwarded-For': '203.0.113.7:4711' }), 1)).toBe('203.0.113.7')
    expect(clientIp(headers({ 'X-Forwarded-For': '[2001:db8::1]:443' }), 1)).toBe('2001:db8::1')
    expect(clientIp(headers({ 'X-Forwarded-For': '2001:db8::1' }), 1)).toBe('2001:db8::1')
    expect(clientIp(headers({ 'X-Forwarded-For': '<img src=x onerror=alert(1)>' }), 1)).toBeNull()
    expect(clientIp(headers({ 'X-Forwarded-For': 'unknown' }), 1)).toBeNull()
    expect(clientIp(headers({ 'X-Real-IP': 'localhost' }), 1)).toBeNull()
  })

  it('says at start which setting is in force', () => {
    expect(trustedProxiesNotice(0)).toMatch(/^ATELIER_TRUSTED_PROXIES=0: X-Forwarded-For is ignored/)
    expect(trustedProxiesNotice(2)).toMatch(/^ATELIER_TRUSTED_PROXIES=2: .*entry 2 from the right/)
  })
})
