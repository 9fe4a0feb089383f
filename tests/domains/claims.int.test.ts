// Claiming a hostname through POST /api/domains: one stored form, unique across studios, takeovers refused,
// a lapsed pending claim taken over, and the plan's domain limit.
import { sql } from '@payloadcms/db-postgres'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Domain, Tenant } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { planByCode } from '../helpers/billing'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ErrorBody = { code?: string; errors: { data?: { errors?: { path?: string }[] }; message: string; path?: string }[] }

/** The field paths of an error answer: ours carry `path`, Payload's ValidationError nests them under `data`. */
const pathsOf = (body: ErrorBody) => body.errors.flatMap((entry) => [entry.path, ...(entry.data?.errors ?? []).map((nested) => nested.path)]).filter(Boolean)

describe('domain claims', () => {
  let app: TestApp

  const studio = async () => {
    const tenant = await createTenant(app.payload)
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    return { tenant, token: await app.rest.login(owner.email, PASSWORD) }
  }
  const claim = (hostname: string, { tenant, token }: { tenant: Tenant; token: string }) => app.rest.post('/domains', { hostname, tenant: tenant.id }, { token })
  const unique = (base: string) => `${randomBytes(3).toString('hex')}.${base}`
  /** A hostname claimed by a fresh studio, then set to `status` as the server would after the DNS proof. */
  const claimedBy = async (hostname: string, status: Domain['status']) => {
    const owner = await studio()
    const response = await claim(hostname, owner)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Domain }
    if (status !== 'pending') await app.payload.update({ id: doc.id, collection: 'domains', data: { status }, overrideAccess: true })
    return { ...owner, domain: doc }
  }
  const expectRefused = async (response: Response, status: number, code?: string) => {
    const body = (await response.json()) as ErrorBody
    expect(response.status, JSON.stringify(body)).toBe(status)
    if (code) expect(body.code).toBe(code)
    return body
  }

  beforeAll(async () => {
    app = await startTestApp({ ATELIER_PUBLIC_URL: 'https://atelier.example.com' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('stores the hostname in its one form, pending, with a token', async () => {
    const hostname = unique('Studio-One.example')
    const { domain } = await claimedBy(`  ${hostname.toUpperCase()}. `, 'pending')
    expect(domain).toMatchObject({ hostname: hostname.toLowerCase(), primary: false, status: 'pending' })
    expect(domain.verificationToken?.length).toBeGreaterThanOrEqual(22)
  })

  it('refuses another studio a hostname verified by one, in any spelling', async () => {
    const hostname = unique('book.studio.fr')
    await claimedBy(hostname, 'verified')
    const other = await studio()
    await expectRefused(await claim(hostname, other), 409, 'domain_taken')
    const variant = `${hostname.replace('book.studio.fr', 'Book.Studio.fr')}.`
    await expectRefused(await claim(variant, other), 409, 'domain_taken')
  })

  it('refuses the punycode twin of a claimed internationalised name', async () => {
    const label = randomBytes(3).toString('hex')
    await claimedBy(`${label}.bücher.example`, 'active')
    await expectRefused(await claim(`${label}.xn--bcher-kva.example`, await studio()), 409, 'domain_taken')
  })

  it('refuses the same studio claiming its own hostname twice', async () => {
    const hostname = unique('twice.example')
    const owner = await claimedBy(hostname, 'pending')
    await expectRefused(await claim(hostname, owner), 409, 'domain_taken')
  })

  it.each([
    ['the platform host', 'atelier.example.com'],
    ['a subdomain of the platform host', 'evil.atelier.example.com'],
    ['an IP address', '203.0.113.7'],
    ['a port', 'book.example.com:8443'],
    ['a scheme', 'https://book.example.com'],
    ['a single label', 'localhost'],
    ['an empty hostname', ''],
  ])('refuses %s with 400 on hostname', async (_case, hostname) => {
    const body = await expectRefused(await claim(hostname, await studio()), 400)
    expect(pathsOf(body)).toContain('hostname')
  })

  it('refuses a pending claim younger than the claim window', async () => {
    const hostname = unique('young.example')
    await claimedBy(hostname, 'pending')
    await expectRefused(await claim(hostname, await studio()), 409, 'domain_taken')
  })

  it('takes over a lapsed pending claim: a new pending claim, a new token, the old one gone and audited', async () => {
    const hostname = unique('lapsed.example')
    const first = await claimedBy(hostname, 'pending')
    await app.payload.db.drizzle.execute(sql`update domains set claimed_at = now() - interval '8 days' where id = ${first.domain.id}`)
    const second = await studio()
    const response = await claim(hostname, second)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Domain }
    expect(doc).toMatchObject({ hostname, status: 'pending', tenant: expect.objectContaining({ id: second.tenant.id }) })
    expect(doc.verificationToken).toBeTruthy()
    expect(doc.verificationToken).not.toBe(first.domain.verificationToken)
    expect(await app.payload.count({ collection: 'domains', where: { id: { equals: first.domain.id } } })).toMatchObject({ totalDocs: 0 })
    const entries = await auditEntries(app.payload, { action: { equals: 'domain_claim_taken_over' } })
    expect(entries.some((entry) => entry.documentId === String(first.domain.id) || Number(entry.documentId) === first.domain.id)).toBe(true)
  })

  it('does not take over a lapsed claim that was verified', async () => {
    const hostname = unique('kept.example')
    const first = await claimedBy(hostname, 'verified')
    await app.payload.db.drizzle.execute(sql`update domains set claimed_at = now() - interval '30 days' where id = ${first.domain.id}`)
    await expectRefused(await claim(hostname, await studio()), 409, 'domain_taken')
  })

  it('refuses a hostname change on update', async () => {
    const owner = await claimedBy(unique('fixed.example'), 'pending')
    const response = await app.rest.patch(`/domains/${owner.domain.id}`, { hostname: unique('other.example') }, { token: owner.token })
    const body = await expectRefused(response, 400)
    expect(pathsOf(body)).toContain('hostname')
  })

  it('refuses a studio whose plan allows no custom domain with 403 plan_limit', async () => {
    const owner = await studio()
    const solo = await planByCode(app.payload, 'solo')
    await app.payload.create({
      collection: 'subscriptions',
      data: { interval: 'month', plan: solo.id, status: 'active', stripeCustomerId: `cus_${owner.tenant.id}`, tenant: owner.tenant.id },
    })
    await expectRefused(await claim(unique('solo.example'), owner), 403, 'plan_limit')
  })
})
