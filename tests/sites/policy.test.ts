// The pure parts of the sites plugin, and the webhook deployer against a real HTTP server on 127.0.0.1.
import { createHmac } from 'node:crypto'
import http from 'node:http'
import { describe, expect, it } from 'vitest'

import { webhookDeployer } from '../../plugins/sites/services/deployers'
import { isNonPublicAddress } from '../../plugins/sites/services/publicAddress'
import { seal, signingDigest, unseal } from '../../plugins/sites/services/secrets'
import { derivePepper, digestsEqual, generateSecret, hashSecret } from '../../utilities/secrets'
import { checkSiteUrl, isUnderAllowedDomain, normaliseSiteUrl, siteUrlString } from '../../plugins/sites/services/siteUrl'

const policy = { allowPrivate: false, allowedDomains: ['onrender.com', 'vercel.app'], httpHosts: [] as string[] }
const normalised = (raw: string) => {
  const url = normaliseSiteUrl(raw)
  return url ? siteUrlString(url) : null
}

describe('site URL normalisation', () => {
  it.each([
    ['https://Studio.OnRender.com', 'https://studio.onrender.com'],
    ['https://studio.onrender.com/', 'https://studio.onrender.com'],
    ['https://studio.onrender.com:443/', 'https://studio.onrender.com'],
    ['https://studio.onrender.com:8443', 'https://studio.onrender.com:8443'],
    ['http://studio.onrender.com:80/x/', 'http://studio.onrender.com/x'],
    ['https://user:secret@studio.onrender.com/?a=1#frag', 'https://studio.onrender.com'],
    ['  https://studio.onrender.com/path//  ', 'https://studio.onrender.com/path'],
  ])('%s → %s', (raw, expected) => {
    expect(normalised(raw)).toBe(expected)
  })

  it.each(['', 'studio.onrender.com', '/relative', 'ftp://studio.onrender.com', 'javascript:alert(1)', 'https://'])('refuses %j', (raw) => {
    expect(normalised(raw)).toBeNull()
  })
})

describe('allowed domains, on a label boundary', () => {
  it.each(['a.onrender.com', 'deep.a.onrender.com', 'onrender.com', 'x.vercel.app'])('%s passes', (host) => {
    expect(isUnderAllowedDomain(host, policy.allowedDomains)).toBe(true)
  })

  it.each(['onrender.com.evil.net', 'evilonrender.com', 'evil.net', 'onrender.co', 'vercel.app.evil.net', 'xvercel.app'])('%s does not', (host) => {
    expect(isUnderAllowedDomain(host, policy.allowedDomains)).toBe(false)
  })

  it('judges the real host of a URL with userinfo, path or query tricks', () => {
    for (const raw of ['https://onrender.com@evil.net', 'https://evil.net/a.onrender.com', 'https://evil.net?h=a.onrender.com', 'https://evil.net#a.onrender.com']) {
      expect(checkSiteUrl(normaliseSiteUrl(raw)!, policy), raw).toMatchObject({ ok: false, status: 403 })
    }
    expect(checkSiteUrl(normaliseSiteUrl('https://a.onrender.com')!, policy)).toEqual({ ok: true })
  })

  it('refuses IP literals and local names even when they are on the allowlist, unless private hosts are allowed', () => {
    const listed = { allowPrivate: false, allowedDomains: ['127.0.0.1', 'localhost', '[::1]', '::1'], httpHosts: [] as string[] }
    for (const raw of ['https://127.0.0.1', 'https://localhost', 'https://[::1]']) {
      expect(checkSiteUrl(normaliseSiteUrl(raw)!, listed), raw).toEqual({ message: expect.stringMatching(/public host/), ok: false, status: 403 })
      expect(checkSiteUrl(normaliseSiteUrl(raw)!, { ...listed, allowPrivate: true }), raw).toEqual({ ok: true })
    }
  })

  it('a site lives at the root of its own host: paths and other ports are refused, a trailing dot is dropped', () => {
    expect(checkSiteUrl(normaliseSiteUrl('https://a.onrender.com:8443')!, policy)).toMatchObject({ ok: false, status: 400 })
    expect(checkSiteUrl(normaliseSiteUrl('https://a.onrender.com/artist')!, policy)).toMatchObject({ ok: false, status: 400 })
    expect(normalised('https://A.onrender.com./')).toBe('https://a.onrender.com')
  })

  it('plain http only for listed hosts; literals and local names only when private hosts are allowed', () => {
    expect(checkSiteUrl(normaliseSiteUrl('http://a.onrender.com')!, policy)).toMatchObject({ ok: false, status: 400 })
    const dev = { allowPrivate: true, allowedDomains: ['localhost'], httpHosts: ['localhost'] }
    expect(checkSiteUrl(normaliseSiteUrl('http://localhost:4000')!, dev)).toEqual({ ok: true })
    expect(checkSiteUrl(normaliseSiteUrl('http://localhost:4000')!, { ...dev, allowPrivate: false })).toMatchObject({ ok: false, status: 403 })
  })
})

