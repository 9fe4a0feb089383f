// PATCH /api/onboarding with bad input: a 400 naming each field, never a 500, and nothing written; the step
// schemas hold the bounds of the collections they write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { createDefaultPolicy, createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { errorsOf, pathsOf, PRICING, ROOM, WELCOME } from '../helpers/onboarding'
import { startTestApp, type TestApp } from '../helpers/payload'



describe('onboarding API input', () => {
  let app: TestApp
  let studio: Tenant
  let studioB: Tenant
  let owner: User
  let token: string

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload)
    // Where the bounds are tried on the collections directly.
    studioB = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, studio)
    owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    token = await app.rest.login(owner.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  const answer = (body: unknown) => app.rest.patch('/onboarding', body, { token })
  const read = (tenant: string) => app.rest.get(`/onboarding?tenant=${tenant}`, { token })
  const complete = (step: string, data: unknown) => answer({ action: 'complete', data, step, tenant: studio.id })
  const roomsOf = (tenant: Tenant) => app.payload.find({ collection: 'rooms', depth: 0, where: { tenant: { equals: tenant.id } } })

  describe('bad input is a 400 naming the field, never a 500', () => {
    const bad = answer

    it('the envelope', async () => {
      expect((await errorsOf(await bad('{"step": '))).errors[0]!.message).toBe('The request body is not valid JSON.')
      expect(await pathsOf(await bad({ action: 'finish', step: 'dessert', tenant: 'one' }))).toEqual(['action', 'step', 'tenant'])
      expect(await pathsOf(await bad({ action: 'skip', extra: 1, step: 'welcome' }))).toEqual(['extra'])
      expect(await pathsOf(await bad({ action: 'skip', step: 'welcome', tenant: 99_999_999_999 }))).toEqual(['tenant'])
      expect(await pathsOf(await read('abc'))).toEqual(['tenant'])
      expect(await pathsOf(await read('99999999999'))).toEqual(['tenant'])
      expect(await pathsOf(await complete('welcome', undefined))).toEqual(['data'])
    })

    it('welcome', async () => {
      expect(await pathsOf(await complete('welcome', { name: '', defaultCurrency: 'XYZ', timezone: 'Mars/Olympus' }))).toEqual(['data.defaultCurrency', 'data.name', 'data.timezone'])
      expect(await pathsOf(await complete('welcome', { ...WELCOME, name: 'x'.repeat(100_000), timezone: 'y'.repeat(100_000) }))).toEqual(['data.name', 'data.timezone'])
      expect(await pathsOf(await complete('welcome', { ...WELCOME, defaultCurrency: 978, slug: 'hijack' }))).toEqual(['data.defaultCurrency', 'data.slug'])
      expect(await pathsOf(await complete('welcome', { ...WELCOME, name: 'Nul\u0000' }))).toEqual(['data.name'])
    })

    it('room', async () => {
      expect(await pathsOf(await complete('room', { name: 'R', capacity: 0, hourlyRate: 12.5 }))).toEqual(['data.capacity', 'data.hourlyRate'])
      expect(await pathsOf(await complete('room', { name: 'R', capacity: '2', hourlyRate: 1e300 }))).toEqual(['data.capacity', 'data.hourlyRate'])
      const hours = [{ closes: '08:00', opens: '09:00', weekday: 'monday' }, { closes: '25:00', opens: '24:00', weekday: 'funday' }]
      expect(await pathsOf(await complete('room', { ...ROOM, openingHours: hours }))).toEqual(['data.openingHours.0.closes', 'data.openingHours.1.closes', 'data.openingHours.1.opens', 'data.openingHours.1.weekday'])
      expect(await pathsOf(await complete('room', { ...ROOM, openingHours: Array(51).fill({ closes: '10:00', opens: '09:00', weekday: 'monday' }) }))).toEqual(['data.openingHours'])
    })

    it('pricing', async () => {
      expect(await pathsOf(await complete('pricing', { ...PRICING, depositType: 'gift' }))).toEqual(['data.depositType'])
      expect(await pathsOf(await complete('pricing', { ...PRICING, depositAmount: -1, holdMinutes: 4 }))).toEqual(['data.depositAmount', 'data.holdMinutes'])
      const tiers = [{ noticeAmount: -1, noticeUnit: 'weeks', refundPercent: 101 }]
      expect(await pathsOf(await complete('pricing', { ...PRICING, cancellationTiers: tiers }))).toEqual(['data.cancellationTiers.0.noticeAmount', 'data.cancellationTiers.0.noticeUnit', 'data.cancellationTiers.0.refundPercent'])
      // A percentage deposit needs its percentage, and no amount.
      expect(await pathsOf(await complete('pricing', { ...PRICING, depositType: 'percentage' }))).toEqual(['data.depositAmount', 'data.depositPercent'])
    })

    it('staff', async () => {
      expect(await pathsOf(await complete('staff', { invites: [{ email: 'not-an-email', role: 'emperor' }, { email: 'a@b.test', name: 7, role: 'staff' }] }))).toEqual([
        'data.invites.0.email', 'data.invites.0.role', 'data.invites.1.name',
      ])
      const twice = [{ email: 'a@b.test', role: 'staff' }, { email: 'c@b.test', role: 'staff' }, { email: ' A@b.test', role: 'admin' }]
      expect(await pathsOf(await complete('staff', { invites: twice }))).toEqual(['data.invites.2.email'])
      expect(await pathsOf(await complete('staff', { invites: Array.from({ length: 21 }, (_, index) => ({ email: `p${index}@b.test`, role: 'staff' })) }))).toEqual(['data.invites'])
      expect(await pathsOf(await complete('staff', {}))).toEqual(['data.invites'])
    })

    it('plan', async () => {
      expect(await pathsOf(await complete('plan', { plan: 42 }))).toEqual(['data.plan'])
    })

    it('nothing was written by any of them', async () => {
      const stored = await app.payload.findByID({ id: studio.id, collection: 'tenants' })
      expect(stored).toMatchObject({ name: studio.name, defaultCurrency: 'EUR', timezone: 'Europe/Paris' })
      expect(stored.onboarding?.completed ?? []).toEqual([])
      expect((await roomsOf(studio)).totalDocs).toBe(0)
      const { docs } = await app.payload.find({ collection: 'booking-policies', where: { tenant: { equals: studio.id } } })
      expect(docs).toEqual([expect.objectContaining({ depositType: 'percentage', holdMinutes: 30 })])
      expect((await app.payload.count({ collection: 'users', where: { email: { like: '@b.test' } } })).totalDocs).toBe(0)
    })
  })

  describe('the step schemas hold the collections’ bounds', () => {
    // Each value goes through the API and straight to the collection: both accept it, or both refuse it.
    const cases: { collectionAccepts: () => Promise<unknown>; data: Record<string, unknown>; step: string }[] = []
    const policyCase = (terms: Record<string, unknown>) =>
      cases.push({
        collectionAccepts: () => app.payload.create({ collection: 'booking-policies', data: { depositType: 'percentage', holdMinutes: 30, name: 'Bound', ...terms, tenant: studioB.id } as never }),
        data: { cancellationTiers: [], depositPercent: 10, depositType: 'percentage', holdMinutes: 30, ...terms },
        step: 'pricing',
      })
    const roomCase = (fields: Record<string, unknown>) =>
      cases.push({ collectionAccepts: () => createRoom(app.payload, studioB, fields as never), data: { ...ROOM, ...fields }, step: 'room' })
    for (const holdMinutes of [4, 5, 23 * 60, 23 * 60 + 1]) policyCase({ holdMinutes })
    for (const depositPercent of [-1, 0, 100, 101]) policyCase({ depositPercent })
    for (const refundPercent of [-1, 0, 100, 101]) policyCase({ cancellationTiers: [{ noticeAmount: 1, noticeUnit: 'days', refundPercent }] })
    for (const capacity of [0, 1]) roomCase({ capacity })
    roomCase({ hourlyRate: 0 })
    for (const [opens, closes] of [['09:00', '24:00'], ['24:00', '24:00'], ['10:00', '10:00'], ['9:00', '10:00']]) roomCase({ openingHours: [{ closes, opens, weekday: 'monday' }] })

    // The rooms collection declares `min: 0` on the rate, but its own `validate` replaces Payload's min check,
    // so the collection takes -1 today; the wizard holds the declared bound.
    it('a negative hourly rate is refused', async () => {
      expect(await pathsOf(await complete('room', { ...ROOM, hourlyRate: -1 }))).toEqual(['data.hourlyRate'])
    })

    it.each(cases.map((entry, index) => [index, entry] as const))('case %i', async (_, { collectionAccepts, data, step }) => {
      const viaCollection = await collectionAccepts().then(() => true, () => false)
      const response = await complete(step, data)
      expect([response.status, await response.text()].join(' ')).toMatch(viaCollection ? /^200 / : /^400 /)
    })
  })
})
