import { describe, expect, it } from 'vitest'

import { DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, DEV_PAYLOAD_SECRET, loadEnv } from '../../utilities/env'

const strongSecret = 'x'.repeat(40)

describe('loadEnv', () => {
  it('gives development defaults', () => {
    const env = loadEnv({ NODE_ENV: 'development' })
    expect(env).toMatchObject({
      adminEmail: DEV_ADMIN_EMAIL,
      adminPassword: DEV_ADMIN_PASSWORD,
      ATELIER_PUBLIC_URL: 'http://localhost:3000',
      // No proxy is assumed: X-Forwarded-For is ignored unless proxies are declared.
      ATELIER_TRUSTED_PROXIES: 0,
      EMBEDDED_PG_PORT: 54329,
      payloadSecret: DEV_PAYLOAD_SECRET,
    })
  })

  it('refuses to run production without a real secret', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET/)
    expect(() => loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/PAYLOAD_SECRET/)
    expect(() => loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: DEV_PAYLOAD_SECRET })).toThrow(/PAYLOAD_SECRET/)
  })

  it('refuses the development credentials in production, and has no defaults there', () => {
    expect(() =>
      loadEnv({ ATELIER_ADMIN_PASSWORD: DEV_ADMIN_PASSWORD, NODE_ENV: 'production', PAYLOAD_SECRET: strongSecret }),
    ).toThrow(/credentials/)
    const env = loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: strongSecret })
    expect(env.adminEmail).toBeUndefined()
    expect(env.adminPassword).toBeUndefined()
  })

  it('lets `next build` evaluate the config without production secrets', () => {
    expect(() => loadEnv({ NEXT_PHASE: 'phase-production-build', NODE_ENV: 'production' })).not.toThrow()
  })

  it('reports every invalid variable by name', () => {
    expect(() => loadEnv({ ATELIER_PUBLIC_URL: 'not a url', EMBEDDED_PG_PORT: '80', NODE_ENV: 'development' })).toThrow(
      /ATELIER_PUBLIC_URL.*EMBEDDED_PG_PORT|EMBEDDED_PG_PORT.*ATELIER_PUBLIC_URL/,
    )
  })

  it('refuses a jobs secret shorter than 32 characters', () => {
    expect(() => loadEnv({ ATELIER_JOBS_SECRET: 'short', NODE_ENV: 'development' })).toThrow(/ATELIER_JOBS_SECRET/)
    expect(loadEnv({ ATELIER_JOBS_SECRET: 'y'.repeat(32), NODE_ENV: 'development' }).ATELIER_JOBS_SECRET).toHaveLength(32)
  })
})
