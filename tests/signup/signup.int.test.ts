// POST /api/signup and the slug check: one transaction, no account enumeration, the verification link,
// the welcome email, abuse limits; and no password in any email the SMTP server received.
import type { Config } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { purgeUnverifiedSignups, registerProvisioner, verifyAndSignIn } from '../../plugins/signup'
import { idOf } from '../../utilities/idOf'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'

let app: TestApp
let smtp: SmtpTestServer
const passwordsUsed = new Set<string>([PASSWORD])
let ipCounter = 0
const freshIp = () => `203.0.113.${++ipCounter}`

type SignupBody = Record<string, unknown>
const signup = (body: SignupBody, ip = freshIp()) => {
  if (typeof body.password === 'string') passwordsUsed.add(body.password)
  return app.rest.post('/signup', body, { headers: { 'X-Forwarded-For': ip } })
}
let counter = 0
const fresh = (overrides: SignupBody = {}): SignupBody => {
  counter += 1
  return { email: `owner${counter}@studio-${counter}.test`, password: `Long-secret-${counter}-pass`, slug: `new-studio-${counter}`, studioName: `New Studio ${counter}`, ...overrides }
}
const linkIn = (body: string) => /\/signup\/verify\?token=([0-9a-f]+)/.exec(body)?.[1]
const tenantsWithSlug = async (slug: string) => (await app.payload.find({ collection: 'tenants', where: { slug: { equals: slug } } })).docs

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await startTestApp({ ...smtp.env, ATELIER_SIGNUPS_PER_IP_PER_HOUR: '6', ATELIER_UNVERIFIED_SIGNUPS_PER_DOMAIN_PER_HOUR: '3', ATELIER_RESERVED_SLUGS: 'lumiere-official', ATELIER_SIGNUP_RESPONSE_FLOOR_MS: '0' })
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

describe('a fresh signup', () => {
  it('makes the studio in trial, its unverified owner, a default policy and a verification email', async () => {
    const input = fresh({ currency: 'CHF', locale: 'fr', name: 'Camille', timezone: 'Europe/Zurich' })
    const response = await signup(input)
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ status: 'check_your_email' })

    const [tenant] = await tenantsWithSlug(String(input.slug))
    expect(tenant).toMatchObject({ defaultCurrency: 'CHF', defaultLocale: 'fr', name: input.studioName, status: 'trial', timezone: 'Europe/Zurich' })
    const trialDays = (Date.parse(tenant!.trialEndsAt!) - Date.now()) / 86_400_000
    expect(trialDays).toBeGreaterThan(13.99)
    expect(trialDays).toBeLessThan(14.01)
    expect(tenant!.onboarding?.step).toBe('welcome')

    const { docs: owners } = await app.payload.find({ collection: 'users', showHiddenFields: true, where: { email: { equals: input.email } } })
    expect(owners).toHaveLength(1)
    expect(owners[0]).toMatchObject({ _verified: false, languagePreference: 'fr', name: 'Camille' })
    expect(owners[0]!.tenants?.map((membership) => ({ role: membership.role, tenant: idOf(membership.tenant!) }))).toEqual([{ role: 'owner', tenant: tenant!.id }])
    const { docs: policies } = await app.payload.find({ collection: 'booking-policies', where: { tenant: { equals: tenant!.id } } })
    expect(policies.map((policy) => policy.isDefault)).toEqual([true])
    // The themes plugin's provisioner: the platform's look as the studio's own default theme.
    const { docs: themes } = await app.payload.find({ collection: 'themes', where: { tenant: { equals: tenant!.id } } })
    expect(themes.map((theme) => [theme.name, theme.isDefault])).toEqual([['Default', true]])

    const mail = await smtp.waitFor((message) => message.to.includes(String(input.email)))
    expect(mail.subject).toContain(String(input.studioName))
    expect(mail.subject).toContain('Confirmez')
    expect(linkIn(mail.body)).toBeTruthy()
  })

  it('cannot sign in before verifying; the link verifies, signs in and sends the welcome email', async () => {
    const input = fresh()
    expect((await signup(input)).status).toBe(202)
    const before = await app.rest.post('/users/login', { email: input.email, password: input.password })
    expect(before.status).toBe(403)

    const mail = await smtp.waitFor((message) => message.to.includes(String(input.email)) && Boolean(linkIn(message.body)))
    const token = linkIn(mail.body)!
    expect(await verifyAndSignIn(app.payload, token, 'not-the-password-chosen'), 'the link alone is not enough').toEqual({ status: 'wrong_password' })
    const outcome = await verifyAndSignIn(app.payload, token, String(input.password))
    if (outcome.status !== 'signed_in') throw new Error(`Not signed in: ${outcome.status}`)
    expect(outcome.cookie).toMatch(/^payload-token=[^;]+;/)
    const me = await app.rest.get('/users/me', { headers: { Cookie: outcome.cookie.split(';')[0]!, Origin: 'http://localhost:3000' } })
    expect(((await me.json()) as { user?: { email: string } }).user?.email).toBe(input.email)
    expect(await verifyAndSignIn(app.payload, token, String(input.password)), 'a link works once').toEqual({ status: 'invalid' })

    const welcome = await smtp.waitFor((message) => message.to.includes(String(input.email)) && message.subject.includes('is ready'))
    const [tenant] = await tenantsWithSlug(String(input.slug))
    expect(welcome.body).toContain('http://localhost:3000/admin')
    expect(welcome.body).toContain(`http://localhost:3000/${String(input.slug)}/book`)
    expect(welcome.body).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(tenant!.trialEndsAt!)))
    expect((await app.rest.post('/users/login', { email: input.email, password: input.password })).status).toBe(200)
  })
})

