// Subscribing and changing plans through the local Stripe fake and signed webhooks: checkout with the trial
// carried over, the proration preview equal to the invoice to the cent, downgrades now and at period end,
// cancellation, and every subscription webhook delivered twice and twice at once with one effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { billingEnv, ledgerOf, planByCode, subscriptionRow, walletOf, webhookSender } from '../helpers/billing'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { addInterval } from '../helpers/fakeStripeBilling'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { BILLING_SECRET_KEY } from '../helpers/billing'

const DAY = 86_400

describe('billing: subscriptions', () => {
  let app: TestApp
  let stripe: FakeStripe
  let webhooks: ReturnType<typeof webhookSender>
  let ownerToken: string
  let owner: User

  const post = (path: string, body?: unknown) => app.rest.post(path, body, { token: ownerToken })

  /** A studio of the owner's, and its subscription paid for through Checkout and the webhooks Stripe sends. */
  async function subscribed(plan: string, period: 'month' | 'year', fields: Partial<Tenant> = {}) {
    const tenant = await createTenant(app.payload, { status: 'active', ...fields })
    await app.payload.update({ id: owner.id, collection: 'users', data: { tenants: [...(owner.tenants ?? []), { role: 'owner', tenant: tenant.id }] } })
    owner = await app.payload.findByID({ id: owner.id, collection: 'users', depth: 0 })
    const created = await post(`/billing/create-checkout?plan=${plan}&period=${period}&tenant=${tenant.id}`)
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const session = stripe.completeSession(id)
    const subscription = stripe.subscriptions.get(String(session.subscription))!
    await webhooks.deliver('checkout.session.completed', session)
    await webhooks.deliver('invoice.paid', stripe.invoices.get(String(subscription.latest_invoice))!)
    return { session, subscription, tenant }
  }

  /** Moves a subscription's current period `days` into the past, as if it had started then. */
  function backdate(subscriptionId: string, days: number) {
    const subscription = stripe.subscriptions.get(subscriptionId)!
    const item = subscription.items.data[0]!
    const start = Math.floor(Date.now() / 1000) - days * DAY
    const interval = item.price.recurring!.interval
    Object.assign(item, { current_period_end: addInterval(start, interval), current_period_start: start })
    Object.assign(subscription, { billing_cycle_anchor: start, start_date: start })
  }

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: BILLING_SECRET_KEY })
    app = await startTestApp(billingEnv(stripe))
    webhooks = webhookSender(app, stripe)
    owner = await createUser(app.payload, [])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await stripe.close()
  })

  it('syncs a plan to Stripe on save: a Product, two Prices; a new price archives the old one', async () => {
    const admin = await createUser(app.payload, [], { superAdmin: true })
    const token = await app.rest.login(admin.email, PASSWORD)
    const created = await app.rest.post('/plans', { code: 'duo', currency: 'EUR', limits: { rooms: 2 }, monthlyPrice: 2500, name: 'Duo', yearlyPrice: 25000 }, { token })
    expect(created.status).toBe(201)
    const plan = (await created.json()) as { doc: { id: number; stripe: { monthlyPriceId: string; productId: string; yearlyPriceId: string } } }
    const { monthlyPriceId, productId, yearlyPriceId } = plan.doc.stripe
    expect(stripe.products.get(productId)).toMatchObject({ active: true, metadata: { atelier_plan: 'duo' }, name: 'Duo' })
    expect(stripe.prices.get(monthlyPriceId)).toMatchObject({ currency: 'eur', product: productId, recurring: { interval: 'month' }, unit_amount: 2500 })
    expect(stripe.prices.get(yearlyPriceId)).toMatchObject({ recurring: { interval: 'year' }, unit_amount: 25000 })

    const changed = await app.rest.patch(`/plans/${plan.doc.id}`, { monthlyPrice: 2900 }, { token })
    expect(changed.status).toBe(200)
    const after = (await changed.json()) as { doc: { stripe: { monthlyPriceId: string; yearlyPriceId: string } } }
    expect(after.doc.stripe.monthlyPriceId).not.toBe(monthlyPriceId)
    expect(after.doc.stripe.yearlyPriceId).toBe(yearlyPriceId)
    expect(stripe.prices.get(after.doc.stripe.monthlyPriceId)).toMatchObject({ active: true, unit_amount: 2900 })
    expect(stripe.prices.get(monthlyPriceId)!.active).toBe(false)
  })

  it('checks out with the trial carried over: POST answers JSON (the same session for a quarter hour), GET redirects', async () => {
    const trialEndsAt = new Date(Date.now() + 10 * DAY * 1000)
    const tenant = await createTenant(app.payload, { status: 'trial' })
    await app.payload.update({ id: tenant.id, collection: 'tenants', data: { trialEndsAt: trialEndsAt.toISOString() } })
    await app.payload.update({ id: owner.id, collection: 'users', data: { tenants: [...(owner.tenants ?? []), { role: 'owner', tenant: tenant.id }] } })
    owner = await app.payload.findByID({ id: owner.id, collection: 'users', depth: 0 })

    const first = await post(`/billing/create-checkout?plan=studio&period=month&tenant=${tenant.id}`)
    const second = await post(`/billing/create-checkout?plan=studio&period=month&tenant=${tenant.id}`)
    expect(first.status).toBe(201)
    const { id, url } = (await first.json()) as { id: string; url: string }
    expect(((await second.json()) as { id: string }).id).toBe(id)
    const redirect = await app.rest.get(`/billing/create-checkout?plan=studio&period=month&tenant=${tenant.id}`, { token: ownerToken })
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('location')).toBe(url)

    const row = await subscriptionRow(app.payload, tenant)
    const customers = [...stripe.customers.values()].filter((customer) => customer.metadata.tenant_id === String(tenant.id))
    expect(customers.map((customer) => customer.id)).toEqual([row!.stripeCustomerId])
    const session = stripe.completeSession(id)
    const subscription = stripe.subscriptions.get(String(session.subscription))!
    expect(subscription.trial_end).toBe(Math.floor(trialEndsAt.getTime() / 1000))
    expect(subscription.metadata).toMatchObject({ plan: 'studio', tenant_id: String(tenant.id) })

    const delivered = await webhooks.deliver('checkout.session.completed', session)
    expect(delivered.response.status).toBe(200)
    const synced = await subscriptionRow(app.payload, tenant)
    expect(synced).toMatchObject({ interval: 'month', plan: (await planByCode(app.payload, 'studio')).id, status: 'trialing', stripeSubscriptionId: subscription.id })
    expect((await app.payload.findByID({ id: tenant.id, collection: 'tenants' })).status).toBe('active')
    const again = await post(`/billing/create-checkout?plan=network&period=month&tenant=${tenant.id}`)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { code: string }).code).toBe('already_subscribed')
  })

  it('charges exactly what the upgrade preview showed, to the cent, at the same proration date', async () => {
    const { subscription, tenant } = await subscribed('solo', 'month')
    backdate(subscription.id, 11)
    const previewed = await post(`/billing/upgrade/preview?tenant=${tenant.id}`, { period: 'month', plan: 'studio' })
    expect(previewed.status).toBe(200)
    const preview = (await previewed.json()) as { amountDue: number; currency: string; lines: { amount: number; proration: boolean }[]; prorationDate: number }
    const item = subscription.items.data[0]!
    const left = (item.current_period_end - preview.prorationDate) / (item.current_period_end - item.current_period_start)
    expect(preview.lines.map((line) => line.amount).sort((a, b) => a - b)).toEqual([-Math.round(1900 * left), Math.round(4900 * left)])
    expect(preview.amountDue).toBe(Math.round(4900 * left) - Math.round(1900 * left))
    expect(preview.amountDue).toBeGreaterThan(0)

    const applied = await post(`/billing/upgrade?tenant=${tenant.id}`, { period: 'month', plan: 'studio', prorationDate: preview.prorationDate })
    expect(applied.status).toBe(200)
    const { invoice } = (await applied.json()) as { invoice: { amountDue: number; amountPaid: number; id: string; status: string } }
    expect(invoice).toMatchObject({ amountDue: preview.amountDue, amountPaid: preview.amountDue, status: 'paid' })
    expect(stripe.invoices.get(invoice.id)!.lines.data.map((line) => line.amount)).toEqual(preview.lines.map((line) => line.amount))

    await webhooks.deliver('customer.subscription.updated', stripe.subscriptions.get(subscription.id)!)
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ plan: (await planByCode(app.payload, 'studio')).id, status: 'active' })
    const stale = await post(`/billing/upgrade?tenant=${tenant.id}`, { period: 'month', plan: 'network', prorationDate: preview.prorationDate - 3600 })
    expect(stale.status).toBe(400)
  })

  it('downgrades at period end keeping the paid plan until then, and now with the interval changed', async () => {
    const { subscription, tenant } = await subscribed('network', 'month')
    const network = await planByCode(app.payload, 'network')
    const studio = await planByCode(app.payload, 'studio')
    const later = await post(`/billing/downgrade?tenant=${tenant.id}`, { period: 'month', plan: 'studio', when: 'period_end' })
    expect(later.status).toBe(200)
    await webhooks.deliver('customer.subscription.updated', stripe.subscriptions.get(subscription.id)!)
    const pending = await subscriptionRow(app.payload, tenant)
    expect(pending!.plan).toBe(network.id)
    expect(pending!.pendingChange).toMatchObject({ interval: 'month', plan: studio.id })
    const shown = (await (await app.rest.get(`/billing/subscription?tenant=${tenant.id}`, { token: ownerToken })).json()) as { subscription: { pendingChange: { plan: { code: string } } } }
    expect(shown.subscription.pendingChange.plan.code).toBe('studio')

    const renewed = stripe.renewSubscription(subscription.id, { pay: true })
    expect(stripe.invoices.get(String(renewed.latest_invoice))!.amount_due).toBe(4900)
    await webhooks.deliver('invoice.paid', stripe.invoices.get(String(renewed.latest_invoice))!)
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ pendingChange: { plan: null }, plan: studio.id })

    const refused = await post(`/billing/downgrade?tenant=${tenant.id}`, { period: 'year', plan: 'solo', when: 'period_end' })
    expect(((await refused.json()) as { code: string }).code).toBe('interval_change_now_only')
    const now = await post(`/billing/downgrade?tenant=${tenant.id}`, { period: 'year', plan: 'solo', when: 'now' })
    expect(now.status).toBe(200)
    await webhooks.deliver('customer.subscription.updated', stripe.subscriptions.get(subscription.id)!)
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ interval: 'year', plan: (await planByCode(app.payload, 'solo')).id })
    const upward = await post(`/billing/downgrade?tenant=${tenant.id}`, { period: 'year', plan: 'network', when: 'now' })
    expect(((await upward.json()) as { code: string }).code).toBe('use_upgrade')
  })

  it('a downgrade taking effect now shrinks the running credit grant to the new plan’s; a free trial grants none', async () => {
    const { tenant } = await subscribed('network', 'month')
    expect(await walletOf(app.payload, tenant)).toMatchObject({ balance: 3000, grant_remaining: 3000 })
    expect((await post(`/billing/downgrade?tenant=${tenant.id}`, { period: 'month', plan: 'solo', when: 'now' })).status).toBe(200)
    expect(await walletOf(app.payload, tenant)).toMatchObject({ balance: 50, grant_remaining: 50 })
    expect((await ledgerOf(app.payload, tenant)).at(-1)).toMatchObject({ amount: -2950, kind: 'expire' })

    const trial = await createTenant(app.payload, { status: 'trial' })
    await app.payload.update({ id: trial.id, collection: 'tenants', data: { trialEndsAt: new Date(Date.now() + 10 * DAY * 1000).toISOString() } })
    await app.payload.update({ id: owner.id, collection: 'users', data: { tenants: [...(owner.tenants ?? []), { role: 'owner', tenant: trial.id }] } })
    owner = await app.payload.findByID({ id: owner.id, collection: 'users', depth: 0 })
    const { id } = (await (await post(`/billing/create-checkout?plan=network&period=year&tenant=${trial.id}`)).json()) as { id: string }
    const session = stripe.completeSession(id)
    const invoice = stripe.invoices.get(String(stripe.subscriptions.get(String(session.subscription))!.latest_invoice))!
    expect(invoice.amount_paid).toBe(0)
    await webhooks.deliver('checkout.session.completed', session)
    await webhooks.deliver('invoice.paid', invoice)
    expect((await subscriptionRow(app.payload, trial))!.status).toBe('trialing')
    expect(await ledgerOf(app.payload, trial)).toEqual([])
  })

  it('cancels at period end by default, and now: the studio is suspended when it ends', async () => {
    const { subscription, tenant } = await subscribed('studio', 'month')
    expect((await post(`/billing/cancel?tenant=${tenant.id}`, {})).status).toBe(200)
    await webhooks.deliver('customer.subscription.updated', stripe.subscriptions.get(subscription.id)!)
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ cancelAtPeriodEnd: true, status: 'active' })
    expect((await post(`/billing/cancel?tenant=${tenant.id}`, { when: 'now' })).status).toBe(200)
    await webhooks.deliver('customer.subscription.deleted', stripe.subscriptions.get(subscription.id)!)
    expect((await subscriptionRow(app.payload, tenant))!.status).toBe('canceled')
    expect((await app.payload.findByID({ id: tenant.id, collection: 'tenants' })).status).toBe('suspended')
    // Subscribing again reopens it.
    const back = await post(`/billing/create-checkout?plan=solo&period=month&tenant=${tenant.id}`)
    expect(back.status).toBe(201)
  })

  it('two checkouts opened at once and both paid: the row keeps the first, the second is audited for the owner', async () => {
    const tenant = await createTenant(app.payload, { status: 'active' })
    await app.payload.update({ id: owner.id, collection: 'users', data: { tenants: [...(owner.tenants ?? []), { role: 'owner', tenant: tenant.id }] } })
    owner = await app.payload.findByID({ id: owner.id, collection: 'users', depth: 0 })
    const ids: string[] = []
    for (const plan of ['solo', 'studio']) ids.push(((await (await post(`/billing/create-checkout?plan=${plan}&period=month&tenant=${tenant.id}`)).json()) as { id: string }).id)
    const [first, second] = ids.map((id) => stripe.completeSession(id))
    await webhooks.deliver('checkout.session.completed', first!)
    const outcome = await webhooks.deliver('checkout.session.completed', second!)
    expect(((await outcome.response.json()) as { status: string }).status).toBe('ignored')
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ plan: (await planByCode(app.payload, 'solo')).id, stripeSubscriptionId: first!.subscription })
    const audited = await app.payload.find({ collection: 'audit-logs', where: { and: [{ action: { equals: 'billing_second_subscription' } }, { tenant: { equals: tenant.id } }] } })
    expect(audited.docs).toHaveLength(1)
  })

  it('every subscription event twice, and twice at once: one effect (one grant per paid invoice)', async () => {
    const { session, subscription, tenant } = await subscribed('studio', 'month')
    const invoice = stripe.invoices.get(String(subscription.latest_invoice))!
    const before = await ledgerOf(app.payload, tenant)
    expect(before.filter((entry) => entry.kind === 'grant')).toEqual([{ amount: 500, kind: 'grant', reference: invoice.id }])
    const types: [string, object][] = [
      ['checkout.session.completed', session],
      ['customer.subscription.created', subscription],
      ['customer.subscription.updated', subscription],
      ['invoice.paid', invoice],
    ]
    for (const [type, object] of types) {
      const first = await webhooks.deliver(type, object)
      expect(first.response.status).toBe(200)
      expect((await webhooks.again(first)).status).toBe(200)
      const twin = webhooks.prepare(type, object)
      const statuses = (await Promise.all([webhooks.again(twin), webhooks.again(twin)])).map((response) => response.status)
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1)
    }
    expect(await ledgerOf(app.payload, tenant)).toEqual(before)
    expect((await walletOf(app.payload, tenant)).balance).toBe(500)
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ status: 'active' })
  })
})
