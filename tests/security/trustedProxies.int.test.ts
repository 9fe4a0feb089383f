// Without a proxy in front (the default, ATELIER_TRUSTED_PROXIES unset), X-Forwarded-For is whatever the
// client wrote: it must change neither the address the audit log records nor the rate-limit key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('client address with the default trusted proxies', () => {
  let app: TestApp
  let studio: Tenant
  let member: User
  const configured = process.env.ATELIER_TRUSTED_PROXIES

  beforeAll(async () => {
    // The other test files play one proxy (vitest.config.ts); this one runs on the default.
    delete process.env.ATELIER_TRUSTED_PROXIES
    app = await startTestApp({ ATELIER_PUBLIC_RATE_LIMIT: '3' })
    studio = await createTenant(app.payload)
    member = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
  })
  afterAll(async () => {
    await app.close()
    if (configured !== undefined) process.env.ATELIER_TRUSTED_PROXIES = configured
  })

  it('records no forged address on a login or a failed login', async () => {
    const forged = { headers: { 'X-Forwarded-For': '203.0.113.50', 'X-Real-IP': '203.0.113.51' } }
    expect((await app.rest.post('/users/login', { email: member.email, password: PASSWORD }, forged)).status).toBe(200)
    expect((await app.rest.post('/users/login', { email: member.email, password: 'wrong' }, forged)).status).toBe(401)
    const entries = await auditEntries(app.payload, { subject: { equals: member.email } })
    expect(entries.map((entry) => entry.action)).toEqual(['login', 'login_failed'])
    expect(entries.map((entry) => entry.ip ?? null)).toEqual([null, null])
  })

  it('keeps one rate-limit key however the header is forged', async () => {
    const rooms = (ip: string) => app.rest.get(`/public/tenants/${studio.slug}/rooms`, { headers: { 'X-Forwarded-For': ip } })
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect((await rooms(ip)).status).toBe(200)
    const limited = await rooms('198.51.100.4')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