describe('the verification token', () => {
  it('activates nothing but a waiting self-signup: an account made another way cannot sign in with its token', async () => {
    const studio = await createTenant(app.payload)
    const invited = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    const row = (await app.payload.db.findOne({ collection: 'users', where: { id: { equals: invited.id } } })) as { _verificationToken?: string; _verified?: boolean }
    expect(row._verified).toBe(true)
    expect(row._verificationToken, 'Payload gives every account one').toBeTruthy()
    expect(await verifyAndSignIn(app.payload, row._verificationToken!, PASSWORD)).toEqual({ status: 'invalid' })
  })
})

describe('no account enumeration', () => {
  it('answers an address that has an account byte for byte as a fresh one, and tells the account holder', async () => {
    const studio = await createTenant(app.payload)
    const holder = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    const known = await signup(fresh({ email: holder.email }))
    const unknown = await signup(fresh())
    expect([known.status, [...known.headers].filter(([name]) => name !== 'date')]).toEqual([unknown.status, [...unknown.headers].filter(([name]) => name !== 'date')])
    expect(await known.text()).toBe(await unknown.text())

    const notice = await smtp.waitFor((message) => message.to.includes(holder.email))
    expect(notice.subject).toBe('A signup to Atelier with your address')
    expect(notice.body).toContain('http://localhost:3000/admin/login')
    const { totalDocs } = await app.payload.count({ collection: 'users', where: { email: { equals: holder.email } } })
    expect(totalDocs).toBe(1)
  })

  it('holds the slug either way, so the slug check tells nothing', async () => {
    const studio = await createTenant(app.payload)
    const holder = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    const input = fresh({ email: holder.email })
    await signup(input)
    expect(await tenantsWithSlug(String(input.slug))).toEqual([])
    const check = await app.rest.get(`/signup/check-slug?slug=${String(input.slug)}`)
    expect(await check.json()).toEqual({ available: false, reason: 'taken', slug: input.slug })
    expect((await signup(fresh({ slug: input.slug }))).status).toBe(409)
  })
})

