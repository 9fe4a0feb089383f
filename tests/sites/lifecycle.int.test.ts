// The whole life of a site with real processes: approval starts the template site (local deployer), it
// registers over HTTP, its key is rotated and pushed, the old key lapses after the grace window, and a
// site that cannot be reached ends up out of sync until it is redeployed.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Artist, Site, Tenant } from '../../payload-types'

import { stopLocalSites } from '../../plugins/sites'
import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD, tinyPng } from '../helpers/fixtures'
import { freePort } from '../../utilities/freePort'
import { type HttpBridge, startHttpBridge } from '../helpers/httpBridge'
import { startTestApp, type TestApp } from '../helpers/payload'
import { allRowsAsText, approve } from '../helpers/sites'

const GRACE_SECONDS = 2

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

describe('site lifecycle with the template site', () => {
  let app: TestApp
  let bridge: HttpBridge
  let sitesDir: string
  let tenant: Tenant
  let token: string
  let artist: Artist
  let siteId: number
  let siteUrl: string
  let portfolioImage: number
  let otherImage: number
  const keysSeen: string[] = []

  const site = (): Promise<Site> => app.payload.findByID({ id: siteId, collection: 'sites', depth: 0 })
  const siteKeyFile = () => readFile(path.join(sitesDir, `site-${siteId}`, 'key'), 'utf8')
  const health = async () => (await (await fetch(`${siteUrl}/health`)).json()) as { keyPrefix: string; registered: boolean; siteId: number }
  const me = (key: string) => fetch(`${bridge.url}/api/sites/me`, { headers: { 'X-Site-Key': key } })

  beforeAll(async () => {
    const port = await freePort()
    sitesDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-sites-'))
    app = await startTestApp({
      ATELIER_DEPLOYER: 'local',
      ATELIER_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ATELIER_SITES_ALLOW_PRIVATE: 'true',
      ATELIER_SITES_ALLOWED_DOMAINS: 'localhost',
      ATELIER_SITES_HTTP_HOSTS: 'localhost',
      ATELIER_SITES_KEY_GRACE_SECONDS: String(GRACE_SECONDS),
      ATELIER_SITES_KEY_PUSH_ATTEMPTS: '2',
      ATELIER_SITES_KEY_PUSH_BACKOFF_MS: '0',
      ATELIER_SITES_LOCAL_DIR: sitesDir,
    })
    bridge = await startHttpBridge(app.config, port)
    tenant = await createTenant(app.payload, { name: 'Studio Lumière' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    token = await app.rest.login(owner.email, PASSWORD)
    const png = Buffer.from(await tinyPng().arrayBuffer())
    const image = (alt: string) =>
      app.payload.create({ collection: 'media', data: { alt, tenant: tenant.id }, file: { data: png, mimetype: 'image/png', name: `${alt}.png`, size: png.length } })
    portfolioImage = (await image('dancer')).id
    otherImage = (await image('unrelated')).id
    artist = await app.payload.create({
      collection: 'artists',
      data: {
        bio: { root: { children: [{ children: [{ text: 'Paints <light> & shadow.', type: 'text', version: 1 }], type: 'paragraph', version: 1 }], type: 'root', version: 1 } } as never,
        email: 'mira@atelier.test',
        name: 'Mira <Solène>',
        portfolio: [portfolioImage],
        status: 'pending',
        tenant: tenant.id,
      },
    })
  })
  afterAll(async () => {
    stopLocalSites()
    await bridge.close()
    await app.close()
    await rm(sitesDir, { force: true, recursive: true })
  })

  it('approval starts the site, which registers over HTTP and shows up active, linked to the artist', async () => {
    const approval = await approve(app.rest, artist.id, token)
    expect(approval.deployment).toMatchObject({ deployer: 'local', status: 'started' })
    expect(approval.registrationToken).toBeUndefined()
    siteId = approval.site.id
    siteUrl = approval.deployment.url!
    const registered = await until(async () => ((await site()).status === 'active' ? site() : undefined), 'the site to register')
    expect(registered).toMatchObject({ artist: artist.id, autoRegistered: true, name: 'Mira <Solène>', url: siteUrl })
    expect((await health()).siteId).toBe(siteId)
    keysSeen.push(await siteKeyFile())

    const page = await (await fetch(siteUrl)).text()
    expect(page).toContain('Mira &lt;Solène&gt;')
    expect(page).toContain('Paints &lt;light&gt; &amp; shadow.')

    // Portfolio images reach visitors through the site, which fetches them with its key.
    expect(page).toContain(`<img src="/portfolio/${portfolioImage}" alt="dancer"`)
    const proxied = await fetch(`${siteUrl}/portfolio/${portfolioImage}`)
    expect(proxied.status).toBe(200)
    expect(proxied.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await proxied.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
    const key = await siteKeyFile()
    expect((await fetch(`${bridge.url}/api/sites/me/portfolio/${portfolioImage}`)).status).toBe(401)
    expect((await fetch(`${bridge.url}/api/sites/me/portfolio/${otherImage}`, { headers: { 'X-Site-Key': key } })).status).toBe(404)
    expect((await fetch(`${siteUrl}/portfolio/${otherImage}`)).status).toBe(404)
  })

  it('regenerating the key pushes it to the site, which verifies and keeps it; the old key lapses after the grace window', async () => {
    const oldKey = await siteKeyFile()
    const response = await app.rest.post(`/sites/${siteId}/regenerate-key`, undefined, { token })
    const body = (await response.json()) as { new_key: string; pushed: boolean; success: boolean }
    expect(response.status).toBe(200)
    expect(body).toMatchObject({ pushed: true, success: true })
    expect(body.new_key).toMatch(/^[\w-]{43}$/)
    keysSeen.push(body.new_key)

    expect((await health()).keyPrefix).toBe(body.new_key.slice(0, 8))
    expect(await siteKeyFile()).toBe(body.new_key)
    expect((await site()).keyPrefix).toBe(body.new_key.slice(0, 8))

    // The site authenticates with its new key; the old one works during the grace window only.
    expect((await me(body.new_key)).status).toBe(200)
    expect((await me(oldKey)).status).toBe(200)
    expect((await fetch(siteUrl)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 300))
    expect((await me(oldKey)).status).toBe(401)
    expect((await me(body.new_key)).status).toBe(200)

    // The key is never readable again.
    const read = await app.rest.get(`/sites/${siteId}`, { token })
    expect(JSON.stringify(await read.json())).not.toContain(body.new_key)
  })

  it('two rotations at once leave the site holding the newest key', async () => {
    const [first, second] = await Promise.all([
      app.rest.post(`/sites/${siteId}/regenerate-key`, undefined, { token }),
      app.rest.post(`/sites/${siteId}/regenerate-key`, undefined, { token }),
    ])
    const keys = [((await first.json()) as { new_key: string }).new_key, ((await second.json()) as { new_key: string }).new_key]
    keysSeen.push(...keys)
    // Whatever failed inline is retried by the queue (no backoff here).
    for (let round = 0; round < 3; round += 1) await app.payload.jobs.run()
    const current = (await site()).keyPrefix
    expect(keys.map((key) => key.slice(0, 8))).toContain(current)
    await until(async () => ((await siteKeyFile()).startsWith(current!) ? true : undefined), 'the site to hold the current key', 10_000)
    expect((await me(await siteKeyFile())).status).toBe(200)
    expect((await site()).status).toBe('active')
  })

  it('a site that cannot be reached is retried through the jobs queue, then marked out of sync', async () => {
    stopLocalSites()
    await until(async () => (await fetch(`${siteUrl}/health`).then(() => undefined, () => true)), 'the site to stop')
    const response = await app.rest.post(`/sites/${siteId}/regenerate-key`, undefined, { token })
    const body = (await response.json()) as { new_key: string; pushed: boolean }
    expect(response.status).toBe(200)
    expect(body.pushed).toBe(false)
    keysSeen.push(body.new_key)
    expect((await site()).keyPushError).toBeTruthy()
    expect((await site()).status).toBe('active')

    await app.payload.jobs.run()
    const gaveUp = await site()
    expect(gaveUp.status).toBe('out_of_sync')
    expect(gaveUp.keyPushAttempts).toBe(2)
    const audited = (await auditEntries(app.payload, { documentId: { equals: String(siteId) } })).map((entry) => entry.action)
    expect(audited).toEqual(expect.arrayContaining(['regenerate_key', 'key_push_failed']))

    // Rotating again while out of sync keeps the key the site really holds valid (and signs with it).
    const held = await siteKeyFile()
    const again = await app.rest.post(`/sites/${siteId}/regenerate-key`, undefined, { token })
    keysSeen.push(((await again.json()) as { new_key: string }).new_key)
    expect((await me(held)).status).toBe(200)
  })

  it('redeploying brings an out-of-sync site back: it re-registers with a fresh token and its own key', async () => {
    const approval = await approve(app.rest, artist.id, token)
    siteUrl = approval.deployment.url!
    await until(async () => ((await health()).registered ? true : undefined), 'the site to re-register')
    const back = await site()
    expect(back.status).toBe('active')
    expect(back.url).toBe(siteUrl)
    const key = await siteKeyFile()
    keysSeen.push(key)
    expect((await me(key)).status).toBe(200)
    expect((await app.payload.find({ collection: 'sites', where: { artist: { equals: artist.id } } })).totalDocs).toBe(1)
  })

  it('no key is stored in plaintext in the database', async () => {
    expect(keysSeen).toHaveLength(7)
    const everything = await allRowsAsText(app.payload)
    for (const key of keysSeen) expect(everything).not.toContain(key)
  })
})
