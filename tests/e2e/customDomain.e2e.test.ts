// Acceptance for custom domains with real parts: the production build, Debian's Caddy asking the app before
// each on-demand certificate (its internal CA in place of Let's Encrypt), the DNS proof against a DNS server
// on 127.0.0.1, and curl reaching the studio's booking page over HTTPS on its own hostname.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localSlot } from '../helpers/booking'
import { caddyBinary, type CaddyServer, startCaddy } from '../helpers/caddy'
import { type DnsServer, startDnsServer } from '../helpers/dnsServer'
import { createStudio, type E2eApp, startE2eApp } from './harness'

const run = promisify(execFile)
const CADDY = caddyBinary()
const EDGE = 'edge.atelier.test'
const STUDIO_NAME = 'Atelier Lumière'

// CI installs Caddy (.ci/run) and sets ATELIER_CI, where a missing Caddy fails instead of skipping.
if (!CADDY) {
  const message = 'Caddy is not installed (apt-get install caddy): the custom domain e2e test is skipped.'
  if (process.env.ATELIER_CI === '1') throw new Error(message)
  console.warn(message)
}

describe.skipIf(!CADDY)('custom domains end to end, through Caddy', () => {
  let e2e: E2eApp
  let dns: DnsServer
  let caddy: CaddyServer
  let roomId: number
  const hostname = `book.lumiere-${randomBytes(2).toString('hex')}.test`
  const slug = `lumiere-${randomBytes(2).toString('hex')}`

  /** curl over HTTPS to `host` through Caddy, trusting only Caddy's root: status and body, or curl's exit code. */
  async function curl(host: string, route: string, options: { body?: unknown } = {}) {
    const args = ['--silent', '--show-error', '--max-time', '20', '--resolve', `${host}:${caddy.httpsPort}:127.0.0.1`, '--cacert', caddy.rootCertificate]
    if (options.body !== undefined) args.push('-X', 'POST', '-H', 'Content-Type: application/json', '--data', JSON.stringify(options.body))
    args.push('--write-out', '\n%{http_code}', `https://${host}:${caddy.httpsPort}${route}`)
    try {
      const { stdout } = await run('curl', args)
      const cut = stdout.lastIndexOf('\n')
      return { body: stdout.slice(0, cut), exitCode: 0, status: Number(stdout.slice(cut + 1)) }
    } catch (error) {
      return { body: '', exitCode: (error as { code?: number }).code ?? -1, status: 0 }
    }
  }

  beforeAll(async () => {
    dns = await startDnsServer({})
    e2e = await startE2eApp({ ATELIER_CNAME_TARGET: EDGE, ATELIER_DNS_SERVER: dns.address, ATELIER_TRUSTED_PROXIES: '1' })
    ;({ roomId } = await createStudio(e2e, { name: STUDIO_NAME, slug, timezone: 'Europe/Paris' }, { leadTimeMinutes: 0 }))
    caddy = await startCaddy(CADDY!, Number(new URL(e2e.baseUrl).port))
  })
  afterAll(async () => {
    await caddy?.stop()
    await e2e?.stop()
    await dns?.close()
  })

  it('refuses a certificate at the handshake while the domain is unverified', async () => {
    const tenant = (await e2e.api('GET', `/tenants?where[slug][equals]=${slug}`)).body as { docs: { id: number }[] }
    const claimed = await e2e.api('POST', '/domains', { hostname, tenant: tenant.docs[0]!.id })
    expect(claimed.status).toBe(201)
    const attempt = await curl(hostname, '/')
    expect(attempt.status).toBe(0)
    // 35: the TLS handshake failed (Caddy got no certificate to offer).
    expect(attempt.exitCode).toBe(35)
  })

  it('serves the studio’s booking page and its bookings over HTTPS once the DNS proof holds', async () => {
    const found = (await e2e.api('GET', `/domains?where[hostname][equals]=${hostname}`)).body as { docs: { id: number; verificationToken: string }[] }
    const domain = found.docs[0]!
    dns.records[`_atelier-challenge.${hostname}`] = { TXT: [domain.verificationToken] }
    dns.records[hostname] = { CNAME: EDGE }
    const verified = await e2e.api('POST', `/domains/${domain.id}/verify`)
    expect(verified.status).toBe(200)
    expect(verified.body.status).toBe('verified')

    const page = await curl(hostname, '/')
    expect(page.exitCode).toBe(0)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<title>Book at ${STUDIO_NAME}`)

    // The public API on the studio's host needs no studio named: the host is the studio.
    const booked = await curl(hostname, '/api/public/booking', {
      body: { customer: { email: 'guest@example.com', name: 'Mme Durand' }, end: localSlot({ timezone: 'Europe/Paris' }, 3, '11:00'), room: roomId, start: localSlot({ timezone: 'Europe/Paris' }, 3, '10:00') },
    })
    expect(booked.status).toBe(201)
    const { accessToken, ref } = JSON.parse(booked.body) as { accessToken: string; ref: string }
    const bookingPage = await curl(hostname, `/b/${ref}?token=${accessToken}`)
    expect(bookingPage.status).toBe(200)
    expect(bookingPage.body).toContain('<title>Your booking')
  })

  it('serves nothing else on the studio’s host, and keeps the platform’s paths on the platform', async () => {
    expect((await curl(hostname, '/admin')).status).toBe(404)
    expect((await curl(hostname, `/${slug}/book`)).status).toBe(404)
    expect((await curl(hostname, '/api/users/me')).status).toBe(404)
    const platformPage = await fetch(`${e2e.baseUrl}/${slug}/book`)
    expect(platformPage.status).toBe(200)
    // The studio's pages have an icon, on both hosts.
    const icon = /<link rel="icon" href="(\/icon[^"?]*\.svg)/.exec(await platformPage.text())?.[1]
    expect(icon).toBeDefined()
    expect((await fetch(`${e2e.baseUrl}${icon}`)).status).toBe(200)
    expect((await curl(hostname, icon!)).status).toBe(200)
    expect((await fetch(`${e2e.baseUrl}/on-host`)).status).toBe(404)
    // A host nobody verified, reaching the app by another way than Caddy: a plain 404 page.
    const statusWithHost = async (host: string, route: string) =>
      (await run('curl', ['--silent', '--output', '/dev/null', '--write-out', '%{http_code}', '-H', `Host: ${host}`, `${e2e.baseUrl}${route}`])).stdout
    expect(await statusWithHost('nobody-claimed.test', '/')).toBe('404')
    // Nothing but the two pages on a studio's host, whatever route the path could otherwise match.
    expect(await statusWithHost(hostname, '/faviconxico/book')).toBe('404')
    expect(await statusWithHost(hostname, '/on-host/book')).toBe('404')
    // A Host that does not parse is refused; a single-label name (a container's) is the platform's.
    expect(await statusWithHost(`${hostname}:x`, '/admin')).toBe('400')
    expect(await statusWithHost('app:3000', '/api/health')).toBe('200')
  })
})