describe('slugs', () => {
  it('checks the format, the reserved list and what is taken', async () => {
    const studio = await createTenant(app.payload)
    const cases: [string, object][] = [
      ['admin', { available: false, reason: 'reserved' }],
      ['onboarding', { available: false, reason: 'reserved' }],
      ['lumiere-official', { available: false, reason: 'reserved' }],
      ['ab', { available: false, reason: 'invalid' }],
      ['Has Spaces', { available: false, reason: 'invalid' }],
      ['a'.repeat(64), { available: false, reason: 'invalid' }],
      [studio.slug, { available: false, reason: 'taken' }],
      ['free-studio-name', { available: true }],
    ]
    for (const [slug, verdict] of cases) {
      const response = await app.rest.get(`/signup/check-slug?slug=${encodeURIComponent(slug)}`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })
      expect(await response.json(), slug).toEqual({ slug: slug.toLowerCase(), ...verdict })
    }
    expect((await app.rest.get('/signup/check-slug')).status).toBe(400)
  })

  it('refuses taken, reserved and invalid slugs on signup', async () => {
    const studio = await createTenant(app.payload)
    const taken = await signup(fresh({ slug: studio.slug }))
    expect(taken.status).toBe(409)
    expect(await taken.json()).toMatchObject({ code: 'slug_taken', errors: [{ path: 'slug' }] })
    const reserved = await signup(fresh({ slug: 'api' }))
    expect([reserved.status, ((await reserved.json()) as { code: string }).code]).toEqual([400, 'slug_reserved'])
    const invalid = await signup(fresh({ slug: '-bad-' }))
    expect([invalid.status, ((await invalid.json()) as { code: string }).code]).toEqual([400, 'slug_invalid'])
  })

  it('gives one 202 and one 409 to two concurrent signups for one slug, and makes one tenant', async () => {
    const slug = 'racing-for-this'
    const answers = await Promise.all([signup(fresh({ slug })), signup(fresh({ slug }))])
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409])
    expect(await tenantsWithSlug(slug)).toHaveLength(1)
  })

  it('rate-limits the slug check per client address', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 60; index++) statuses.push((await app.rest.get('/signup/check-slug?slug=some-slug', { headers: { 'X-Forwarded-For': '198.51.100.77' } })).status)
    expect(statuses.every((status) => status === 200)).toBe(true)
    const limited = await app.rest.get('/signup/check-slug?slug=some-slug', { headers: { 'X-Forwarded-For': '198.51.100.77' } })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('atomicity', () => {
  it('leaves no tenant, user, policy, membership or slug hold when a provisioner throws', async () => {
    const custom = app.payload.config.custom
    const before = { ...custom }
    Object.assign(custom, registerProvisioner({ custom } as Config, () => {
      throw new Error('provisioning failed')
    }).custom)
    try {
      const input = fresh()
      const response = await signup(input)
      expect(response.status).toBe(500)
      expect(JSON.stringify(await response.json())).not.toContain('provisioning failed')
      expect(await tenantsWithSlug(String(input.slug))).toEqual([])
      expect((await app.payload.count({ collection: 'users', where: { email: { equals: input.email } } })).totalDocs).toBe(0)
      expect((await app.payload.count({ collection: 'signup-requests', where: { slug: { equals: input.slug } } })).totalDocs).toBe(0)
      const orphans = await app.payload.db.drizzle.execute(`select count(*)::int as n from booking_policies where tenant_id is null or tenant_id not in (select id from tenants)`)
      expect((orphans.rows[0] as { n: number }).n).toBe(0)
      const memberships = await app.payload.db.drizzle.execute(`select count(*)::int as n from users_tenants where tenant_id not in (select id from tenants)`)
      expect((memberships.rows[0] as { n: number }).n).toBe(0)
      expect(smtp.messages.some((message) => message.to.includes(String(input.email))), 'nothing mailed').toBe(false)
    } finally {
      for (const key of Object.keys(custom)) if (!(key in before)) delete custom[key]
      Object.assign(custom, before)
    }
  })

  it('runs registered provisioners inside the signup, with the new tenant and owner', async () => {
    const custom = app.payload.config.custom
    const before = { ...custom }
    const seen: string[] = []
    Object.assign(custom, registerProvisioner({ custom } as Config, async ({ owner, req, tenant }) => {
      // Inside the transaction: the tenant is visible through this req only.
      const found = await req.payload.findByID({ id: tenant.id, collection: 'tenants', req })
      seen.push(`${found.slug}:${owner.email}`)
    }).custom)
    try {
      const input = fresh()
      expect((await signup(input)).status).toBe(202)
      expect(seen).toEqual([`${String(input.slug)}:${String(input.email)}`])
    } finally {
      Object.assign(custom, before)
    }
  })
})

