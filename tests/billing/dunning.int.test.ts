// Dunning through the Stripe fake: a failed renewal makes the subscription past due and mails the owners;
// after the grace period the studio is suspended (writes refused, billing still reachable); the paid invoice
// reopens it. Also: the trial job asks billing whether a studio pays, and metadata naming another studio
// than the customer's is ignored and audited.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { BILLING_SECRET_KEY, billingEnv, ledgerOf, planByCode, subscriptionRow, webhookSender } from '../helpers/billing'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { runScheduledTasks } from '../helpers/jobs'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

describe('billing: dunning', () => {
  let app: TestApp
  let stripe: FakeStripe
  let smtp: SmtpTestServer
  let webhooks: ReturnType<typeof webhookSender>

  async function subscribedStudio(plan = 'studio'): Promise<{ owner: User; subscriptionId: string; tenant: Tenant; token: string }> {
    const tenant = await createTenant(app.payload, { status: 'active' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    const token = await app.rest.login(owner.email, PASSWORD)
    const created = await app.rest.post(`/billing/create-checkout?plan=${plan}&period=month&tenant=${tenant.id}`, undefined, { token })
    const session = stripe.completeSession(((await created.json()) as { id: string }).id)
    await webhooks.deliver('checkout.session.completed', session)
    return { owner, subscriptionId: String(session.subscription), tenant, token }
  }

  const tenantStatus = async (tenant: Tenant) => (await app.payload.findByID({ id: tenant.id, collection: 'tenants' })).status
  const sweep = () => runScheduledTasks(app.payload, 'default')

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: BILLING_SECRET_KEY })
    smtp = await startSmtpServer()
    app = await startTestApp({ ...billingEnv(stripe), ...smtp.env, ATELIER_BILLING_GRACE_DAYS: '7', ATELIER_SIGNUP_RESPONSE_FLOOR_MS: '0' })
    webhooks = webhookSender(app, stripe)
  })
  afterAll(async () => {
    await app.close()
    await stripe.close()
    await smtp.close()
  })

  it('past due on a failed invoice, suspended after the grace period, reopened by the paid invoice', async () => {
    const { owner, subscriptionId, tenant, token } = await subscribedStudio()
    const renewed = stripe.renewSubscription(subscriptionId, { pay: false })
    const invoice = stripe.invoices.get(String(renewed.latest_invoice))!
    expect((await webhooks.deliver('invoice.payment_failed', invoice)).response.status).toBe(200)
    const row = await subscriptionRow(app.payload, tenant)
    expect(row).toMatchObject({ status: 'past_due' })
    expect(row!.pastDueSince).toBeTruthy()
    const warned = await smtp.waitFor((mail) => mail.to.includes(owner.email) && mail.subject.startsWith('Payment failed'))
    expect(warned.body).toContain('/api/billing/portal')

    await sweep()
    expect(await tenantStatus(tenant)).toBe('active')
    // Eight days later, still unpaid.
    await app.payload.db.drizzle.execute(sql`update subscriptions set past_due_since = now() - interval '8 days' where tenant_id = ${tenant.id}`)
    await sweep()
    expect(await tenantStatus(tenant)).toBe('suspended')
    await smtp.waitFor((mail) => mail.to.includes(owner.email) && mail.subject.endsWith('is suspended'))
    expect((await auditEntries(app.payload, { and: [{ action: { equals: 'tenant_suspended' } }, { tenant: { equals: tenant.id } }] })).map((entry) => (entry.details as { reason: string }).reason)).toEqual([
      'unpaid_after_grace',
    ])
    await sweep()
    expect(await auditEntries(app.payload, { and: [{ action: { equals: 'tenant_suspended' } }, { tenant: { equals: tenant.id } }] })).toHaveLength(1)

    const room = await app.rest.post('/rooms', { name: 'Blocked', slug: 'blocked', tenant: tenant.id }, { token })
    expect(room.status).toBe(403)
    expect(((await room.json()) as { code: string }).code).toBe('tenant_suspended')
    // Paying is still possible while suspended.
    const portal = await app.rest.get(`/billing/portal?tenant=${tenant.id}`, { headers: { Accept: 'application/json' }, token })
    expect(portal.status).toBe(200)

    stripe.payInvoice(invoice.id)
    const paid = stripe.invoices.get(invoice.id)!
    // Two deliveries of the paid invoice (two event ids) at once: one reopening, one grant.
    const [first, second] = [webhooks.prepare('invoice.paid', paid), webhooks.prepare('invoice.paid', paid)]
    await Promise.all([webhooks.again(first), webhooks.again(second)])
    expect(await subscriptionRow(app.payload, tenant)).toMatchObject({ pastDueSince: null, status: 'active' })
    expect(await tenantStatus(tenant)).toBe('active')
    expect((await ledgerOf(app.payload, tenant)).filter((entry) => entry.reference === invoice.id && entry.kind === 'grant')).toHaveLength(1)
  })

  it('a failed invoice delivered twice, and twice at once, mails the owners once', async () => {
    const { owner, subscriptionId } = await subscribedStudio('solo')
    const renewed = stripe.renewSubscription(subscriptionId, { pay: false })
    const failed = webhooks.prepare('invoice.payment_failed', stripe.invoices.get(String(renewed.latest_invoice))!)
    await Promise.all([webhooks.again(failed), webhooks.again(failed)])
    expect((await webhooks.again(failed)).status).toBe(200)
    await smtp.waitFor((mail) => mail.to.includes(owner.email) && mail.subject.startsWith('Payment failed'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(smtp.messages.filter((mail) => mail.to.includes(owner.email) && mail.subject.startsWith('Payment failed'))).toHaveLength(1)
  })

  it('gives a studio signing up its Stripe customer through the provisioning seam', async () => {
    const email = `owner-${Date.now()}@provisioned.test`
    const response = await app.rest.post('/signup', { email, password: 'Long-secret-provisioned', slug: `provisioned-${Date.now()}`, studioName: 'Provisioned' }, { headers: { 'X-Forwarded-For': '203.0.113.77' } })
    expect(response.status).toBe(202)
    const tenant = (await app.payload.find({ collection: 'tenants', where: { name: { equals: 'Provisioned' } } })).docs[0]!
    const row = await subscriptionRow(app.payload, tenant)
    expect(row).toMatchObject({ status: null, stripeSubscriptionId: null })
    expect(stripe.customers.get(row!.stripeCustomerId!)).toMatchObject({ email, metadata: { tenant_id: String(tenant.id) } })
  })

  it('never reopens a studio an operator suspended by hand, whatever Stripe says', async () => {
    const { subscriptionId, tenant, token } = await subscribedStudio('solo')
    const operator = await createUser(app.payload, [], { superAdmin: true })
    const operatorToken = await app.rest.login(operator.email, PASSWORD)
    expect((await app.rest.patch(`/tenants/${tenant.id}`, { status: 'suspended' }, { token: operatorToken })).status).toBe(200)
    expect((await app.payload.findByID({ id: tenant.id, collection: 'tenants' })).suspendedFor).toBe('operator')
    expect((await app.rest.post(`/billing/cancel?tenant=${tenant.id}`, {}, { token })).status).toBe(200)
    await webhooks.deliver('customer.subscription.updated', stripe.subscriptions.get(subscriptionId)!)
    const renewed = stripe.renewSubscription(subscriptionId, { pay: true })
    await webhooks.deliver('invoice.paid', stripe.invoices.get(String(renewed.latest_invoice))!)
    expect(await tenantStatus(tenant)).toBe('suspended')
    expect((await app.rest.patch(`/tenants/${tenant.id}`, { status: 'active' }, { token: operatorToken })).status).toBe(200)
    expect((await app.payload.findByID({ id: tenant.id, collection: 'tenants' })).suspendedFor).toBeNull()
  })

  it('the trial job leaves a studio that pays alone, and suspends one that does not', async () => {
    const ended = new Date(Date.now() - 3_600_000).toISOString()
    const paying = await createTenant(app.payload, { status: 'trial' })
    const unpaid = await createTenant(app.payload, { status: 'trial' })
    for (const tenant of [paying, unpaid]) await app.payload.update({ id: tenant.id, collection: 'tenants', data: { trialEndsAt: ended } })
    const plan = await planByCode(app.payload, 'solo')
    await app.payload.create({ collection: 'subscriptions', data: { interval: 'month', plan: plan.id, status: 'active', stripeCustomerId: 'cus_paying_trial', tenant: paying.id } })
    await runScheduledTasks(app.payload, 'nightly')
    expect(await tenantStatus(paying)).toBe('trial')
    expect(await tenantStatus(unpaid)).toBe('suspended')
  })

  it('ignores and audits a subscription whose metadata names another studio than its customer', async () => {
    const victim = await subscribedStudio('solo')
    const attacker = await subscribedStudio('solo')
    const forged = stripe.subscriptions.get(attacker.subscriptionId)!
    forged.metadata = { ...forged.metadata, tenant_id: String(victim.tenant.id) }
    const before = await subscriptionRow(app.payload, victim.tenant)
    const delivered = await webhooks.deliver('customer.subscription.updated', forged)
    expect(((await delivered.response.json()) as { status: string }).status).toBe('ignored')
    expect(await subscriptionRow(app.payload, victim.tenant)).toEqual(before)
    const audited = await auditEntries(app.payload, { action: { equals: 'billing_tenant_mismatch' } })
    expect(audited.map((entry) => entry.tenant)).toContain(attacker.tenant.id)
  })
})
