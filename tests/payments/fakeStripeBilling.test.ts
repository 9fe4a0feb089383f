// The fake Stripe's Billing half, driven only through the real SDK, the way the billing plugin will reach it.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'

const secretKey = `sk_test_${randomBytes(16).toString('hex')}`
const DAY = 86_400
let fake: FakeStripe
let stripe: Stripe
let basic: Stripe.Price // 20.00 EUR a month
let pro: Stripe.Price // 50.00 EUR a month
let basicYearly: Stripe.Price // 200.00 EUR a year
let pack: Stripe.Price // 90.00 EUR once

/** Calendar months in UTC, clamped to the month's last day (Jan 31 + 1 month = Feb 28), as Stripe bills. */
function addMonths(t: number, months: number): number {
  const d = new Date(t * 1000)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate()
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000
}

/** A customer subscribed through Checkout, as the plugin will do it. */
async function subscribe(price: Stripe.Price, subscription_data: Stripe.Checkout.SessionCreateParams.SubscriptionData = {}) {
  const customer = await stripe.customers.create({ email: 'ada@example.com', metadata: { tenant: 'atelier' }, name: 'Ada' })
  const session = await stripe.checkout.sessions.create({
    cancel_url: 'https://studio.example/plans',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    metadata: { plan: 'basic' },
    mode: 'subscription',
    subscription_data: { metadata: { tenant: 'atelier' }, ...subscription_data },
    success_url: 'https://studio.example/plans/done?session={CHECKOUT_SESSION_ID}',
  })
  fake.completeSession(session.id)
  const completed = await stripe.checkout.sessions.retrieve(session.id)
  return { customer, session, completed, subscription: await stripe.subscriptions.retrieve(completed.subscription as string) }
}

const item = (subscription: Stripe.Subscription) => subscription.items.data[0] as Stripe.SubscriptionItem
const lineView = (line: Stripe.InvoiceLineItem) => ({
  amount: line.amount,
  description: line.description,
  period: line.period,
  price: line.pricing?.price_details?.price,
  proration: line.parent?.subscription_item_details?.proration,
})

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey })
  stripe = new Stripe(secretKey, { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 })
  const studio = await stripe.products.create({ name: 'Studio' })
  const recurring = (interval: 'month' | 'year', unit_amount: number) =>
    stripe.prices.create({ currency: 'eur', product: studio.id, recurring: { interval }, unit_amount })
  ;[basic, pro, basicYearly] = await Promise.all([recurring('month', 2000), recurring('month', 5000), recurring('year', 20000)])
  pack = await stripe.prices.create({ currency: 'eur', product: studio.id, unit_amount: 9000 })
})
afterAll(() => fake.close())

