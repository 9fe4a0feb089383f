// The deployable artist site (site-template/server.mjs) as a real child process against a fake platform:
// registration, the rendered page, signed key rotation and the restart that proves the key was persisted.
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../utilities/freePort'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const ARTIST_NAME = 'Ada <script>alert(1)</script> & Co'
const REGISTRATION_TOKEN = 'registration-token-for-tests'

type Registration = { body: Record<string, unknown>; headers: IncomingHttpHeaders }
type Site = { child: ChildProcess; exited: Promise<number | null>; output: () => string }

// ---- the fake platform --------------------------------------------------------------------------

const registrations: Registration[] = []
/** The first registration attempt gets a 503, so the retry path runs too. */
let registerFailuresLeft = 1
/** The key /api/sites/me accepts: the one the platform believes the site holds. */
let platformKey = ''

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const platform: Server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/api/sites/register') {
      registrations.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers })
      if (registerFailuresLeft > 0) {
        registerFailuresLeft--
        return sendJson(res, 503, { success: false, error: 'Warming up' }, { 'Retry-After': '0' })
      }
      return sendJson(res, 201, { success: true, site_id: 7, message: 'ok', updated: false })
    }
    if (req.method === 'GET' && req.url === '/api/sites/me') {
      if (!platformKey || req.headers['x-site-key'] !== platformKey) return sendJson(res, 401, { success: false, error: 'Unknown site key' })
      return sendJson(res, 200, {
        site: { id: 7, name: 'Lumière', url: 'https://lumiere.example', status: 'active' },
        artist: {
          id: 3,
          name: ARTIST_NAME,
          bioText: 'Paints <b>light</b> & shadow.\n\nLives in "Paris".',
          portfolio: [
            { url: '/media/dawn.jpg', alt: 'Dawn "over" <the> sea' },
            { url: 'https://cdn.example/dusk.jpg', alt: 'Dusk' },
            { url: 'javascript:alert(1)', alt: 'Not an image' },
          ],
        },
      })
    }
    sendJson(res, 404, { success: false, error: 'Not found' })
  })
})

// ---- the site process ---------------------------------------------------------------------------

let platformUrl = ''
let siteUrl = ''
let sitePort = 0
let dataDir = ''
const sites: Site[] = []

