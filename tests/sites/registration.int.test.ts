// POST /api/sites/register: every answer of the legacy wire format, takeover and SSRF refusals, the race,
// and approval with its permissions. DNS answers come from a real DNS server on 127.0.0.1.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Artist, Site, Tenant, User } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { type DnsServer, startDnsServer } from '../helpers/dnsServer'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { allRowsAsText, approve, createArtist, register, registration, siteKey } from '../helpers/sites'

const PUBLIC = '93.184.216.34'

describe('site registration', () => {
  let app: TestApp
  let dns: DnsServer
  let tenantA: Tenant
  let tenantB: Tenant
  let ownerA: User
  let tokenA: string
  let tokenB: string
  let staffTokenA: string
  const secretsSeen: string[] = []

  /** A freshly approved artist of tenant A and its one-time registration token. */
  async function approvedArtist(tenant = tenantA, token = tokenA): Promise<{ artist: Artist; siteId: number; token: string }> {
    const artist = await createArtist(app.payload, tenant)
    const approval = await approve(app.rest, artist.id, token)
    expect(approval.registrationToken).toMatch(/^[\w-]{43}$/)
    secretsSeen.push(approval.registrationToken!)
    return { artist, siteId: approval.site.id, token: approval.registrationToken! }
  }

  const site = (id: number) => app.payload.findByID({ id, collection: 'sites', depth: 0 })

  beforeAll(async () => {
    const records: Record<string, string[]> = {
      'loopback.onrender.com': ['127.0.0.1'],
      'mapped.onrender.com': ['::ffff:127.0.0.1'],
      'metadata.herokuapp.com': ['169.254.169.254'],
      'mixed.onrender.com': [PUBLIC, '10.0.0.5'],
      'private.vercel.app': ['10.0.0.5'],
      'six.onrender.com': ['::1'],
    }
    for (const name of ['a', 'b', 'c', 'moved', 'race', 'race2', 'restart', 'rotated', 'studio', 'takeover', 'x', 'y']) records[`${name}.onrender.com`] = [PUBLIC]
    dns = await startDnsServer(records)
    app = await startTestApp({
      ATELIER_DEPLOYER: 'none',
      ATELIER_DNS_SERVER: dns.address,
      ATELIER_SITES_ALLOW_PRIVATE: 'false',
      ATELIER_SITES_ALLOWED_DOMAINS: 'onrender.com,herokuapp.com,vercel.app',
      ATELIER_SITES_HTTP_HOSTS: '',
      ATELIER_SITES_REGISTER_RATE_LIMIT: '25',
    })
    tenantA = await createTenant(app.payload, { name: 'Studio A' })
    tenantB = await createTenant(app.payload, { name: 'Studio B' })
    ownerA = await createUser(app.payload, [{ role: 'owner', tenant: tenantA }])
    const adminB = await createUser(app.payload, [{ role: 'admin', tenant: tenantB }])
    const staffA = await createUser(app.payload, [{ role: 'staff', tenant: tenantA }])
    tokenA = await app.rest.login(ownerA.email, PASSWORD)
    tokenB = await app.rest.login(adminB.email, PASSWORD)
    staffTokenA = await app.rest.login(staffA.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await dns.close()
  })

  describe('approval', () => {
    it('approves, creates a pending site and returns a one-time token (deployer none)', async () => {
      const artist = await createArtist(app.payload, tenantA)
      const approval = await approve(app.rest, artist.id, tokenA)
      expect(approval.artist.status).toBe('approved')
      expect(approval.site.status).toBe('pending')
      expect(approval.deployment).toEqual({ deployer: 'none', status: 'skipped' })
      const stored = await app.payload.findByID({ id: artist.id, collection: 'artists', depth: 0 })
      expect(stored.site).toBe(approval.site.id)
      expect((await site(approval.site.id)).artist).toBe(artist.id)
    })

    it('needs a login (401) and the artists:approve permission (403)', async () => {
      const artist = await createArtist(app.payload, tenantA)
      expect((await app.rest.post(`/artists/${artist.id}/approve`)).status).toBe(401)
      const refused = await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token: staffTokenA })
      expect(refused.status).toBe(403)
      expect((await app.payload.findByID({ id: artist.id, collection: 'artists' })).status).toBe('pending')
    })

    it('cannot approve another tenant’s artist (404) nor reach approved with a plain edit (400)', async () => {
      const artist = await createArtist(app.payload, tenantA)
      expect((await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token: tokenB })).status).toBe(404)
      const edited = await app.rest.patch(`/artists/${artist.id}`, { status: 'approved' }, { token: tokenA })
      expect(edited.status).toBe(400)
      expect((await app.rest.post('/artists/abc/approve', undefined, { token: tokenA })).status).toBe(400)
    })
  })

  describe('answers', () => {
    it('201 for a new site: linked to the artist, active, URL normalised', async () => {
      const { artist, siteId, token } = await approvedArtist()
      const key = siteKey()
      secretsSeen.push(key)
      const { body, status } = await register(app.rest, registration('HTTPS://user:pw@Studio.OnRender.com:443/?utm=1#top', key, 'Studio site'), { registrationToken: token })
      expect(status).toBe(201)
      expect(body).toEqual({ message: 'Site registered.', site_id: siteId, success: true, updated: false })
      const stored = await site(siteId)
      expect(stored).toMatchObject({ artist: artist.id, autoRegistered: true, keyPrefix: key.slice(0, 8), name: 'Studio site', status: 'active', url: 'https://studio.onrender.com' })
      expect(stored.lastSync).toBeTruthy()

      const [approved] = await auditEntries(app.payload, { and: [{ action: { equals: 'approve' } }, { documentId: { equals: String(artist.id) } }] })
      expect(approved).toMatchObject({ collection: 'artists', tenant: tenantA.id, user: ownerA.id })
      const [registered] = await auditEntries(app.payload, { and: [{ action: { equals: 'site_registered' } }, { documentId: { equals: String(siteId) } }] })
      expect(registered).toMatchObject({ actor: 'anonymous', tenant: tenantA.id })
      expect(registered!.details).toMatchObject({ proof: 'token', updated: false, url: 'https://studio.onrender.com' })
    })

    it('200 updated when the site re-registers with its key (a restart), and the token is single-use (401)', async () => {
      const { siteId, token } = await approvedArtist()
      const key = siteKey()
      secretsSeen.push(key)
      expect((await register(app.rest, registration('https://a.onrender.com', key), { registrationToken: token })).status).toBe(201)
      const before = await site(siteId)

      const reused = await register(app.rest, registration('https://a.onrender.com', key), { registrationToken: token })
      expect(reused.status).toBe(401)
      expect(reused.body).toMatchObject({ error: 'The registration token is invalid, expired or already used.', success: false })

      await new Promise((resolve) => setTimeout(resolve, 10))
      const restart = await register(app.rest, registration('https://a.onrender.com/', key, 'Renamed'), { siteKey: key })
      expect(restart.status).toBe(200)
      expect(restart.body).toEqual({ message: 'Site registration updated.', site_id: siteId, success: true, updated: true })
      const after = await site(siteId)
      expect(after.name).toBe('Renamed')
      expect(new Date(after.lastSync!).getTime()).toBeGreaterThan(new Date(before.lastSync!).getTime())
    })

    it('a restart sends its used token beside its key: the key is the proof (200)', async () => {
      const { siteId, token } = await approvedArtist()
      const key = siteKey()
      expect((await register(app.rest, registration('https://restart.onrender.com', key), { registrationToken: token })).status).toBe(201)
      const restart = await register(app.rest, registration('https://restart.onrender.com', key), { registrationToken: token, siteKey: key })
      expect(restart.status).toBe(200)
      expect(restart.body).toMatchObject({ site_id: siteId, updated: true })
    })

    it('a key replaced by a rotation cannot re-register the site, even within its grace window (409)', async () => {
      const { siteId, token } = await approvedArtist()
      const oldKey = siteKey()
      expect((await register(app.rest, registration('https://rotated.onrender.com', oldKey), { registrationToken: token })).status).toBe(201)
      // The site itself moves to a new key (proved with the current one); the old one stays valid for API calls.
      const newKey = siteKey()
      expect((await register(app.rest, registration('https://rotated.onrender.com', newKey), { siteKey: oldKey })).status).toBe(200)
      expect((await app.rest.get('/sites/me', { headers: { 'X-Site-Key': oldKey } })).status).toBe(200)
      const hijack = await register(app.rest, registration('https://rotated.onrender.com', siteKey()), { siteKey: oldKey })
      expect(hijack.status).toBe(409)
      expect((await site(siteId)).keyPrefix).toBe(newKey.slice(0, 8))
    })

    it('200 updated when a redeploy brings a new token for the same site', async () => {
      const { artist, siteId, token } = await approvedArtist()
      expect((await register(app.rest, registration('https://b.onrender.com'), { registrationToken: token })).status).toBe(201)
      const redeploy = await approve(app.rest, artist.id, tokenA)
      expect(redeploy.site.id).toBe(siteId)
      const newKey = siteKey()
      const again = await register(app.rest, registration('https://b.onrender.com', newKey), { registrationToken: redeploy.registrationToken })
      expect(again.status).toBe(200)
      expect(again.body.updated).toBe(true)
      expect((await site(siteId)).keyPrefix).toBe(newKey.slice(0, 8))
    })

    it('400 with the failing fields, in both the project shape and the template’s', async () => {
      const cases: [unknown, string][] = [
        [{ ...registration('https://c.onrender.com'), site_name: '' }, 'site_name'],
        [{ ...registration('https://c.onrender.com'), site_name: 'x'.repeat(256) }, 'site_name'],
        [{ ...registration('https://c.onrender.com'), api_key: 'short' }, 'api_key'],
        [{ ...registration('https://c.onrender.com'), site_url: '/relative' }, 'site_url'],
        [{ ...registration('https://c.onrender.com'), site_url: 'ftp://c.onrender.com' }, 'site_url'],
        [{ ...registration('https://c.onrender.com'), site_url: 'http://c.onrender.com' }, 'site_url'],
        [{ ...registration('https://c.onrender.com'), site_url: 42 }, 'site_url'],
        [{ api_key: siteKey(), site_url: 'https://c.onrender.com' }, 'site_name'],
        [{ ...registration('https://c.onrender.com'), site_url: 'https://c.onrender.com/artist' }, 'site_url'],
        [{ ...registration('https://c.onrender.com'), site_name: 'Nul\u0000name' }, 'site_name'],
        [{ ...registration('https://c.onrender.com'), api_key: `${'k'.repeat(32)} with spaces` }, 'api_key'],
      ]
      for (const [body, path] of cases) {
        const answer = await register(app.rest, body)
        expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400)
        expect(answer.body.success).toBe(false)
        expect(typeof answer.body.error).toBe('string')
        expect(answer.body.errors?.map((entry) => entry.path)).toContain(path)
      }
      const notJson = await app.rest.post('/sites/register', '{oops', { headers: { 'Content-Type': 'application/json' } })
      expect(notJson.status).toBe(400)
    })

    it('401 when the token is missing, unknown or expired', async () => {
      expect((await register(app.rest, registration('https://x.onrender.com'))).status).toBe(401)
      expect((await register(app.rest, registration('https://x.onrender.com'), { registrationToken: siteKey() })).status).toBe(401)
      const { siteId, token } = await approvedArtist()
      await app.payload.db.drizzle.execute(sql`update sites set secrets_registration_token_expires_at = now() - interval '1 second' where id = ${siteId}`)
      const expired = await register(app.rest, registration('https://x.onrender.com'), { registrationToken: token })
      expect(expired.status).toBe(401)
      expect(expired.body.success).toBe(false)
    })
  })

  describe('takeover', () => {
    it('409 when another artist’s token claims a registered URL, or when the proof is missing or wrong; the key survives', async () => {
      const owner = await approvedArtist()
      const ownerKey = siteKey()
      expect((await register(app.rest, registration('https://takeover.onrender.com', ownerKey), { registrationToken: owner.token })).status).toBe(201)

      const intruder = await approvedArtist(tenantB, tokenB)
      const attempts = [
        await register(app.rest, registration('https://takeover.onrender.com'), { registrationToken: intruder.token }),
        // The same host spelled with a trailing dot is the same host.
        await register(app.rest, registration('https://takeover.onrender.com.'), { registrationToken: intruder.token }),
        await register(app.rest, registration('https://TAKEOVER.onrender.com:443/')),
        await register(app.rest, registration('https://takeover.onrender.com'), { siteKey: siteKey() }),
      ]
      for (const attempt of attempts) {
        expect(attempt.status).toBe(409)
        expect(attempt.body.success).toBe(false)
      }
      const me = await app.rest.get('/sites/me', { headers: { 'X-Site-Key': ownerKey } })
      expect(me.status).toBe(200)
      expect((await site(owner.siteId)).keyPrefix).toBe(ownerKey.slice(0, 8))
      expect((await site(intruder.siteId)).url).toBeFalsy()
    })
  })

  describe('host policy', () => {
    it('403 for hosts outside the allowed suffixes, whatever the disguise', async () => {
      const { token } = await approvedArtist()
      for (const url of [
        'https://onrender.com.evil.net',
        'https://evilonrender.com',
        'https://onrender.com@evil.net',
        'https://evil.net/onrender.com',
        'https://evil.net?host=a.onrender.com',
        'https://evil.net#.onrender.com',
        'https://evil.net\\.onrender.com',
      ]) {
        const answer = await register(app.rest, registration(url), { registrationToken: token })
        expect(answer.status, url).toBe(403)
        expect(answer.body.error).toMatch(/only be hosted under/)
      }
    })

    it('403 for IP literals, local names and names resolving to non-public addresses', async () => {
      const { siteId, token } = await approvedArtist()
      for (const url of ['https://127.0.0.1', 'https://10.0.0.5', 'https://169.254.169.254', 'https://[::1]', 'https://localhost']) {
        expect((await register(app.rest, registration(url), { registrationToken: token })).status, url).toBe(403)
      }
      for (const host of ['loopback.onrender.com', 'private.vercel.app', 'metadata.herokuapp.com', 'six.onrender.com', 'mapped.onrender.com', 'mixed.onrender.com', 'nowhere.onrender.com']) {
        const answer = await register(app.rest, registration(`https://${host}`), { registrationToken: token })
        expect(answer.status, host).toBe(403)
        expect(answer.body.error, host).toMatch(/non-public address|does not resolve/)
      }
      expect(dns.queries).toContain('A loopback.onrender.com')
      // Refusals consume nothing: the token still registers a public host.
      expect((await register(app.rest, registration('https://y.onrender.com'), { registrationToken: token })).status).toBe(201)
      expect((await site(siteId)).url).toBe('https://y.onrender.com')
    })
  })

  describe('races and limits', () => {
    it('twenty concurrent registrations of one URL with one token leave exactly one row', async () => {
      const { siteId, token } = await approvedArtist()
      const sitesBefore = (await app.payload.count({ collection: 'sites' })).totalDocs
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => register(app.rest, registration('https://race.onrender.com'), { ip: '198.51.100.20', registrationToken: token })),
      )
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
      expect(answers.filter((answer) => answer.status === 401)).toHaveLength(19)
      const rows = await app.payload.find({ collection: 'sites', where: { url: { equals: 'https://race.onrender.com' } } })
      expect(rows.docs.map((doc) => doc.id)).toEqual([siteId])
      expect((await app.payload.count({ collection: 'sites' })).totalDocs).toBe(sitesBefore)
    })

    it('twenty artists racing for one URL: one wins, nineteen get 409', async () => {
      const contenders = []
      for (let index = 0; index < 20; index += 1) contenders.push(await approvedArtist())
      const answers = await Promise.all(
        contenders.map(({ token }, index) => register(app.rest, registration('https://race2.onrender.com'), { ip: `198.51.100.${100 + index}`, registrationToken: token })),
      )
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(19)
      expect((await app.payload.find({ collection: 'sites', where: { url: { equals: 'https://race2.onrender.com' } } })).totalDocs).toBe(1)
    })

    it('429 with Retry-After past the per-IP limit, other addresses unaffected', async () => {
      const answers = []
      for (let index = 0; index < 26; index += 1) answers.push(await register(app.rest, { site_name: '' }, { ip: '198.51.100.250' }))
      expect(answers.slice(0, 25).every((answer) => answer.status === 400)).toBe(true)
      const limited = answers[25]!
      expect(limited.status).toBe(429)
      expect(Number(limited.response.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(limited.body).toMatchObject({ success: false })
      expect((await register(app.rest, { site_name: '' }, { ip: '198.51.100.251' })).status).toBe(400)
    })
  })

  describe('reading sites', () => {
    let registeredId: number
    let key: string

    beforeAll(async () => {
      const approved = await approvedArtist()
      key = siteKey()
      secretsSeen.push(key)
      registeredId = approved.siteId
      expect((await register(app.rest, registration('https://moved.onrender.com', key), { registrationToken: approved.token })).status).toBe(201)
    })

    it('needs a login, lists newest first, never returns hashes or tokens', async () => {
      expect((await app.rest.get('/sites')).status).toBe(403)
      const response = await app.rest.get('/sites', { query: { depth: 0, limit: 100 }, token: tokenA })
      const body = (await response.json()) as { docs: Site[] }
      expect(response.status).toBe(200)
      const created = body.docs.map((doc) => new Date(doc.createdAt).getTime())
      expect(created).toEqual([...created].sort((a, b) => b - a))
      const text = JSON.stringify(body)
      expect(text).not.toContain('secrets')
      expect(text).not.toContain(key)
      const one = (await (await app.rest.get(`/sites/${registeredId}`, { token: tokenA })).json()) as Record<string, unknown>
      expect(Object.keys(one)).not.toContain('secrets')
      expect(one.keyPrefix).toBe(key.slice(0, 8))
    })

    it('keeps tenants apart: B can neither read, edit, rotate nor delete A’s site', async () => {
      const list = (await (await app.rest.get('/sites', { query: { limit: 100 }, token: tokenB })).json()) as { docs: Site[] }
      expect(list.docs.every((doc) => doc.tenant === tenantB.id || (typeof doc.tenant === 'object' && doc.tenant?.id === tenantB.id))).toBe(true)
      expect((await app.rest.get(`/sites/${registeredId}`, { token: tokenB })).status).toBe(404)
      expect([403, 404]).toContain((await app.rest.patch(`/sites/${registeredId}`, { status: 'suspended' }, { token: tokenB })).status)
      expect((await app.rest.post(`/sites/${registeredId}/regenerate-key`, undefined, { token: tokenB })).status).toBe(404)
      expect([403, 404]).toContain((await app.rest.delete(`/sites/${registeredId}`, { token: tokenB })).status)
      expect((await site(registeredId)).status).toBe('active')
    })

    it('sites cannot be created over REST: they come from approvals', async () => {
      const artist = await createArtist(app.payload, tenantA)
      const response = await app.rest.post('/sites', { artist: artist.id, name: 'Direct', tenant: tenantA.id }, { token: tokenA })
      expect(response.status).toBe(403)
    })

    it('GET /api/sites/me answers the site’s own artist with its key, 401 without', async () => {
      expect((await app.rest.get('/sites/me')).status).toBe(401)
      expect((await app.rest.get('/sites/me', { headers: { 'X-Site-Key': siteKey() } })).status).toBe(401)
      const response = await app.rest.get('/sites/me', { headers: { 'X-Site-Key': key } })
      const body = (await response.json()) as { artist: { id: number; status?: string }; site: { id: number } }
      expect(response.status).toBe(200)
      expect(body.site.id).toBe(registeredId)
      const stored = await site(registeredId)
      expect(body.artist.id).toBe(stored.artist)
    })

    it('a suspended site is refused (403) and cannot re-register', async () => {
      await app.payload.update({ id: registeredId, collection: 'sites', data: { status: 'suspended' } })
      expect((await app.rest.get('/sites/me', { headers: { 'X-Site-Key': key } })).status).toBe(403)
      expect((await register(app.rest, registration('https://moved.onrender.com', key), { siteKey: key })).status).toBe(403)
      await app.payload.update({ id: registeredId, collection: 'sites', data: { status: 'active' } })
    })

    it('the liveness job turns sites silent for too long inactive', async () => {
      await app.payload.db.drizzle.execute(sql`update sites set last_sync = now() - interval '8 days' where id = ${registeredId}`)
      await app.payload.jobs.queue({ input: {}, task: 'markStaleSites' })
      await app.payload.jobs.run()
      expect((await site(registeredId)).status).toBe('inactive')
      // Its next call is a sign of life.
      expect((await app.rest.get('/sites/me', { headers: { 'X-Site-Key': key } })).status).toBe(200)
      expect((await site(registeredId)).status).toBe('active')
    })

    it('deleting an artist deletes its site in the same transaction', async () => {
      const approved = await approvedArtist()
      const response = await app.rest.delete(`/artists/${approved.artist.id}`, { token: tokenA })
      expect(response.status).toBe(200)
      expect(await app.payload.findByID({ id: approved.siteId, collection: 'sites', disableErrors: true })).toBeNull()
    })
  })

  it('no key or token is stored in plaintext anywhere in the database', async () => {
    expect(secretsSeen.length).toBeGreaterThan(5)
    const everything = await allRowsAsText(app.payload)
    for (const secret of secretsSeen) expect(everything).not.toContain(secret)
  })
})
