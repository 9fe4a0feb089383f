// POST /api/domains/:id/verify: the DNS proof (challenge TXT, CNAME or apex addresses) against a real DNS
// server on 127.0.0.1, the answer an owner fixes their records from, and who may ask.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Tenant } from '../../payload-types'

import { type DnsServer, startDnsServer } from '../helpers/dnsServer'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const TARGET = 'edge.atelier.example.com'
const EDGE_V4 = '203.0.113.10'
const EDGE_V6 = '2001:db8::10'

type CheckAnswer = { expected: string[]; found: string[]; name: string; ok: boolean; type: string }
type VerifyAnswer = { checks: { target: CheckAnswer; txt: CheckAnswer }; status: Domain['status'] }

describe('custom domains: verify', () => {
  let app: TestApp
  let dns: DnsServer
  let tenant: Tenant
  let ownerToken: string
  let staffToken: string
  let otherToken: string

  const unique = (base: string) => `${randomBytes(3).toString('hex')}.${base}`

  /** A domain claimed over REST by the owner, as a studio would. */
  async function claim(hostname: string, token = ownerToken, tenantId = tenant.id): Promise<Domain> {
    const response = await app.rest.post('/domains', { hostname, tenant: tenantId }, { token })
    const body = (await response.json()) as { doc: Domain }
    expect(response.status).toBe(201)
    return body.doc
  }
  const verify = async (id: number | string, token: null | string = ownerToken) => app.rest.post(`/domains/${id}/verify`, undefined, { token: token ?? undefined })
  const verified = async (id: number) => {
    const response = await verify(id)
    expect(response.status).toBe(200)
    return (await response.json()) as VerifyAnswer
  }
  const stored = (id: number) => app.payload.findByID({ id, collection: 'domains', depth: 0 })

  beforeAll(async () => {
    dns = await startDnsServer({})
    app = await startTestApp({
      ATELIER_CNAME_TARGET: TARGET,
      ATELIER_DNS_SERVER: dns.address,
      ATELIER_EDGE_IPS: `${EDGE_V4}, ${EDGE_V6}`,
      ATELIER_PUBLIC_URL: 'https://atelier.example.com',
    })
    tenant = await createTenant(app.payload, { status: 'active' })
    const other = await createTenant(app.payload, { status: 'active' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const otherOwner = await createUser(app.payload, [{ role: 'owner', tenant: other }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    staffToken = await app.rest.login(staff.email, PASSWORD)
    otherToken = await app.rest.login(otherOwner.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
    await dns?.close()
  })

  it('shows the expected token and nothing found when the TXT record is missing', async () => {
    const domain = await claim(unique('studio.example'))
    dns.records[domain.hostname] = { CNAME: TARGET }
    const answer = await verified(domain.id)
    expect(answer.status).toBe('pending')
    expect(answer.checks.txt).toMatchObject({ expected: [domain.verificationToken], found: [], name: `_atelier-challenge.${domain.hostname}`, ok: false, type: 'TXT' })
    expect(answer.checks.target).toMatchObject({ expected: [TARGET], found: [TARGET], ok: true, type: 'CNAME' })
    const row = await stored(domain.id)
    expect(row.status).toBe('pending')
    expect(row.lastCheckedAt).toBeTruthy()
    expect(row.checks).toMatchObject({ txt: { ok: false }, target: { ok: true } })
  })

  it('shows what the TXT record holds when it is wrong', async () => {
    const domain = await claim(unique('studio.example'))
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: ['not-the-token'] }
    dns.records[domain.hostname] = { CNAME: TARGET }
    const answer = await verified(domain.id)
    expect(answer.status).toBe('pending')
    expect(answer.checks.txt).toMatchObject({ expected: [domain.verificationToken], found: ['not-the-token'], ok: false })
  })

  it('verifies with the token and a CNAME to the edge', async () => {
    const domain = await claim(unique('studio.example'))
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: ['something-else', domain.verificationToken!] }
    dns.records[domain.hostname] = { CNAME: `${TARGET.toUpperCase()}.` }
    const answer = await verified(domain.id)
    expect(answer.status).toBe('verified')
    expect(answer.checks.txt.ok).toBe(true)
    expect(answer.checks.target).toMatchObject({ found: [TARGET], ok: true, type: 'CNAME' })
    expect((await stored(domain.id)).status).toBe('verified')
  })

  it('refuses a CNAME elsewhere, showing where it points', async () => {
    const domain = await claim(unique('studio.example'))
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { CNAME: 'somewhere.else.example' }
    const answer = await verified(domain.id)
    expect(answer.status).toBe('pending')
    expect(answer.checks.target).toMatchObject({ expected: [TARGET], found: ['somewhere.else.example'], ok: false, type: 'CNAME' })
  })

  it('verifies an apex whose addresses are all edge addresses', async () => {
    const domain = await claim(unique('example'))
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { A: [EDGE_V4], AAAA: ['2001:DB8:0::10'] }
    const answer = await verified(domain.id)
    expect(answer.checks.target).toMatchObject({ expected: [EDGE_V4, EDGE_V6], ok: true, type: 'A/AAAA' })
    expect(answer.status).toBe('verified')
  })

  it('refuses an apex with any address outside the edge, showing them all', async () => {
    const domain = await claim(unique('example'))
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { A: [EDGE_V4, '198.51.100.7'] }
    const answer = await verified(domain.id)
    expect(answer.status).toBe('pending')
    expect(answer.checks.target).toMatchObject({ expected: [EDGE_V4, EDGE_V6], found: [EDGE_V4, '198.51.100.7'], ok: false, type: 'A/AAAA' })
  })

  it('expects the CNAME when the hostname has no records at all', async () => {
    const domain = await claim(unique('studio.example'))
    const answer = await verified(domain.id)
    expect(answer.checks.target).toMatchObject({ expected: [TARGET], found: [], ok: false, type: 'CNAME' })
  })

  it('keeps an active domain active', async () => {
    const domain = await claim(unique('studio.example'))
    await app.payload.update({ id: domain.id, collection: 'domains', data: { status: 'active' } })
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { CNAME: TARGET }
    expect((await verified(domain.id)).status).toBe('active')
  })

  it('verifies a failed domain again and forgets its failure', async () => {
    const domain = await claim(unique('studio.example'))
    const since = new Date(Date.now() - 5 * 86_400_000).toISOString()
    await app.payload.update({ id: domain.id, collection: 'domains', data: { failedAt: since, failingSince: since, status: 'failed' } })
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { CNAME: TARGET }
    expect((await verified(domain.id)).status).toBe('verified')
    expect(await stored(domain.id)).toMatchObject({ failedAt: null, failingSince: null, status: 'verified' })
  })

  describe('who may verify', () => {
    it('answers 401 signed out', async () => {
      const domain = await claim(unique('studio.example'))
      expect((await verify(domain.id, null)).status).toBe(401)
    })

    it('answers 404 for another studio’s domain, and leaves it untouched', async () => {
      const domain = await claim(unique('studio.example'))
      const response = await verify(domain.id, otherToken)
      expect(response.status).toBe(404)
      expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1)
      expect((await stored(domain.id)).lastCheckedAt).toBeFalsy()
    })

    it('answers 403 to staff, who may only read domains', async () => {
      const domain = await claim(unique('studio.example'))
      expect((await verify(domain.id, staffToken)).status).toBe(403)
    })

    it.each(['abc', '0', '-1', '1.5', '99999999999', '2147483647'])('answers 4xx, never 500, for the id %s', async (id) => {
      const response = await verify(id)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    })
  })
})
