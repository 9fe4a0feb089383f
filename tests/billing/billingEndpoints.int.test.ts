// The subscription endpoints' guard and input: anonymous 401, a staff member 403, another studio's id 404,
// bad input 400 with the field's path; never a 500. Then what an owner reads: subscription, plans, portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { BILLING_SECRET_KEY, billingEnv } from '../helpers/billing'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Call = { body?: unknown; method: 'GET' | 'POST'; path: string }

const CALLS: Call[] = [
  { method: 'GET', path: '/billing/create-checkout?plan=studio&period=month' },
  { method: 'POST', path: '/billing/create-checkout?plan=studio&period=month' },
  { body: { period: 'month', plan: 'network' }, method: 'POST', path: '/billing/upgrade/preview' },
  { body: { period: 'month', plan: 'network', prorationDate: Math.floor(Date.now() / 1000) }, method: 'POST', path: '/billing/upgrade' },
  { body: { period: 'month', plan: 'solo', when: 'now' }, method: 'POST', path: '/billing/downgrade' },
  { body: {}, method: 'POST', path: '/billing/cancel' },
  { method: 'GET', path: '/billing/subscription' },
  { method: 'GET', path: '/billing/plans' },
  { method: 'GET', path: '/billing/portal' },
]

const BAD_INPUT: [Call, string | undefined][] = [
  [{ method: 'POST', path: '/billing/create-checkout?period=month' }, 'plan'],
  [{ method: 'POST', path: '/billing/create-checkout?plan=studio&period=week' }, 'period'],
  [{ method: 'GET', path: '/billing/create-checkout?plan=studio&coupon=free' }, 'coupon'],
  [{ method: 'POST', path: '/billing/create-checkout?plan=nonexistent&period=month' }, undefined],
  [{ body: { period: 'month' }, method: 'POST', path: '/billing/upgrade/preview' }, 'plan'],
  [{ body: { period: 'month', plan: 'network', prorationDate: 'now' }, method: 'POST', path: '/billing/upgrade' }, 'prorationDate'],
  [{ body: { period: 'month', plan: 'solo', when: 'tomorrow' }, method: 'POST', path: '/billing/downgrade' }, 'when'],
  [{ body: { refund: true }, method: 'POST', path: '/billing/cancel' }, 'refund'],
  [{ body: '{not json', method: 'POST', path: '/billing/cancel' }, undefined],
  [{ method: 'GET', path: '/billing/subscription?tenant=abc' }, 'tenant'],
  [{ method: 'GET', path: '/billing/plans?locale=xx' }, 'locale'],
]

