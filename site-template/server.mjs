// Atelier artist site: a standalone process that registers with the platform, renders the artist's
// public profile and accepts signed API key rotations. Node >= 20 built-ins only, so it runs anywhere
// with `node server.mjs` and nothing to install.

// The repository's ESLint config declares no environment; these are Node >= 20 globals.
/* global AbortSignal, console, fetch, setTimeout, URL */
import { Buffer } from 'node:buffer'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

const PORT = Number(process.env.PORT || 4000)
const HOST = process.env.HOST || '127.0.0.1'
const SITE_URL = process.env.SITE_URL || `http://localhost:${PORT}`
const SITE_NAME = process.env.SITE_NAME || 'Artist site'
const PLATFORM_URL = (process.env.ATELIER_PLATFORM_URL || '').replace(/\/+$/, '')
const REGISTRATION_TOKEN = process.env.ATELIER_REGISTRATION_TOKEN || ''
const KEY_FILE = path.resolve(process.env.SITE_DATA_DIR || 'data', 'key')

const MAX_BODY_BYTES = 16 * 1024
const MAX_CLOCK_SKEW_S = 300
// Longer than the whole ±300 s timestamp window, so a captured request can never be replayed.
const REPLAY_MEMORY_MS = 10 * 60_000
const PLATFORM_TIMEOUT_MS = 10_000
const REGISTER_MAX_ATTEMPTS = 20
const REGISTER_BACKOFF_START_MS = 500
const REGISTER_BACKOFF_CAP_MS = 10_000

const log = (line) => process.stdout.write(`${line}\n`)
// fetch() reports every network failure as "fetch failed"; the cause says which.
const describeError = (error) => (error?.cause?.code ? `${error.message} (${error.cause.code})` : String(error?.message ?? error))

if (!PLATFORM_URL || !URL.canParse(PLATFORM_URL)) {
  console.error('ATELIER_PLATFORM_URL is required (the platform base URL, e.g. https://atelier.example)')
  process.exit(1)
}
if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
  console.error(`PORT must be a TCP port number, got ${JSON.stringify(process.env.PORT)}`)
  process.exit(1)
}

// ---------------------------------------------------------------------------------------------
// The API key: the only secret this site holds. The platform stores just a digest of it.

const state = {
  key: '',
  /** The key replaced by the last accepted update: the platform may still sign a retry with it. */
  previousKey: null,
  registered: false,
  siteId: null,
}

// Write-then-rename so a crash mid-write never leaves a truncated key behind.
function saveKey(key) {
  mkdirSync(path.dirname(KEY_FILE), { recursive: true, mode: 0o700 })
  const temporary = `${KEY_FILE}.${process.pid}.tmp`
  writeFileSync(temporary, key, { mode: 0o600 })
  renameSync(temporary, KEY_FILE)
}

function loadOrCreateKey() {
  try {
    const key = readFileSync(KEY_FILE, 'utf8').trim()
    if (key) return { hadKey: true, key }
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
  }
  const key = randomBytes(32).toString('base64url')
  saveKey(key)
  return { hadKey: false, key }
}

// The platform never keeps K itself, only this digest, and signs key pushes with it.
const signingKey = (key) => createHash('sha256').update(`atelier-site-signing:${key}`).digest()

const expectedSignature = (key, timestamp, rawBody) =>
  createHmac('sha256', signingKey(key)).update(`${timestamp}.`).update(rawBody).digest()

const signatureMatches = (key, timestamp, rawBody, given) => {
  const expected = expectedSignature(key, timestamp, rawBody)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Accepted signatures (hex) → when they may be forgotten. */
const acceptedSignatures = new Map()

function forgetOldSignatures(now) {
  for (const [signature, forgetAt] of acceptedSignatures) if (forgetAt <= now) acceptedSignatures.delete(signature)
}

/** Checks the signature headers; returns `{ signature }` (hex, for replay memory) or `{ error }`. */
function verifySignedRequest(headers, rawBody) {
  const timestamp = headers['x-atelier-timestamp']
  const signatureHeader = headers['x-atelier-signature']
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
    return { error: 'Missing or malformed X-Atelier-Timestamp.' }
  }
  const match = typeof signatureHeader === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader) : null
  if (!match) return { error: 'Missing or malformed X-Atelier-Signature.' }
  const now = Date.now()
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return { error: 'Timestamp outside the allowed window.' }

  const given = Buffer.from(match[1], 'hex')
  const byCurrent = signatureMatches(state.key, timestamp, rawBody, given)
  if (!byCurrent && !(state.previousKey && signatureMatches(state.previousKey, timestamp, rawBody, given))) return { error: 'Invalid signature.' }

  const signature = given.toString('hex')
  forgetOldSignatures(now)
  if (acceptedSignatures.has(signature)) return { error: 'Signature already used.' }
  return { byCurrent, signature }
}

