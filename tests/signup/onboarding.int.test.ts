// GET/PATCH /api/onboarding: what each step writes, resuming, skipping, and who may set a studio up. Bad input:
// onboardingInput.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { createDefaultPolicy } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { errorsOf, pathsOf, PRICING, ROOM, WELCOME } from '../helpers/onboarding'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type State = {
  currency: { code: string; exponent: number }
  onboarding: { completed: string[]; completedAt: null | string; skipped: string[]; step: string }
  prefill: {
    plan: { choices: { id: string; name: string }[] }
    pricing: Record<string, unknown> & { id: null | number }
    room: { capacity: number; hourlyRate: null | number; id: null | number; name: string; openingHours: { closes: string; opens: string; weekday: string }[] }
    staff: { members: { email: string; role: string }[]; roles: string[] }
    welcome: { defaultCurrency: string; name: string; timezone: string }
  }
  publicBookingUrl: string
  tenant: { id: number; slug: string }
}


describe('onboarding API', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let studioB: Tenant
  let bare: Tenant
  let owner: User
  let admin: User
  let staff: User
  let attacker: User
  let ownerOfTwo: User
  const tokens = new Map<User, string>()

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    studio = await createTenant(app.payload, { status: 'trial' })
    studioB = await createTenant(app.payload)
    bare = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, studio)
    await createDefaultPolicy(app.payload, studioB)
    owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    admin = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    // Owner of a studio of their own, artist in B: the matrix's attacker.
    attacker = await createUser(app.payload, [
      { role: 'owner', tenant: bare },
      { role: 'artist', tenant: studioB },
    ])
    ownerOfTwo = await createUser(app.payload, [
      { role: 'owner', tenant: studioB },
      { role: 'owner', tenant: bare },
    ])
    for (const user of [owner, admin, staff, attacker, ownerOfTwo]) tokens.set(user, await app.rest.login(user.email, PASSWORD))
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  const read = (user: User | undefined, tenant?: number | string) =>
    app.rest.get(`/onboarding${tenant === undefined ? '' : `?tenant=${tenant}`}`, { token: user && tokens.get(user) })
  const answer = (user: User, body: unknown) => app.rest.patch('/onboarding', body, { token: tokens.get(user) })
  const complete = (user: User, step: string, data: unknown, tenant: number = studio.id) => answer(user, { action: 'complete', data, step, tenant })
  const stateOf = async (response: Response) => {
    const text = await response.text()
    expect(response.status, text).toBe(200)
    return JSON.parse(text) as State
  }
  const roomsOf = (tenant: Tenant) => app.payload.find({ collection: 'rooms', depth: 0, where: { tenant: { equals: tenant.id } } })

  describe('walking the five steps', () => {
    it('opens at the first step with what each step starts from', async () => {
      // The owner manages one studio: no need to name it.
      const state = await stateOf(await read(owner))
      expect(state.tenant).toMatchObject({ id: studio.id, slug: studio.slug })
      expect(state.onboarding).toEqual({ completed: [], completedAt: null, skipped: [], step: 'welcome' })
      expect(state.currency).toEqual({ code: 'EUR', exponent: 2 })
      expect(state.prefill.welcome).toEqual({ name: studio.name, defaultCurrency: 'EUR', timezone: 'Europe/Paris' })
      expect(state.prefill.room).toMatchObject({ capacity: 1, hourlyRate: null, id: null, name: '' })
      expect(state.prefill.room.openingHours.map((range) => `${range.weekday} ${range.opens}-${range.closes}`)).toEqual([
        'monday 09:00-19:00', 'tuesday 09:00-19:00', 'wednesday 09:00-19:00', 'thursday 09:00-19:00', 'friday 09:00-19:00', 'saturday 09:00-19:00',
      ])
      expect(state.prefill.pricing).toMatchObject({ depositPercent: 30, depositType: 'percentage', holdMinutes: 30 })
      expect(state.prefill.pricing.id).toEqual(expect.any(Number))
      expect(state.prefill.staff.members.map((member) => member.email).sort()).toEqual([admin.email, owner.email, staff.email].sort())
      expect(state.prefill.staff.roles).toEqual(['owner', 'admin', 'staff', 'editor', 'artist'])
      expect(state.prefill.plan.choices.map((choice) => choice.id)).toEqual(['trial'])
      expect(state.publicBookingUrl).toBe(`http://localhost:3000/${studio.slug}/book`)
    })

    it('welcome: writes the studio’s name, zone and currency', async () => {
      const state = await stateOf(await complete(owner, 'welcome', { ...WELCOME, defaultCurrency: 'jpy' }))
      expect(state.onboarding).toMatchObject({ completed: ['welcome'], step: 'room' })
      expect(state.currency).toEqual({ code: 'JPY', exponent: 0 })
      const stored = await app.payload.findByID({ id: studio.id, collection: 'tenants' })
      expect(stored).toMatchObject(WELCOME)
    })

    it('room: creates the first room with a slug and the default hours, then updates that same room', async () => {
      const first = await stateOf(await complete(owner, 'room', ROOM))
      expect(first.onboarding).toMatchObject({ completed: ['welcome', 'room'], step: 'pricing' })
      const [room] = (await roomsOf(studio)).docs
      expect(room).toMatchObject({ ...ROOM, slug: 'studio-lumiere', tenant: studio.id })
      expect(room!.openingHours).toHaveLength(6)
      expect(first.prefill.room).toMatchObject({ ...ROOM, id: room!.id })

      // Repeating the step (going back, a retry) edits the room it made.
      const hours = [{ closes: '24:00', opens: '12:00', weekday: 'sunday' }]
      await stateOf(await complete(owner, 'room', { ...ROOM, name: 'Grand studio', openingHours: hours }))
      const { docs } = await roomsOf(studio)
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ id: room!.id, name: 'Grand studio', slug: 'studio-lumiere' })
      expect(docs[0]!.openingHours?.map(({ closes, opens, weekday }) => ({ closes, opens, weekday }))).toEqual(hours)
    })

    it('pricing: edits the default policy, clearing the other kind of deposit', async () => {
      const state = await stateOf(await complete(owner, 'pricing', PRICING))
      expect(state.onboarding.step).toBe('staff')
      const { docs } = await app.payload.find({ collection: 'booking-policies', where: { tenant: { equals: studio.id } } })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ depositAmount: 1000, depositPercent: null, depositType: 'fixed', holdMinutes: 45, isDefault: true })
      expect(docs[0]!.cancellationTiers?.map(({ noticeAmount, noticeUnit, refundPercent }) => ({ noticeAmount, noticeUnit, refundPercent }))).toEqual(PRICING.cancellationTiers)
    })

    it('resumes where the owner left: GET answers the stored step', async () => {
      expect((await stateOf(await read(owner, studio.id))).onboarding).toMatchObject({ completed: ['welcome', 'room', 'pricing'], step: 'staff' })
    })

    it('staff: an admin cannot invite an owner, and then nobody of that list is invited', async () => {
      const invites = [
        { email: 'first@invited.test', role: 'staff' },
        { email: 'boss@invited.test', role: 'owner' },
      ]
      const body = await errorsOf(await complete(admin, 'staff', { invites }), 403)
      expect(body.errors.map((entry) => entry.path)).toEqual(['data.invites.1.role'])
      expect((await app.payload.count({ collection: 'users', where: { email: { equals: 'first@invited.test' } } })).totalDocs).toBe(0)
      // Admins are not offered the owner role.
      expect((await stateOf(await read(admin))).prefill.staff.roles).toEqual(['admin', 'staff', 'editor', 'artist'])
    })

    it('staff: invites each person through the members service; each gets a set-password link', async () => {
      const invites = [
        { email: 'Nina@Invited.test', name: 'Nina', role: 'staff' },
        { email: 'leo@invited.test', role: 'admin' },
      ]
      const state = await stateOf(await complete(owner, 'staff', { invites }))
      expect(state.onboarding.step).toBe('plan')
      expect(state.prefill.staff.members).toEqual(
        expect.arrayContaining([expect.objectContaining({ email: 'nina@invited.test', role: 'staff' }), expect.objectContaining({ email: 'leo@invited.test', role: 'admin' })]),
      )
      for (const email of ['nina@invited.test', 'leo@invited.test']) {
        const mail = await smtp.waitFor((message) => message.to.includes(email))
        expect(mail.subject).toBe(`You are invited to ${WELCOME.name} on Atelier`)
        expect(mail.body).toMatch(/\/admin\/reset\/[a-f0-9]{20,}/)
      }
      expect(smtp.messages.some((message) => message.to.includes('first@invited.test'))).toBe(false)
    })

    it('plan: an unknown plan is a 400; staying on the trial finishes the wizard', async () => {
      expect(await pathsOf(await complete(owner, 'plan', { plan: 'gold' }))).toEqual(['data.plan'])
      const state = await stateOf(await complete(owner, 'plan', { plan: 'trial' }))
      expect(state.onboarding).toMatchObject({ completed: ['welcome', 'room', 'pricing', 'staff', 'plan'], skipped: [], step: 'plan' })
      expect(Date.parse(state.onboarding.completedAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
      // Revisiting a step later keeps the date and the place.
      const again = await stateOf(await complete(owner, 'welcome', WELCOME))
      expect(again.onboarding).toEqual(state.onboarding)
    })

    it('the progress is the plugin’s to write: a REST edit of the tenant leaves it alone', async () => {
      const response = await app.rest.patch(`/tenants/${studio.id}`, { onboarding: { completedAt: null, step: 'welcome' } }, { token: tokens.get(owner) })
      expect(response.status).toBeLessThan(500)
      const stored = await app.payload.findByID({ id: studio.id, collection: 'tenants' })
      expect(stored.onboarding).toMatchObject({ completedAt: expect.any(String), step: 'plan' })
    })
  })

  describe('skipping', () => {
    it('records the skip, writes nothing, and a later completion replaces it', async () => {
      const skipped = await stateOf(await answer(ownerOfTwo, { action: 'skip', step: 'welcome', tenant: bare.id }))
      expect(skipped.onboarding).toMatchObject({ completed: [], skipped: ['welcome'], step: 'room' })
      const room = await stateOf(await answer(ownerOfTwo, { action: 'skip', data: { ignored: true }, step: 'room', tenant: bare.id }))
      expect(room.onboarding).toMatchObject({ skipped: ['welcome', 'room'], step: 'pricing' })
      expect((await roomsOf(bare)).totalDocs).toBe(0)

      const done = await stateOf(await complete(ownerOfTwo, 'welcome', WELCOME, bare.id))
      expect(done.onboarding).toMatchObject({ completed: ['welcome'], skipped: ['room'], step: 'pricing' })
    })

    it('pricing creates the default policy of a studio that has none', async () => {
      await stateOf(await complete(ownerOfTwo, 'pricing', { ...PRICING, depositPercent: 50, depositType: 'percentage', depositAmount: undefined }, bare.id))
      const { docs } = await app.payload.find({ collection: 'booking-policies', where: { tenant: { equals: bare.id } } })
      expect(docs).toEqual([expect.objectContaining({ depositAmount: null, depositPercent: 50, isDefault: true, name: 'Default policy' })])
    })

    it('skipping every step finishes the wizard too', async () => {
      for (const step of ['staff', 'plan']) await stateOf(await answer(ownerOfTwo, { action: 'skip', step, tenant: bare.id }))
      const state = await stateOf(await read(ownerOfTwo, bare.id))
      expect(state.onboarding).toMatchObject({ completed: ['welcome', 'pricing'], skipped: ['room', 'staff', 'plan'], step: 'plan' })
      expect(state.onboarding.completedAt).not.toBeNull()
    })
  })

  describe('who may set a studio up', () => {
    it('401 signed out', async () => {
      expect((await read(undefined)).status).toBe(401)
      expect((await app.rest.patch('/onboarding', { action: 'skip', step: 'welcome' })).status).toBe(401)
    })

    it('403 for staff, who may not update the studio, named or not', async () => {
      await errorsOf(await read(staff, studio.id), 403)
      await errorsOf(await read(staff), 403)
      await errorsOf(await answer(staff, { action: 'skip', step: 'welcome', tenant: studio.id }), 403)
    })

    it('an owner of one studio cannot touch another where they are an artist', async () => {
      await errorsOf(await read(attacker, studioB.id), 403)
      const before = await app.payload.findByID({ id: studioB.id, collection: 'tenants' })
      await errorsOf(await complete(attacker, 'welcome', WELCOME, studioB.id), 403)
      await errorsOf(await complete(attacker, 'room', ROOM, studioB.id), 403)
      await errorsOf(await complete(attacker, 'staff', { invites: [{ email: 'mole@evil.test', role: 'owner' }] }, studioB.id), 403)
      expect(await app.payload.findByID({ id: studioB.id, collection: 'tenants' })).toEqual(before)
      expect((await roomsOf(studioB)).totalDocs).toBe(0)
      expect((await app.payload.count({ collection: 'users', where: { email: { equals: 'mole@evil.test' } } })).totalDocs).toBe(0)
      // Without a tenant named, the one studio they manage is meant.
      expect((await stateOf(await read(attacker))).tenant.id).toBe(bare.id)
    })

    it('404 for a studio the caller does not belong to, or that does not exist', async () => {
      await errorsOf(await read(owner, studioB.id), 404)
      await errorsOf(await read(owner, 999_999), 404)
      await errorsOf(await complete(owner, 'welcome', WELCOME, studioB.id), 404)
    })

    it('asks which studio when the caller manages several', async () => {
      const body = await errorsOf(await read(ownerOfTwo))
      expect(body.code).toBe('tenant_required')
      expect(body.errors[0]!.path).toBe('tenant')
      expect(body.tenants?.map((tenant) => tenant.id).sort()).toEqual([studioB.id, bare.id].sort())
    })

    it('works with the session cookie the page sends, from the app’s own origin only', async () => {
      const cookie = `payload-token=${tokens.get(owner)}`
      const own = await app.rest.get('/onboarding', { headers: { Cookie: cookie, Origin: 'http://localhost:3000' } })
      expect((await stateOf(own)).tenant.id).toBe(studio.id)
      const body = { action: 'skip', step: 'plan', tenant: studio.id }
      expect((await app.rest.patch('/onboarding', body, { headers: { Cookie: cookie, Origin: 'https://evil.test' } })).status).toBe(401)
    })
  })
})