describe('billing endpoints: guard and input', () => {
  let app: TestApp
  let stripe: FakeStripe
  let studio: Tenant
  let other: Tenant
  let ownerToken: string
  let staffToken: string

  const call = ({ body, method, path }: Call, tenant: number | undefined, token?: string) => {
    const url = tenant === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}tenant=${tenant}`
    return app.rest.request(method, url, { body, token })
  }

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: BILLING_SECRET_KEY })
    app = await startTestApp(billingEnv(stripe))
    studio = await createTenant(app.payload, { status: 'trial' })
    other = await createTenant(app.payload, { status: 'active' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    const staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    await createUser(app.payload, [{ role: 'owner', tenant: other }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    staffToken = await app.rest.login(staff.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await stripe.close()
  })

  it('refuses anonymous callers (401), staff (403) and another studio (404)', async () => {
    for (const request of CALLS) {
      const label = `${request.method} ${request.path}`
      expect((await call(request, studio.id)).status, `${label} anonymous`).toBe(401)
      expect((await call(request, studio.id, staffToken)).status, `${label} as staff`).toBe(403)
      const foreign = await call(request, other.id, ownerToken)
      expect(foreign.status, `${label} on another studio`).toBe(404)
    }
    expect(stripe.sessions.size).toBe(0)
  })

  it('answers bad input with 4xx in the one error shape, never 500', async () => {
    for (const [request, path] of BAD_INPUT) {
      const response = await call(request, request.path.includes('tenant=') ? undefined : studio.id, ownerToken)
      const body = (await response.json()) as { errors: { message: string; path?: string }[] }
      const label = `${request.method} ${request.path} ${JSON.stringify(request.body ?? '')}`
      expect(response.status, label).toBeGreaterThanOrEqual(400)
      expect(response.status, label).toBeLessThan(500)
      expect(body.errors.length, label).toBeGreaterThan(0)
      if (path) expect(body.errors.map((entry) => entry.path), label).toContain(path)
    }
    // ISO offsets reach ±23:59, PostgreSQL's only ±15:59: still an answer, not a 500.
    expect((await call({ method: 'GET', path: '/billing/credits/history?from=2000-01-01T00:00:00-23:59&to=2000-01-02' }, studio.id, ownerToken)).status).toBe(200)
  })

  it('changes nothing without a running subscription: 409 no_subscription; portal after the customer exists', async () => {
    for (const request of CALLS.slice(2, 6)) {
      const response = await call(request, studio.id, ownerToken)
      expect(((await response.json()) as { code: string }).code, request.path).toBe('no_subscription')
    }
    expect(((await (await call({ method: 'GET', path: '/billing/portal' }, studio.id, ownerToken)).json()) as { code: string }).code).toBe('no_customer')
    await call({ method: 'POST', path: '/billing/create-checkout?plan=solo&period=year' }, studio.id, ownerToken)
    const portal = await call({ method: 'GET', path: '/billing/portal' }, studio.id, ownerToken)
    expect(portal.status).toBe(303)
    expect(portal.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })

  it('shows the Stripe ids over REST only to billing readers, not to every member', async () => {
    await call({ method: 'POST', path: '/billing/create-checkout?plan=solo&period=month' }, studio.id, ownerToken)
    const asStaff = (await (await app.rest.get('/subscriptions', { token: staffToken })).json()) as { docs: Record<string, unknown>[] }
    const asOwner = (await (await app.rest.get('/subscriptions', { token: ownerToken })).json()) as { docs: Record<string, unknown>[] }
    expect(asStaff.docs).toHaveLength(1)
    expect(asStaff.docs[0]!.stripeCustomerId).toBeUndefined()
    expect(asOwner.docs[0]!.stripeCustomerId).toMatch(/^cus_/)
  })

  it('offers the plans in the onboarding wizard, each with the checkout its choice opens', async () => {
    const state = (await (await app.rest.get(`/onboarding?tenant=${studio.id}`, { token: ownerToken })).json()) as { prefill: { plan: { choices: { checkoutUrl?: string; description?: string; id: string }[] } } }
    const choices = state.prefill.plan.choices
    expect(choices.map((choice) => choice.id)).toEqual(['trial', 'solo', 'studio', 'network'])
    expect(choices[0]!.checkoutUrl).toBeUndefined()
    const studioPlan = choices.find((choice) => choice.id === 'studio')!
    expect(studioPlan.description).toMatch(/^€49\.00 a month · 5 rooms/)
    const chosen = await app.rest.patch('/onboarding', { action: 'complete', data: { plan: 'studio' }, step: 'plan', tenant: studio.id }, { token: ownerToken })
    expect(chosen.status).toBe(200)
    const checkout = await app.rest.get(studioPlan.checkoutUrl!.replace(/^\/api/, ''), { token: ownerToken })
    expect(checkout.status).toBe(303)
    expect(checkout.headers.get('location')).toContain('/c/pay/')
  })

  it('shows the subscription and the plans, in the studio’s language or the one asked for', async () => {
    const shown = (await (await call({ method: 'GET', path: '/billing/subscription' }, studio.id, ownerToken)).json()) as Record<string, unknown>
    expect(shown).toMatchObject({ limitsPlan: { code: 'studio' }, subscription: null, tenant: { id: studio.id, status: 'trial' } })
    const plans = (await (await call({ method: 'GET', path: '/billing/plans?locale=fr' }, studio.id, ownerToken)).json()) as { plans: { code: string; current: boolean; limits: { rooms: null | number }; name: string }[] }
    expect(plans.plans.map((plan) => [plan.code, plan.name, plan.current, plan.limits.rooms])).toEqual([
      ['solo', 'Solo', false, 1],
      ['studio', 'Studio', true, 5],
      ['network', 'Réseau', false, null],
    ])
  })
})