describe('bad input', () => {
  const cases: [string, unknown, string][] = [
    ['missing fields', {}, 'email'],
    ['a huge studio name', { studioName: 'x'.repeat(10_000) }, 'studioName'],
    ['a number for the email', { email: 42 }, 'email'],
    ['a weak password', { password: 'short' }, 'password'],
    ['the email as password', { email: 'same@weak.test', password: 'same@weak.test' }, 'password'],
    ['an invalid time zone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['an invalid currency', { currency: 'XYZ' }, 'currency'],
    ['an unknown locale', { locale: 'it' }, 'locale'],
    ['an unknown field', { role: 'owner' }, 'role'],
  ]
  it.each(cases)('answers %s with 400 and the field path', async (_, override, path) => {
    const body = typeof override === 'object' && override && Object.keys(override).length === 0 ? {} : { ...fresh(), ...(override as object) }
    const response = await signup(body as SignupBody)
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: { path?: string }[] }
    expect(errors.map((error) => error.path)).toContain(path)
  })

  it('answers a body that is not JSON with 400', async () => {
    const response = await app.rest.post('/signup', '{not json', { headers: { 'X-Forwarded-For': freshIp() } })
    expect(response.status).toBe(400)
  })
})

describe('abuse', () => {
  it('answers a filled honeypot as a signup and makes nothing', async () => {
    const input = fresh({ website: 'http://spam.test' })
    const response = await signup(input)
    expect([response.status, await response.json()]).toEqual([202, { status: 'check_your_email' }])
    expect(await tenantsWithSlug(String(input.slug))).toEqual([])
  })

  it('limits signups per client address', async () => {
    const ip = freshIp()
    const statuses: number[] = []
    for (let index = 0; index < 7; index++) statuses.push((await signup(fresh({ email: `limit${index}@ip-limit-${index}.test` }), ip)).status)
    expect(statuses.slice(0, 6).every((status) => status !== 429)).toBe(true)
    expect(statuses[6]).toBe(429)
  })

  it('limits unverified signups per email domain per hour', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 4; index++) statuses.push((await signup(fresh({ email: `person${index}@busy-domain.test` }))).status)
    expect(statuses).toEqual([202, 202, 202, 429])
  })

  it('does not count public mail services per domain: five signups cannot shut gmail.com out', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 5; index++) statuses.push((await signup(fresh({ email: `someone${index}-${counter}@gmail.com` }))).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202])
  })
})

describe('every email the SMTP server received', () => {
  it('contains none of the passwords used', () => {
    expect(smtp.messages.length).toBeGreaterThan(5)
    for (const message of smtp.messages) {
      for (const password of passwordsUsed) expect(message.raw.includes(password), `"${message.subject}" contains a password`).toBe(false)
    }
  })
})

describe('the purge of signups never verified', () => {
  it('deletes them after 7 days, tenant and owner and policy; keeps verified studios; frees the slugs', async () => {
    const stale = fresh()
    const kept = fresh()
    expect((await signup(stale)).status).toBe(202)
    expect((await signup(kept)).status).toBe(202)
    const keptMail = await smtp.waitFor((message) => message.to.includes(String(kept.email)) && Boolean(linkIn(message.body)))
    expect(await verifyAndSignIn(app.payload, linkIn(keptMail.body)!, String(kept.password))).toMatchObject({ status: 'signed_in' })
    const [staleTenant] = await tenantsWithSlug(String(stale.slug))

    const req = { payload: app.payload, context: {} } as Parameters<typeof purgeUnverifiedSignups>[0]
    expect(await purgeUnverifiedSignups(req, new Date(Date.now() + 6 * 86_400_000))).toBe(0)
    expect(await tenantsWithSlug(String(stale.slug))).toHaveLength(1)
    await purgeUnverifiedSignups(req, new Date(Date.now() + 8 * 86_400_000))

    expect(await tenantsWithSlug(String(stale.slug))).toEqual([])
    expect((await app.payload.count({ collection: 'users', where: { email: { equals: stale.email } } })).totalDocs).toBe(0)
    expect((await app.payload.count({ collection: 'booking-policies', where: { tenant: { equals: staleTenant!.id } } })).totalDocs).toBe(0)
    expect(await tenantsWithSlug(String(kept.slug))).toHaveLength(1)
    expect((await app.payload.count({ collection: 'users', where: { email: { equals: kept.email } } })).totalDocs).toBe(1)
    const check = await app.rest.get(`/signup/check-slug?slug=${String(stale.slug)}`, { headers: { 'X-Forwarded-For': freshIp() } })
    expect(await check.json()).toMatchObject({ available: true })
  })
})
