// Caddy's `ask` (GET /api/domains/tls-allowed) with its cache and rate limit, and POST /api/domains/:id/set-primary.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Tenant } from '../../payload-types'

import { primaryHostOf, tenantForHost } from '../../plugins/domains'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const RATE_LIMIT = 5

describe('custom domains: tls-allowed and set-primary', () => {
  let app: TestApp
  let clients = 0

  // Each ask from its own client address (the REST client plays one proxy), except where the limit is tested.
  const nextIp = () => `10.1.${Math.floor(++clients / 250)}.${clients % 250}`
  const ask = async (domain: null | string, ip = nextIp()) => {
    const response = await app.rest.get(domain === null ? '/domains/tls-allowed' : `/domains/tls-allowed?domain=${encodeURIComponent(domain)}`, {
      headers: { 'X-Forwarded-For': ip },
    })
    await response.arrayBuffer()
    return response.status
  }
  const unique = (base: string) => `${randomBytes(3).toString('hex')}.${base}`
  const domainOf = async (tenant: Tenant, status: Domain['status'], hostname = unique('studio.example')) => {
    const domain = await app.payload.create({ collection: 'domains', data: { hostname, status: 'pending', tenant: tenant.id } })
    return status === 'pending' ? domain : app.payload.update({ id: domain.id, collection: 'domains', data: { status } })
  }

  beforeAll(async () => {
    app = await startTestApp({ ATELIER_PUBLIC_URL: 'https://atelier.example.com', ATELIER_TLS_ASK_RATE_LIMIT: String(RATE_LIMIT) })
  })
  afterAll(async () => {
    await app?.close()
  })

  describe('GET /api/domains/tls-allowed', () => {
    it('answers 200 for verified and active domains, in any spelling', async () => {
      const tenant = await createTenant(app.payload)
      const verified = await domainOf(tenant, 'verified')
      const active = await domainOf(tenant, 'active')
      expect(await ask(verified.hostname)).toBe(200)
      expect(await ask(active.hostname)).toBe(200)
      expect(await ask(`${active.hostname.toUpperCase()}.`)).toBe(200)
    })

    it('answers 200 for the platform host, and not for its subdomains', async () => {
      expect(await ask('atelier.example.com')).toBe(200)
      expect(await ask('Atelier.Example.com.')).toBe(200)
      expect(await ask('www.atelier.example.com')).toBe(404)
      expect(await ask('evil.atelier.example.com')).toBe(404)
    })

    it.each([
      ['a pending domain', 'pending'],
      ['a failed domain', 'failed'],
    ] as const)('answers 404 for %s', async (_case, status) => {
      const domain = await domainOf(await createTenant(app.payload), status)
      expect(await ask(domain.hostname)).toBe(404)
    })

    it.each([
      ['an unknown hostname', 'nobody-claimed-this.example'],
      ['an IP address', '203.0.113.7'],
      ['a port', 'book.example.com:443'],
      ['a scheme', 'https://book.example.com'],
      ['an empty value', ''],
      ['a NUL character', 'book\u0000.example.com'],
      ['a name too long', `${'a'.repeat(63)}.`.repeat(5) + 'example'],
    ])('answers 404 for %s', async (_case, domain) => {
      expect(await ask(domain)).toBe(404)
    })

    it('answers 404 without a domain parameter', async () => {
      expect(await ask(null)).toBe(404)
    })

    it('sees a verification and a deletion at once, despite its cache', async () => {
      const tenant = await createTenant(app.payload)
      const domain = await domainOf(tenant, 'pending')
      expect(await ask(domain.hostname)).toBe(404)
      await app.payload.update({ id: domain.id, collection: 'domains', data: { status: 'verified' } })
      expect(await ask(domain.hostname)).toBe(200)
      expect(await tenantForHost(app.payload, domain.hostname)).toEqual({ hostname: domain.hostname, tenant: tenant.id })
      await app.payload.update({ id: domain.id, collection: 'domains', data: { status: 'failed' } })
      expect(await ask(domain.hostname)).toBe(404)
      await app.payload.update({ id: domain.id, collection: 'domains', data: { status: 'active' } })
      expect(await ask(domain.hostname)).toBe(200)
      await app.payload.delete({ id: domain.id, collection: 'domains' })
      expect(await ask(domain.hostname)).toBe(404)
      expect(await tenantForHost(app.payload, domain.hostname)).toBeNull()
    })

    it('answers 429 beyond the limit per client address, and goes on answering others', async () => {
      const ip = '192.0.2.77'
      for (let index = 0; index < RATE_LIMIT; index++) expect(await ask('unknown.example', ip)).toBe(404)
      const response = await app.rest.get('/domains/tls-allowed?domain=atelier.example.com', { headers: { 'X-Forwarded-For': ip } })
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(await ask('atelier.example.com')).toBe(200)
    })
  })

  describe('POST /api/domains/:id/set-primary', () => {
    const studio = async () => {
      const tenant = await createTenant(app.payload)
      const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
      const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
      return { staffToken: await app.rest.login(staff.email, PASSWORD), tenant, token: await app.rest.login(owner.email, PASSWORD) }
    }
    const setPrimary = (id: number, token?: string) => app.rest.post(`/domains/${id}/set-primary`, undefined, token ? { token } : {})
    const primaries = async (tenant: Tenant) =>
      (await app.payload.find({ collection: 'domains', depth: 0, where: { and: [{ tenant: { equals: tenant.id } }, { primary: { equals: true } }] } })).docs.map(
        (domain) => domain.id,
      )

    it('refuses a domain that is not active with 409 domain_not_active', async () => {
      const { tenant, token } = await studio()
      for (const status of ['pending', 'verified', 'failed'] as const) {
        const domain = await domainOf(tenant, status)
        const response = await setPrimary(domain.id, token)
        expect(response.status).toBe(409)
        expect(((await response.json()) as { code?: string }).code).toBe('domain_not_active')
      }
      expect(await primaries(tenant)).toEqual([])
    })

    it('makes an active domain the one primary domain of its studio', async () => {
      const { tenant, token } = await studio()
      const first = await domainOf(tenant, 'active')
      const second = await domainOf(tenant, 'active')
      expect(await primaryHostOf({ payload: app.payload }, tenant.id)).toBeNull()

      const response = await setPrimary(first.id, token)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ id: first.id, hostname: first.hostname, primary: true })
      expect(await primaries(tenant)).toEqual([first.id])

      expect((await setPrimary(second.id, token)).status).toBe(200)
      expect(await primaries(tenant)).toEqual([second.id])
      expect(await primaryHostOf({ payload: app.payload }, tenant.id)).toBe(second.hostname)
      // Again: nothing changes, still one.
      expect((await setPrimary(second.id, token)).status).toBe(200)
      expect(await primaries(tenant)).toEqual([second.id])
    })

    it('answers 404 for another studio’s domain, 403 to staff, 401 signed out', async () => {
      const owner = await studio()
      const other = await studio()
      const domain = await domainOf(owner.tenant, 'active')
      expect((await setPrimary(domain.id, other.token)).status).toBe(404)
      expect((await setPrimary(999_999, owner.token)).status).toBe(404)
      expect((await setPrimary(domain.id, owner.staffToken)).status).toBe(403)
      expect((await setPrimary(domain.id)).status).toBe(401)
      expect(await primaries(owner.tenant)).toEqual([])
    })
  })
})