describe('non-public addresses', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:5',
    'not-an-address',
  ])('%s is refused', (address) => {
    expect(isNonPublicAddress(address)).toBe(true)
  })

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])('%s is public', (address) => {
    expect(isNonPublicAddress(address)).toBe(false)
  })
})

describe('secrets', () => {
  const pepper = derivePepper('a'.repeat(40), 'sites')

  it('hashes with the pepper: same input same hash, another pepper another hash', () => {
    const key = generateSecret()
    expect(key).toMatch(/^[\w-]{43}$/)
    expect(hashSecret(pepper, key)).toBe(hashSecret(pepper, key))
    expect(hashSecret(pepper, key)).not.toBe(hashSecret(derivePepper('b'.repeat(40), 'sites'), key))
    expect(hashSecret(pepper, key)).not.toBe(hashSecret(derivePepper('a'.repeat(40), 'bookings'), key))
    expect(hashSecret(pepper, key)).not.toContain(key)
  })

  it('compares digests in constant time, refusing empty and different lengths', () => {
    const digest = hashSecret(pepper, 'x')
    expect(digestsEqual(digest, digest)).toBe(true)
    expect(digestsEqual(digest, hashSecret(pepper, 'y'))).toBe(false)
    expect(digestsEqual(digest, digest.slice(0, 10))).toBe(false)
    expect(digestsEqual(null, digest)).toBe(false)
    expect(digestsEqual('', '')).toBe(false)
  })

  it('seals a pending key so that only the same secret opens it, and tampering is detected', () => {
    const sealed = seal('s'.repeat(40), 'the-key')
    expect(sealed).not.toContain('the-key')
    expect(unseal('s'.repeat(40), sealed)).toBe('the-key')
    expect(() => unseal('t'.repeat(40), sealed)).toThrow()
    const [iv, tag, body] = sealed.split('.')
    expect(() => unseal('s'.repeat(40), [iv, tag, `${body}A`].join('.'))).toThrow()
  })

  it('derives the signing digest the template site computes from its key (a known vector)', () => {
    expect(signingDigest('k')).toBe('6e902b2f6927cea67ab320a1a19f3282b570f49ec98804de5587fbf9aa976a2b')
  })
})

describe('webhook deployer', () => {
  async function withHook(status: number, run: (url: string, received: { body: string; headers: http.IncomingHttpHeaders }[]) => Promise<void>) {
    const received: { body: string; headers: http.IncomingHttpHeaders }[] = []
    const server = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        received.push({ body, headers: request.headers })
        response.writeHead(status).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    try {
      await run(`http://127.0.0.1:${port}/deploy`, received)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }

  const request = {
    artist: { email: 'mira@atelier.test', id: 3, name: 'Mira', siteId: 9 },
    platformUrl: 'https://atelier.example.com',
    registrationToken: 'token-123',
    tenant: { id: 1, name: 'Lumière', slug: 'lumiere' },
  }

  it('POSTs the request signed with HMAC-SHA-256 over timestamp.body', async () => {
    await withHook(202, async (url, received) => {
      const result = await webhookDeployer({ secret: 'hook-secret-0123456789', url }).deploy(request)
      expect(result).toEqual({ status: 'requested' })
      const [call] = received
      expect(JSON.parse(call!.body)).toEqual(request)
      const timestamp = call!.headers['x-atelier-timestamp'] as string
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5)
      const expected = createHmac('sha256', 'hook-secret-0123456789').update(`${timestamp}.${call!.body}`).digest('hex')
      expect(call!.headers['x-atelier-signature']).toBe(`sha256=${expected}`)
    })
  })

  it('fails when the hook refuses', async () => {
    await withHook(500, async (url) => {
      await expect(webhookDeployer({ secret: 'hook-secret-0123456789', url }).deploy(request)).rejects.toThrow(/500/)
    })
  })
})
