import { describe, expect, it } from 'vitest'

import { secretsEqual } from '../../utilities/secrets'

describe('secretsEqual', () => {
  it('is true only for the same non-empty secret', () => {
    const secret = 'z'.repeat(40)
    expect(secretsEqual(secret, secret)).toBe(true)
    expect(secretsEqual(`${secret}x`, secret)).toBe(false)
    expect(secretsEqual(secret.slice(1), secret)).toBe(false)
    expect(secretsEqual('', '')).toBe(false)
    expect(secretsEqual(secret, undefined)).toBe(false)
    expect(secretsEqual(undefined, secret)).toBe(false)
  })
})
