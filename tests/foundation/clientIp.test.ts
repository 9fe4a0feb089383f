// Which X-Forwarded-For entry is the client: the one our trusted proxies appended, not what the client wrote.
import { describe, expect, it } from 'vitest'

import { clientIp } from '../../utilities/clientIp'

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
})