// The key travels in an HTTP header (X-Site-Key), so only visible ASCII is accepted.
const isAcceptableKey = (value) => typeof value === 'string' && value.length >= 32 && /^[\x21-\x7e]+$/.test(value)

// ---------------------------------------------------------------------------------------------
// Registration with the platform

const parseRetryAfterMs = (value) => (value && /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : null)

async function register(hadKey) {
  for (let attempt = 1; attempt <= REGISTER_MAX_ATTEMPTS; attempt++) {
    let retryAfterMs = null
    try {
      const headers = { 'Content-Type': 'application/json' }
      if (REGISTRATION_TOKEN) headers.Authorization = `Bearer ${REGISTRATION_TOKEN}`
      // On a restart the platform already knows us: the key proves which site this is.
      if (hadKey) headers['X-Site-Key'] = state.key
      const response = await fetch(`${PLATFORM_URL}/api/sites/register`, {
        body: JSON.stringify({ site_name: SITE_NAME, site_url: SITE_URL, api_key: state.key, auto_registered: true }),
        headers,
        method: 'POST',
        signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        state.registered = true
        state.siteId = body.site_id ?? null
        log(`registered site_id=${state.siteId} updated=${body.updated === true}`)
        return
      }
      const message = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`
      if (response.status !== 429 && response.status < 500) {
        // A refusal (bad token, invalid URL…) will not change by retrying; keep serving for /health.
        console.error(`registration refused status=${response.status}: ${message}`)
        return
      }
      console.error(`registration attempt ${attempt} failed status=${response.status}: ${message}`)
      retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'))
    } catch (error) {
      console.error(`registration attempt ${attempt} failed: ${describeError(error)}`)
    }
    if (attempt < REGISTER_MAX_ATTEMPTS) {
      await sleep(retryAfterMs ?? Math.min(REGISTER_BACKOFF_START_MS * 2 ** (attempt - 1), REGISTER_BACKOFF_CAP_MS))
    }
  }
  console.error(`registration gave up after ${REGISTER_MAX_ATTEMPTS} attempts`)
}

// ---------------------------------------------------------------------------------------------
// HTML

const escapeHtml = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char])

const PORTFOLIO_PATH = /^\/api\/sites\/me\/portfolio\/(\d+)$/

// Portfolio images need the site key, so this site proxies them under /portfolio/<id>. Other paths are
// relative to the platform; anything that is not http(s) is dropped.
function imageUrl(url) {
  if (typeof url !== 'string') return null
  const own = PORTFOLIO_PATH.exec(url)
  if (own) return `/portfolio/${own[1]}`
  const absolute = url.startsWith('/') && !url.startsWith('//') ? `${PLATFORM_URL}${url}` : url
  if (!URL.canParse(absolute)) return null
  const parsed = new URL(absolute)
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
}

const STYLE =
  'body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:60rem;padding:1rem;color:#222}' +
  'ul{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}' +
  'img{display:block;width:100%;height:auto}'
// The only inline content is STYLE; the CSP allows exactly it, by hash.
const CSP = [
  "default-src 'none'",
  "img-src 'self' http: https:",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const page = (title, main) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`

function renderProfile({ site, artist } = {}) {
  const name = artist?.name || site?.name || SITE_NAME
  const bio = typeof artist?.bioText === 'string' ? artist.bioText.trim() : ''
  const paragraphs = bio ? bio.split(/\n\s*\n/).map((text) => `<p>${escapeHtml(text.trim())}</p>`) : []
  if (!artist) paragraphs.push('<p>This site has no artist profile yet.</p>')
  const items = (Array.isArray(artist?.portfolio) ? artist.portfolio : []).flatMap((image, index) => {
    const src = imageUrl(image?.url)
    const alt = image?.alt || `Portfolio image ${index + 1}`
    return src ? [`<li><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy"></li>`] : []
  })
  const portfolio = items.length ? `<section aria-labelledby="portfolio">\n<h2 id="portfolio">Portfolio</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>` : ''
  return page(name, [`<h1>${escapeHtml(name)}</h1>`, ...paragraphs, portfolio].filter(Boolean).join('\n'))
}

// ---------------------------------------------------------------------------------------------
// HTTP

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

function sendHtml(res, status, html) {
  res.writeHead(status, {
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': CSP,
    'Content-Type': 'text/html; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(html)
}

/** The raw body, or null once it exceeds `limit` bytes (the rest is ignored, not buffered). */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return resolve(null)
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > limit) resolve(null)
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function handleHome(res) {
  let profile
  try {
    const response = await fetch(`${PLATFORM_URL}/api/sites/me`, {
      headers: { Accept: 'application/json', 'X-Site-Key': state.key },
      signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
    })
    if (!response.ok) throw new Error(`platform answered ${response.status}`)
    profile = await response.json()
  } catch (error) {
    console.error(`profile unavailable: ${describeError(error)}`)
    const html = page(SITE_NAME, '<h1>Temporarily unavailable</h1>\n<p>This page could not be loaded. Please try again in a moment.</p>')
    return sendHtml(res, 502, html)
  }
  sendHtml(res, 200, renderProfile(profile ?? {}))
}

/** Streams one portfolio image from the platform, fetched with this site's key. */
async function handlePortfolioImage(res, id) {
  try {
    const response = await fetch(`${PLATFORM_URL}/api/sites/me/portfolio/${id}`, {
      headers: { 'X-Site-Key': state.key },
      signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
    })
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok || !type.startsWith('image/')) return sendJson(res, 404, { success: false, error: 'Not found.' })
    res.writeHead(200, { 'Cache-Control': 'public, max-age=300', 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' })
    res.end(Buffer.from(await response.arrayBuffer()))
  } catch (error) {
    console.error(`image unavailable: ${describeError(error)}`)
    sendJson(res, 502, { success: false, error: 'Image unavailable.' })
  }
}

async function handleUpdateKey(req, res) {
  const rawBody = await readBody(req, MAX_BODY_BYTES)
  if (!rawBody) return sendJson(res, 413, { success: false, error: 'Body too large.' }, { Connection: 'close' })

  const verified = verifySignedRequest(req.headers, rawBody)
  if (verified.error) return sendJson(res, 401, { success: false, error: verified.error })

  let apiKey
  try {
    apiKey = JSON.parse(rawBody.toString('utf8'))?.api_key
  } catch {
    apiKey = undefined
  }
  if (!isAcceptableKey(apiKey)) {
    return sendJson(res, 400, { success: false, error: 'Body must be JSON {"api_key": "<at least 32 visible ASCII characters>"}.' })
  }

  // Everything from here on is synchronous, so two concurrent pushes cannot interleave.
  if (!verified.byCurrent && apiKey !== state.key) {
    // Signed with the key we replaced: only a retry of the push we already took is acceptable.
    return sendJson(res, 409, { success: false, error: 'Stale key push: this site has moved on to a newer key.' })
  }
  if (apiKey === state.key) {
    acceptedSignatures.set(verified.signature, Date.now() + REPLAY_MEMORY_MS)
    return sendJson(res, 200, { success: true, updated: false })
  }
  // Persist first: a key that is live in memory but lost on restart would lock the site out.
  saveKey(apiKey)
  state.previousKey = state.key
  state.key = apiKey
  acceptedSignatures.set(verified.signature, Date.now() + REPLAY_MEMORY_MS)
  log(`key updated prefix=${apiKey.slice(0, 8)}`)
  sendJson(res, 200, { success: true, updated: true })
}

const server = createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url ?? '/', 'http://site.invalid')
    if (req.method === 'GET' && pathname === '/health') {
      return sendJson(res, 200, { ok: true, registered: state.registered, siteId: state.siteId, keyPrefix: state.key.slice(0, 8) })
    }
    if (req.method === 'GET' && pathname === '/') return await handleHome(res)
    const image = /^\/portfolio\/(\d+)$/.exec(pathname)
    if (req.method === 'GET' && image) return await handlePortfolioImage(res, image[1])
    if (req.method === 'POST' && pathname === '/api/update-key') return await handleUpdateKey(req, res)
    sendJson(res, 404, { success: false, error: 'Not found.' })
  } catch (error) {
    console.error(`request failed: ${error.stack ?? error}`)
    if (res.headersSent) res.destroy()
    else sendJson(res, 500, { success: false, error: 'Internal error.' })
  }
})

function shutdown() {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  // In-flight requests get a moment to finish; a stuck one must not block a redeploy.
  setTimeout(() => process.exit(0), 5_000).unref()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)

const { hadKey, key } = loadOrCreateKey()
state.key = key

server.on('error', (error) => {
  console.error(`server error: ${error.message}`)
  process.exit(1)
})
// Listen first so /health answers while registration is still retrying.
server.listen(PORT, HOST, () => {
  log(`listening on http://${HOST}:${server.address().port} site_url=${SITE_URL}`)
  void register(hadKey)
})