function startSite(env: Record<string, string> = {}): Site {
  const child = spawn(process.execPath, ['site-template/server.mjs'], {
    cwd: repoRoot,
    env: {
      ATELIER_PLATFORM_URL: platformUrl,
      ATELIER_REGISTRATION_TOKEN: REGISTRATION_TOKEN,
      HOST: '127.0.0.1',
      // Next's global types make NODE_ENV a required key of every env object; the site ignores it.
      NODE_ENV: 'production',
      PORT: String(sitePort),
      SITE_DATA_DIR: dataDir,
      SITE_NAME: 'Lumière',
      SITE_URL: 'https://lumiere.example',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const site = { child, exited, output: () => output }
  sites.push(site)
  return site
}

type Health = { keyPrefix: string; ok: boolean; registered: boolean; siteId: number | null }

const health = async () => (await (await fetch(`${siteUrl}/health`)).json()) as Health

async function waitUntilRegistered(site: Site) {
  const deadline = Date.now() + 15_000
  for (;;) {
    const current = await health().catch(() => null)
    if (current?.registered) return current
    if (site.child.exitCode !== null || Date.now() > deadline) throw new Error(`Site never registered. Output:\n${site.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function stopSite(site: Site) {
  site.child.kill('SIGTERM')
  return site.exited
}

// ---- signing, as the platform does it -----------------------------------------------------------

const signingKey = (key: string) => createHash('sha256').update(`atelier-site-signing:${key}`).digest()
const nowSeconds = () => Math.floor(Date.now() / 1000)

function signedHeaders(key: string, body: string, timestamp = nowSeconds()) {
  const signature = createHmac('sha256', signingKey(key)).update(`${timestamp}.${body}`).digest('hex')
  return { 'Content-Type': 'application/json', 'X-Atelier-Signature': `sha256=${signature}`, 'X-Atelier-Timestamp': String(timestamp) }
}

const pushKey = (headers: Record<string, string>, body: string) => fetch(`${siteUrl}/api/update-key`, { body, headers, method: 'POST' })
const keyFile = () => readFile(path.join(dataDir, 'key'), 'utf8')
const newKey = () => randomBytes(32).toString('base64url')

// -------------------------------------------------------------------------------------------------

describe('site template', () => {
  let site: Site
  let firstKey = ''
  let rotatedKey = ''
  let rotationTimestamp = 0

  beforeAll(async () => {
    const platformPort = await freePort()
    await new Promise<void>((resolve) => platform.listen(platformPort, '127.0.0.1', resolve))
    platformUrl = `http://127.0.0.1:${platformPort}`
    sitePort = await freePort()
    siteUrl = `http://127.0.0.1:${sitePort}`
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-site-'))
    site = startSite()
    await waitUntilRegistered(site)
  })

  afterAll(async () => {
    await Promise.all(sites.filter(({ child }) => child.exitCode === null && child.signalCode === null).map(({ child, exited }) => (child.kill('SIGKILL'), exited)))
    await new Promise((resolve) => platform.close(resolve))
    if (dataDir) await rm(dataDir, { force: true, recursive: true })
  })

  it('registers on first start with the registration token and a freshly generated key, retrying a 503', async () => {
    expect(registrations).toHaveLength(2)
    const [failed, accepted] = registrations as [Registration, Registration]
    expect(failed.body).toEqual(accepted.body)

    firstKey = String(accepted.body.api_key)
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(accepted.body).toEqual({ site_name: 'Lumière', site_url: 'https://lumiere.example', api_key: firstKey, auto_registered: true })
    expect(accepted.headers['content-type']).toBe('application/json')
    expect(accepted.headers.authorization).toBe(`Bearer ${REGISTRATION_TOKEN}`)
    expect(accepted.headers['x-site-key']).toBeUndefined()

    expect(await keyFile()).toBe(firstKey)
    expect((await stat(path.join(dataDir, 'key'))).mode & 0o777).toBe(0o600)
    expect(await health()).toEqual({ ok: true, registered: true, siteId: 7, keyPrefix: firstKey.slice(0, 8) })
    expect(site.output()).toContain('registered site_id=7 updated=false')
    platformKey = firstKey
  })

  it('renders the artist profile with every value escaped', async () => {
    const response = await fetch(`${siteUrl}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain('<h1>Ada &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>')
    expect(html).not.toContain('<script')
    expect(html).toContain('<p>Paints &lt;b&gt;light&lt;/b&gt; &amp; shadow.</p>')
    expect(html).toContain('<p>Lives in &quot;Paris&quot;.</p>')
    expect(html).toContain(`<img src="${platformUrl}/media/dawn.jpg" alt="Dawn &quot;over&quot; &lt;the&gt; sea"`)
    expect(html).toContain('<img src="https://cdn.example/dusk.jpg" alt="Dusk"')
    expect(html).not.toContain('javascript:')
  })

  it('answers 502 when the platform refuses the key, and 404 for unknown routes', async () => {
    platformKey = 'not-the-site-key'
    try {
      const response = await fetch(`${siteUrl}/`)
      expect(response.status).toBe(502)
      expect(await response.text()).toContain('<html lang="en">')
    } finally {
      platformKey = firstKey
    }
    const missing = await fetch(`${siteUrl}/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ success: false })
  })

  it('accepts a key rotation signed with the current key, once', async () => {
    rotatedKey = newKey()
    const body = JSON.stringify({ api_key: rotatedKey })
    rotationTimestamp = nowSeconds()
    const headers = signedHeaders(firstKey, body, rotationTimestamp)

    const response = await pushKey(headers, body)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ success: true, updated: true })
    expect((await health()).keyPrefix).toBe(rotatedKey.slice(0, 8))
    expect(await keyFile()).toBe(rotatedKey)
    expect(site.output()).toContain(`key updated prefix=${rotatedKey.slice(0, 8)}`)
    platformKey = rotatedKey
    expect((await fetch(`${siteUrl}/`)).status).toBe(200)

    const replay = await pushKey(headers, body)
    expect(replay.status).toBe(401)
    expect(await replay.json()).toMatchObject({ success: false, error: expect.any(String) })
  })

  it('refuses stale, badly signed, unsigned and oversized pushes', async () => {
    const body = JSON.stringify({ api_key: newKey() })
    const stale = await pushKey(signedHeaders(rotatedKey, body, nowSeconds() - 600), body)
    expect(stale.status).toBe(401)
    const forged = await pushKey(signedHeaders(newKey(), body), body)
    expect(forged.status).toBe(401)
    const unsigned = await pushKey({ 'Content-Type': 'application/json' }, body)
    expect(unsigned.status).toBe(401)
    const malformed = await pushKey({ ...signedHeaders(rotatedKey, body), 'X-Atelier-Signature': 'sha256=abc' }, body)
    expect(malformed.status).toBe(401)

    const huge = JSON.stringify({ api_key: newKey(), padding: 'x'.repeat(17 * 1024) })
    expect((await pushKey(signedHeaders(rotatedKey, huge), huge)).status).toBe(413)

    expect(await keyFile()).toBe(rotatedKey)
    expect((await health()).keyPrefix).toBe(rotatedKey.slice(0, 8))
  })

  it('treats a retry signed with the previous key and carrying the current key as a no-op', async () => {
    // A retry must be signed afresh: with the rotation's own timestamp it would be that exact request, a replay.
    const body = JSON.stringify({ api_key: rotatedKey })
    const response = await pushKey(signedHeaders(firstKey, body, rotationTimestamp - 1), body)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ success: true, updated: false })
    expect(await keyFile()).toBe(rotatedKey)
  })

  it('refuses (409) a push of another key signed with the replaced key: a stale retry cannot roll it back', async () => {
    const body = JSON.stringify({ api_key: newKey() })
    const response = await pushKey(signedHeaders(firstKey, body), body)
    expect(response.status).toBe(409)
    expect(await keyFile()).toBe(rotatedKey)
  })

  it('answers 400 to a validly signed push whose body is not {"api_key": <32+ chars>}', async () => {
    for (const body of ['not json', JSON.stringify({ api_key: 'too-short' }), JSON.stringify({ key: newKey() }), '[]']) {
      const response = await pushKey(signedHeaders(rotatedKey, body), body)
      expect(response.status, body).toBe(400)
      expect(await response.json()).toMatchObject({ success: false, error: expect.any(String) })
    }
    expect(await keyFile()).toBe(rotatedKey)
  })

  it('exits 0 on SIGTERM and, restarted, registers again proving the persisted key', async () => {
    expect(await stopSite(site)).toBe(0)
    const before = registrations.length
    site = startSite()
    await waitUntilRegistered(site)

    expect(registrations).toHaveLength(before + 1)
    const restart = registrations.at(-1) as Registration
    expect(restart.headers['x-site-key']).toBe(rotatedKey)
    expect(restart.headers.authorization).toBe(`Bearer ${REGISTRATION_TOKEN}`)
    expect(restart.body).toEqual({ site_name: 'Lumière', site_url: 'https://lumiere.example', api_key: rotatedKey, auto_registered: true })
    expect((await health()).keyPrefix).toBe(rotatedKey.slice(0, 8))
  })

  it('exits 1 with a one-line error when ATELIER_PLATFORM_URL is missing', async () => {
    const broken = startSite({ ATELIER_PLATFORM_URL: '', PORT: String(await freePort()) })
    expect(await broken.exited).toBe(1)
    expect(broken.output().trim().split('\n')).toEqual([expect.stringContaining('ATELIER_PLATFORM_URL is required')])
  })
})