describe('fake Stripe Billing through the SDK', () => {
  it('creates, updates and archives products and prices, and refuses to change a price amount', async () => {
    const product = await stripe.products.create({ metadata: { tier: 'pro' }, name: 'Pro plan' })
    expect(product).toMatchObject({ active: true, metadata: { tier: 'pro' }, name: 'Pro plan', object: 'product' })
    expect(product.id).toMatch(/^prod_/)
    const renamed = await stripe.products.update(product.id, { metadata: { note: 'x', tier: '' }, name: 'Pro' })
    expect(renamed).toMatchObject({ metadata: { note: 'x' }, name: 'Pro' })

    const price = await stripe.prices.create({ currency: 'EUR', lookup_key: `pro-${product.id}`, product: product.id, recurring: { interval: 'month' }, unit_amount: 4900 })
    expect(price).toMatchObject({ active: true, currency: 'eur', product: product.id, type: 'recurring', unit_amount: 4900 })
    expect(price.recurring).toMatchObject({ interval: 'month', interval_count: 1 })
    const refused = await stripe.prices.update(price.id, { unit_amount: 5900 } as Stripe.PriceUpdateParams).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(refused).toMatchObject({ code: 'parameter_unknown', message: 'Received unknown parameter: unit_amount', param: 'unit_amount', statusCode: 400 })
    expect((await stripe.prices.retrieve(price.id)).unit_amount).toBe(4900)

    const archived = await stripe.prices.update(price.id, { active: false, metadata: { replaced: 'yes' } })
    expect(archived).toMatchObject({ active: false, metadata: { replaced: 'yes' }, unit_amount: 4900 })
    expect(await stripe.products.update(product.id, { active: false })).toMatchObject({ active: false })
    const listed = (p: Stripe.PriceListParams) => stripe.prices.list({ product: product.id, ...p }).then((l) => l.data.map((x) => x.id))
    expect([await listed({}), await listed({ active: false })]).toEqual([[], [price.id]])
    await expect(stripe.prices.create({ currency: 'eur', product: 'prod_nope', unit_amount: 1 })).rejects.toMatchObject({ code: 'resource_missing', param: 'product', statusCode: 400 })
  })

  it('subscribes through Checkout: a customer, an active subscription and its paid first invoice', async () => {
    const { customer, session, completed, subscription } = await subscribe(basic)
    expect(session).toMatchObject({ amount_total: 2000, currency: 'eur', customer: customer.id, mode: 'subscription', subscription: null })
    expect(completed).toMatchObject({ payment_status: 'paid', status: 'complete', payment_intent: null })
    expect(subscription).toMatchObject({ cancel_at_period_end: false, customer: customer.id, metadata: { tenant: 'atelier' }, status: 'active', trial_end: null })
    const { current_period_start: start, current_period_end: end, price } = item(subscription)
    expect([price.id, end]).toEqual([basic.id, addMonths(start, 1)])
    expect(subscription.billing_cycle_anchor).toBe(start)

    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string)
    expect(invoice).toMatchObject({ amount_due: 2000, amount_paid: 2000, billing_reason: 'subscription_create', customer: customer.id, status: 'paid' })
    expect(invoice.parent).toMatchObject({ subscription_details: { metadata: { tenant: 'atelier' }, subscription: subscription.id }, type: 'subscription_details' })
    expect(invoice.lines.data.map(lineView)).toEqual([{ amount: 2000, description: '1 × Studio (at €20.00 / month)', period: { end, start }, price: basic.id, proration: false }])
    expect((await stripe.invoices.list({ subscription: subscription.id })).data.map((i) => i.id)).toEqual([invoice.id])
    expect((await stripe.subscriptions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([subscription.id])
  })

  it('starts a trial from subscription_data[trial_end], refusing one under 2 days away', async () => {
    const trialEnd = Math.floor(Date.now() / 1000) + 3 * DAY
    const { completed, subscription } = await subscribe(basic, { trial_end: trialEnd })
    expect(completed).toMatchObject({ amount_total: 0, payment_status: 'no_payment_required' })
    expect(subscription).toMatchObject({ billing_cycle_anchor: trialEnd, status: 'trialing', trial_end: trialEnd })
    expect(item(subscription).current_period_end).toBe(trialEnd)
    expect(await stripe.invoices.retrieve(subscription.latest_invoice as string)).toMatchObject({ amount_due: 0, status: 'paid' })

    const upgraded = await stripe.subscriptions.update(subscription.id, { items: [{ id: item(subscription).id, price: pro.id }], proration_behavior: 'always_invoice' })
    const zero = await stripe.invoices.retrieve(upgraded.latest_invoice as string)
    expect(zero.lines.data.map((l) => [l.amount, l.parent?.subscription_item_details?.proration])).toEqual([[0, true], [0, true]])

    const renewed = fake.renewSubscription(subscription.id, { pay: true })
    expect(renewed.status).toBe('active')
    expect(fake.invoices.get(renewed.latest_invoice as string)?.amount_paid).toBe(5000)
    await expect(subscribe(basic, { trial_end: Math.floor(Date.now() / 1000) + DAY })).rejects.toMatchObject({
      message: 'The `trial_end` date has to be at least 2 days in the future.',
      param: 'subscription_data[trial_end]',
      statusCode: 400,
    })
  })

  it('sells a one-time saved price in payment mode to a customer', async () => {
    const customer = await stripe.customers.create({ email: 'bo@example.com' })
    const params: Stripe.Checkout.SessionCreateParams = {
      customer: customer.id, line_items: [{ price: pack.id, quantity: 2 }], mode: 'payment',
      payment_intent_data: { metadata: { pack: '10-classes' } }, success_url: 'https://studio.example/done',
    }
    const session = await stripe.checkout.sessions.create(params)
    expect(session).toMatchObject({ amount_total: 18000, customer: customer.id, mode: 'payment', subscription: null })
    const intent = await stripe.paymentIntents.retrieve(fake.completeSession(session.id).payment_intent as string)
    expect(intent).toMatchObject({ amount: 18000, metadata: { pack: '10-classes' }, status: 'succeeded' })
    await expect(stripe.checkout.sessions.create({ ...params, line_items: [{ price: basic.id, quantity: 1 }] })).rejects.toMatchObject({
      param: 'line_items[0][price]',
      statusCode: 400,
    })
  })

  it('bills an upgrade 10 days in exactly as previewed (always_invoice), to the cent', async () => {
    const { customer, subscription } = await subscribe(basic)
    const { id, current_period_start: s, current_period_end: e } = item(subscription)
    const t = s + 10 * DAY
    const credit = -Math.round((2000 * (e - t)) / (e - s))
    const debit = Math.round((5000 * (e - t)) / (e - s))
    const change = { items: [{ id, price: pro.id }], proration_behavior: 'always_invoice' as const, proration_date: t }

    const preview = await stripe.invoices.createPreview({ customer: customer.id, subscription: subscription.id, subscription_details: change })
    expect(preview.id).toMatch(/^upcoming_in_/)
    expect(preview).toMatchObject({ amount_due: credit + debit, subtotal: credit + debit, total: credit + debit })
    expect(preview.lines.data.map(lineView)).toEqual([
      { amount: credit, description: expect.stringMatching(/^Unused time on Studio after /), period: { end: e, start: t }, price: basic.id, proration: true },
      { amount: debit, description: expect.stringMatching(/^Remaining time on Studio after /), period: { end: e, start: t }, price: pro.id, proration: true },
    ])
    expect(fake.subscriptions.get(subscription.id)?.items.data[0]?.price.id).toBe(basic.id) // a preview changes nothing

    const updated = await stripe.subscriptions.update(subscription.id, change)
    expect(item(updated)).toMatchObject({ current_period_end: e, current_period_start: s, price: { id: pro.id } })
    const invoice = await stripe.invoices.retrieve(updated.latest_invoice as string)
    expect(invoice).toMatchObject({ amount_due: preview.amount_due, amount_paid: preview.amount_due, billing_reason: 'subscription_update', status: 'paid' })
    expect(invoice.lines.data.map(lineView)).toEqual(preview.lines.data.map(lineView))
  })

  it('keeps create_prorations pending for the renewal invoice', async () => {
    const { subscription } = await subscribe(basic)
    const { id, current_period_start: s, current_period_end: e } = item(subscription)
    const t = s + 10 * DAY
    const updated = await stripe.subscriptions.update(subscription.id, { items: [{ id, price: pro.id }], proration_date: t })
    expect(updated.latest_invoice).toBe(subscription.latest_invoice) // nothing invoiced yet
    const upcoming = await stripe.invoices.createPreview({ subscription: subscription.id })
    const expected = [-Math.round((2000 * (e - t)) / (e - s)), Math.round((5000 * (e - t)) / (e - s)), 5000]
    expect(upcoming.lines.data.map((l) => l.amount)).toEqual(expected)
    const renewed = fake.renewSubscription(subscription.id, { pay: true })
    expect(fake.invoices.get(renewed.latest_invoice as string)?.lines.data.map((l) => l.amount)).toEqual(expected)
    expect(renewed.items.data[0]).toMatchObject({ current_period_end: addMonths(s, 2), current_period_start: e })
  })

  it('resets the billing cycle on an interval change: credit for the unused month, a full year from the change', async () => {
    const { subscription } = await subscribe(basic)
    const { id, current_period_start: s, current_period_end: e } = item(subscription)
    const t = s + 10 * DAY
    const updated = await stripe.subscriptions.update(subscription.id, { items: [{ id, price: basicYearly.id }], proration_date: t })
    expect(updated.billing_cycle_anchor).toBe(t)
    expect(item(updated)).toMatchObject({ current_period_end: addMonths(t, 12), current_period_start: t })
    const invoice = await stripe.invoices.retrieve(updated.latest_invoice as string)
    expect(invoice.lines.data.map(lineView)).toEqual([
      { amount: -Math.round((2000 * (e - t)) / (e - s)), description: expect.any(String), period: { end: e, start: t }, price: basic.id, proration: true },
      { amount: 20000, description: '1 × Studio (at €200.00 / year)', period: { end: addMonths(t, 12), start: t }, price: basicYearly.id, proration: false },
    ])
    expect(invoice).toMatchObject({ amount_due: 20000 - Math.round((2000 * (e - t)) / (e - s)), status: 'paid' })
  })

  it('opens a billing portal session for an existing customer only', async () => {
    const customer = await stripe.customers.create({ email: 'cy@example.com' })
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'https://studio.example/account' })
    expect(portal).toMatchObject({ customer: customer.id, object: 'billing_portal.session', return_url: 'https://studio.example/account' })
    expect(portal.id).toMatch(/^bps_/)
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    await expect(stripe.billingPortal.sessions.create({ customer: 'cus_nope' })).rejects.toMatchObject({ code: 'resource_missing', param: 'customer', statusCode: 400 })
    await expect(stripe.billingPortal.sessions.create({} as Stripe.BillingPortal.SessionCreateParams)).rejects.toMatchObject({ code: 'parameter_missing', param: 'customer' })
  })

  it('replays an update for the same idempotency key without invoicing twice', async () => {
    const { subscription } = await subscribe(basic)
    const idempotencyKey = `upgrade-${randomBytes(4).toString('hex')}`
    const params: Stripe.SubscriptionUpdateParams = { items: [{ id: item(subscription).id, price: pro.id }], proration_behavior: 'always_invoice' }
    const first = await stripe.subscriptions.update(subscription.id, params, { idempotencyKey })
    const again = await stripe.subscriptions.update(subscription.id, params, { idempotencyKey })
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(again.latest_invoice).toBe(first.latest_invoice)
    expect((await stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(2)
  })

  it('renews paid, then fails into past_due until the invoice is paid', async () => {
    const { subscription } = await subscribe(basic)
    const { current_period_end: e } = item(subscription)
    expect(fake.renewSubscription(subscription.id, { pay: true })).toMatchObject({ status: 'active' })
    const failed = fake.renewSubscription(subscription.id, { pay: false })
    expect(failed.status).toBe('past_due')
    expect(item(await stripe.subscriptions.retrieve(subscription.id))).toMatchObject({ current_period_start: addMonths(e, 1) })
    const open = await stripe.invoices.retrieve(failed.latest_invoice as string)
    expect(open).toMatchObject({ amount_due: 2000, amount_paid: 0, attempt_count: 1, attempted: true, billing_reason: 'subscription_cycle', status: 'open' })
    expect(fake.failInvoice(open.id).attempt_count).toBe(2)
    expect(fake.payInvoice(open.id)).toMatchObject({ amount_paid: 2000, status: 'paid' })
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active')
  })

  it('cancels now, and at the period end', async () => {
    const now = await subscribe(basic)
    const canceled = await stripe.subscriptions.cancel(now.subscription.id)
    expect(canceled).toMatchObject({ status: 'canceled' })
    expect(canceled.canceled_at).toEqual(expect.any(Number))
    await expect(stripe.subscriptions.cancel(now.subscription.id)).rejects.toMatchObject({ code: 'resource_missing', statusCode: 404 })
    await expect(stripe.subscriptions.update(now.subscription.id, { cancel_at_period_end: true })).rejects.toMatchObject({
      message: 'A canceled subscription can only update its cancellation_details and metadata.',
    })
    expect((await stripe.subscriptions.list({ customer: now.customer.id })).data).toEqual([])

    const later = await subscribe(basic)
    const ending = await stripe.subscriptions.update(later.subscription.id, { cancel_at_period_end: true })
    expect(ending).toMatchObject({ cancel_at: item(later.subscription).current_period_end, cancel_at_period_end: true, status: 'active' })
    const invoices = fake.invoices.size
    expect(fake.renewSubscription(later.subscription.id, { pay: true })).toMatchObject({ status: 'canceled' })
    expect(fake.invoices.size).toBe(invoices)
  })

  it('answers bad subscription changes with Stripe-shaped 400s', async () => {
    const { subscription } = await subscribe(basic)
    const { id, current_period_end: e } = item(subscription)
    const update = (params: Stripe.SubscriptionUpdateParams) => stripe.subscriptions.update(subscription.id, params).catch((error: unknown) => error)
    const outside = await update({ items: [{ id, price: pro.id }], proration_date: e + DAY })
    expect(outside).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(outside).toMatchObject({ param: 'proration_date', statusCode: 400 })
    expect(await update({ items: [{ id, price: 'price_nope' }] })).toMatchObject({ code: 'resource_missing', param: 'items[0][price]', statusCode: 400 })
    expect(await update({ items: [{ id, price: pack.id }] })).toMatchObject({ param: 'items[0][price]', statusCode: 400 })
    expect(await update({ proration_behavior: 'sometimes' as 'none' })).toMatchObject({ param: 'proration_behavior', statusCode: 400 })
    const preview = stripe.invoices.createPreview({ subscription: subscription.id, subscription_details: { items: [{ id: 'si_nope', price: pro.id }] } })
    await expect(preview).rejects.toMatchObject({ param: 'subscription_details[items][0][id]', statusCode: 400 })
    expect(fake.subscriptions.get(subscription.id)?.items.data[0]?.price.id).toBe(basic.id)
    await expect(stripe.subscriptions.retrieve('sub_nope')).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
  })
})
