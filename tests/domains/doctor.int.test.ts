// GET /api/domains/:id/status, the domain doctor: CAA walking up the parents, and a real TLS handshake with a
// server on 127.0.0.1 serving certificates a throwaway CA issued (valid, expired, not covering, wildcards).
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Tenant } from '../../payload-types'

import { type DnsServer, startDnsServer } from '../helpers/dnsServer'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { createTestCa, type TestCa, startTlsServer, type TlsServer } from '../helpers/tlsServer'

const TARGET = 'edge.atelier.example.com'
const DAY_MS = 86_400_000

type Check = { expected: string[]; found: string[]; name: string; ok: boolean }
type Tls = { authorized: boolean; authorizationError: null | string; covers: boolean; daysLeft: number; issuer: string; notAfter: string; ok: boolean }
type StatusAnswer = { checks: { caa: Check; target: Check; tls: Tls; txt: Check }; status: Domain['status'] }

const zone = randomBytes(3).toString('hex')
const host = (name: string) => `${name}.${zone}.example`

describe('custom domains: the doctor', () => {
  let app: TestApp
  let dns: DnsServer
  let ca: TestCa
  let tls: TlsServer
  let tenant: Tenant
  let ownerToken: string
  let staffToken: string
  let otherToken: string

  /** A domain of the studio in `status`, its DNS proof published. */
  async function domainAt(hostname: string, status: Domain['status'] = 'verified'): Promise<Domain> {
    const response = await app.rest.post('/domains', { hostname, tenant: tenant.id }, { token: ownerToken })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Domain }
    dns.records[`_atelier-challenge.${hostname}`] = { TXT: [doc.verificationToken!] }
    dns.records[hostname] = { ...(dns.records[hostname] as object), CNAME: TARGET }
    return status === 'pending' ? doc : app.payload.update({ id: doc.id, collection: 'domains', data: { status } })
  }
  const status = (id: number, token: null | string = ownerToken) => app.rest.get(`/domains/${id}/status`, { token: token ?? undefined })
  const diagnose = async (id: number) => {
    const response = await status(id)
    expect(response.status).toBe(200)
    return (await response.json()) as StatusAnswer
  }

  beforeAll(async () => {
    ca = createTestCa()
    const now = Date.now()
    tls = await startTlsServer(
      {
        [host('expired')]: ca.issue([host('expired')], { notAfter: new Date(now - 3 * DAY_MS), notBefore: new Date(now - 60 * DAY_MS) }),
        [host('valid')]: ca.issue([host('valid')], { notAfter: new Date(now + 30 * DAY_MS + 3_600_000) }),
        [host('wild')]: ca.issue([`*.${zone}.example`]),
        [`deep.${host('wild2')}`]: ca.issue([`*.${zone}.example`]),
      },
      ca.issue(['someone-else.example']),
    )
    dns = await startDnsServer({})
    app = await startTestApp({
      ATELIER_CNAME_TARGET: TARGET,
      ATELIER_DNS_SERVER: dns.address,
      ATELIER_PUBLIC_URL: 'https://atelier.example.com',
      ATELIER_TLS_PROBE_ADDRESS: tls.address,
    })
    tenant = await createTenant(app.payload, { status: 'active' })
    const other = await createTenant(app.payload, { status: 'active' })
    ownerToken = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant }])).email, PASSWORD)
    staffToken = await app.rest.login((await createUser(app.payload, [{ role: 'staff', tenant }])).email, PASSWORD)
    otherToken = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant: other }])).email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
    await dns?.close()
    await tls?.close()
    ca?.remove()
  })

  describe('TLS', () => {
    it('turns a verified domain active with a covering, unexpired certificate, reporting its details', async () => {
      const domain = await domainAt(host('valid'))
      const answer = await diagnose(domain.id)
      expect(answer.status).toBe('active')
      expect(answer.checks.tls).toMatchObject({ authorized: false, covers: true, daysLeft: 30, issuer: 'Atelier Test CA', ok: true })
      // Not trusted by Node's CAs: reported, not required.
      expect(answer.checks.tls.authorizationError).toBeTruthy()
      expect(new Date(answer.checks.tls.notAfter).getTime()).toBeGreaterThan(Date.now())
      const row = await app.payload.findByID({ id: domain.id, collection: 'domains', depth: 0 })
      expect(row.status).toBe('active')
      expect(row.checks).toMatchObject({ caa: { ok: true }, target: { ok: true }, tls: { ok: true }, txt: { ok: true } })
    })

    it('leaves a domain verified when its certificate has expired, with daysLeft negative', async () => {
      const domain = await domainAt(host('expired'))
      const answer = await diagnose(domain.id)
      expect(answer.status).toBe('verified')
      expect(answer.checks.tls).toMatchObject({ covers: true, daysLeft: -3, ok: false })
    })

    it('reports a certificate that does not cover the hostname', async () => {
      const domain = await domainAt(host('uncovered'))
      const answer = await diagnose(domain.id)
      expect(answer.status).toBe('verified')
      expect(answer.checks.tls).toMatchObject({ covers: false, ok: false })
    })

    it('accepts a one-level wildcard, and not a deeper one', async () => {
      expect((await diagnose((await domainAt(host('wild'))).id)).checks.tls).toMatchObject({ covers: true, ok: true })
      expect((await diagnose((await domainAt(`deep.${host('wild2')}`)).id)).checks.tls).toMatchObject({ covers: false, ok: false })
    })

    it('does not make a pending domain active, however good its certificate', async () => {
      const hostname = host('valid')
      await app.payload.delete({ collection: 'domains', where: { hostname: { equals: hostname } } })
      const domain = await domainAt(hostname, 'pending')
      const answer = await diagnose(domain.id)
      expect(answer.checks.tls.ok).toBe(true)
      expect(answer.status).toBe('pending')
    })
  })

  describe('CAA', () => {
    it('is ok without any CAA record up the tree', async () => {
      const domain = await domainAt(host('nocaa'))
      expect((await diagnose(domain.id)).checks.caa).toMatchObject({ expected: ['0 issue "letsencrypt.org"'], found: [], ok: true })
    })

    it('is ok when the hostname’s own records allow the CA (with parameters)', async () => {
      const hostname = host('allowed')
      dns.records[hostname] = { CAA: [{ flags: 0, tag: 'issue', value: 'letsencrypt.org; validationmethods=http-01' }, { flags: 0, tag: 'iodef', value: 'mailto:x@example.com' }] }
      const domain = await domainAt(hostname)
      const { caa } = (await diagnose(domain.id)).checks
      expect(caa).toMatchObject({ name: hostname, ok: true })
      expect(caa.found).toContain('0 issue "letsencrypt.org; validationmethods=http-01"')
    })

    it('fails on a parent’s records that name another CA, showing them', async () => {
      const parent = `forbid.${zone}.example`
      dns.records[parent] = { CAA: [{ flags: 0, tag: 'issue', value: 'pki.goog' }] }
      const domain = await domainAt(`book.${parent}`)
      expect((await diagnose(domain.id)).checks.caa).toMatchObject({ found: ['0 issue "pki.goog"'], name: parent, ok: false })
    })

    it('uses the closest records only, and ignores issuewild for a plain hostname', async () => {
      const parent = `closest.${zone}.example`
      dns.records[parent] = { CAA: [{ flags: 0, tag: 'issue', value: 'pki.goog' }] }
      dns.records[`book.${parent}`] = { CAA: [{ flags: 0, tag: 'issuewild', value: ';' }] }
      const domain = await domainAt(`book.${parent}`)
      expect((await diagnose(domain.id)).checks.caa).toMatchObject({ name: `book.${parent}`, ok: true })
    })
  })

  describe('who may ask', () => {
    it('answers staff (domains:read), 401 signed out, 404 to another studio', async () => {
      const domain = await domainAt(host('access'), 'pending')
      expect((await status(domain.id, staffToken)).status).toBe(200)
      expect((await status(domain.id, null)).status).toBe(401)
      expect((await status(domain.id, otherToken)).status).toBe(404)
      expect((await app.rest.get('/domains/abc/status', { token: ownerToken })).status).toBe(400)
    })
  })
})
