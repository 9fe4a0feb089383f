// The daily re-verification (services/recheckDomains, run directly with a moved clock): records missing
// for 72 hours fail a domain and mail its owners once, records back recover it, 14 days failed release it.
import type { PayloadRequest } from 'payload'

import { randomBytes } from 'node:crypto'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Tenant, User } from '../../payload-types'

import { recheckDomains } from '../../plugins/domains/services/recheckDomains'
import { auditEntries } from '../helpers/auditEntries'
import { type DnsServer, startDnsServer } from '../helpers/dnsServer'
import { createTenant, createUser } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const TARGET = 'edge.atelier.example.com'
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

describe('custom domains: daily re-verification', () => {
  let app: TestApp
  let dns: DnsServer
  let smtp: SmtpTestServer
  let tenant: Tenant
  let owner: User
  let staff: User
  let req: PayloadRequest

  const at = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR_MS)
  const run = (now: Date) => recheckDomains(req, now)
  const row = (id: number) => app.payload.find({ collection: 'domains', depth: 0, where: { id: { equals: id } } }).then(({ docs }) => docs[0])
  const publish = (domain: Domain) => {
    dns.records[`_atelier-challenge.${domain.hostname}`] = { TXT: [domain.verificationToken!] }
    dns.records[domain.hostname] = { CNAME: TARGET }
  }
  const unpublish = (domain: Domain) => {
    delete dns.records[`_atelier-challenge.${domain.hostname}`]
    delete dns.records[domain.hostname]
  }
  /** A domain of the studio in `status`, its records published. */
  async function domainAt(status: Domain['status'], data: Partial<Domain> = {}): Promise<Domain> {
    const created = await app.payload.create({ collection: 'domains', data: { hostname: `${randomBytes(3).toString('hex')}.studio.example`, status: 'pending', tenant: tenant.id } })
    publish(created)
    return app.payload.update({ id: created.id, collection: 'domains', data: { ...data, status } })
  }
  const mailsAbout = (hostname: string) => smtp.messages.filter((mail) => mail.subject.includes(hostname))

  beforeAll(async () => {
    dns = await startDnsServer({})
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_CNAME_TARGET: TARGET, ATELIER_DNS_SERVER: dns.address, ATELIER_PUBLIC_URL: 'https://atelier.example.com' })
    tenant = await createTenant(app.payload, { name: 'Studio <Lune>', status: 'active' })
    owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    req = await createLocalReq({}, app.payload)
  })
  afterAll(async () => {
    await app?.close()
    await dns?.close()
    await smtp?.close()
  })

  it('leaves a domain whose records are there as it is', async () => {
    const domain = await domainAt('active')
    const now = new Date()
    await run(now)
    expect(await row(domain.id)).toMatchObject({ failingSince: null, lastCheckedAt: now.toISOString(), status: 'active' })
  })

  it('keeps the first time records went missing, and fails the domain after 72 hours, mailing its owners once', async () => {
    const domain = await domainAt('active')
    unpublish(domain)
    const start = new Date()
    await run(start)
    expect(await row(domain.id)).toMatchObject({ failedAt: null, failingSince: start.toISOString(), status: 'active' })
    await run(at(start, 71))
    expect(await row(domain.id)).toMatchObject({ failingSince: start.toISOString(), status: 'active' })
    expect(mailsAbout(domain.hostname)).toHaveLength(0)

    const result = await run(at(start, 72))
    expect(result.failed).toBe(1)
    expect(await row(domain.id)).toMatchObject({ failedAt: at(start, 72).toISOString(), failingSince: start.toISOString(), status: 'failed' })
    const mail = await smtp.waitFor((message) => message.subject.includes(domain.hostname))
    expect(mail.to).toEqual([owner.email])
    expect(mail.body).toContain('Studio &lt;Lune&gt;')
    expect(mail.body).toContain(`https://atelier.example.com/admin/collections/domains/${domain.id}`)

    await run(at(start, 96))
    expect((await row(domain.id))?.failedAt).toBe(at(start, 72).toISOString())
    expect(mailsAbout(domain.hostname)).toHaveLength(1)
    expect(smtp.messages.some((message) => message.to.includes(staff.email))).toBe(false)
  })

  it('forgets a passing failure when the records come back', async () => {
    const domain = await domainAt('verified')
    unpublish(domain)
    const start = new Date()
    await run(start)
    publish(domain)
    const result = await run(at(start, 24))
    expect(result.recovered).toBe(1)
    expect(await row(domain.id)).toMatchObject({ failingSince: null, status: 'verified' })
  })

  it('makes a failed domain verified again when its records come back', async () => {
    const failedAt = new Date(Date.now() - 5 * DAY_MS).toISOString()
    const domain = await domainAt('failed', { failedAt, failingSince: failedAt })
    await run(new Date())
    expect(await row(domain.id)).toMatchObject({ failedAt: null, failingSince: null, status: 'verified' })
  })

  it('releases a domain failed for 14 days, and audits it; not a day earlier', async () => {
    const failedAt = new Date()
    const domain = await domainAt('failed', { failedAt: failedAt.toISOString(), failingSince: at(failedAt, -72).toISOString() })
    unpublish(domain)
    await run(at(failedAt, 14 * 24 - 1))
    expect((await row(domain.id))?.status).toBe('failed')

    const result = await run(at(failedAt, 14 * 24))
    expect(result.released).toBe(1)
    expect(await row(domain.id)).toBeUndefined()
    const [entry] = await auditEntries(app.payload, { and: [{ action: { equals: 'domain_released' } }, { documentId: { equals: String(domain.id) } }] })
    expect(entry).toMatchObject({ details: { hostname: domain.hostname } })
    // The hostname is free again: another studio claims it.
    const other = await createTenant(app.payload, { status: 'active' })
    await expect(app.payload.create({ collection: 'domains', data: { hostname: domain.hostname, status: 'pending', tenant: other.id } })).resolves.toMatchObject({ status: 'pending' })
  })

  it('leaves pending domains to their claim', async () => {
    const created = await app.payload.create({ collection: 'domains', data: { hostname: `${randomBytes(3).toString('hex')}.studio.example`, status: 'pending', tenant: tenant.id } })
    await run(at(new Date(), 30 * 24))
    expect(await row(created.id)).toMatchObject({ lastCheckedAt: null, status: 'pending' })
  })
})
