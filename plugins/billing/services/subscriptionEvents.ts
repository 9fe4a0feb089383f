// Billing's Stripe events, through payments' seam (stored, claimed and processed once there). Each handler
// re-reads the object from Stripe and acts on the row of the customer it belongs to; metadata naming another
// studio than the customer's is ignored and audited. Every effect is keyed (invoice id, subscription state),
// so a second event about the same object changes nothing more.
import type { Config, PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Subscription } from '../../../payload-types'

import { writeAuditEntry } from '../../audit-log'
import { type EventOutcome, registerStripeEventHandler, stripeOf } from '../../payments'
import { grantCredits } from './credits'
import { isPaying, periodAllowance } from './currentPlan'
import { mailOwnersPaymentFailed } from './dunning'
import { customerIdOf, lockRowByCustomer, syncSubscription, tenantOfRow } from './subscriptionSync'


/** The customer's row, if the object's own metadata agrees on the studio (or names none). */
async function rowFor(req: PayloadRequest, customer: null | string, metadataTenant: string | undefined, what: string): Promise<{ outcome: EventOutcome } | { row: Subscription }> {
  const row = await lockRowByCustomer(req, customer)
  if (!row) return { outcome: { note: `${what}: customer ${customer ?? '(none)'} is not a studio's`, status: 'ignored' } }
  const tenant = tenantOfRow(row)
  if (metadataTenant && metadataTenant !== String(tenant)) {
    await writeAuditEntry(req, {
      action: 'billing_tenant_mismatch',
      collection: 'subscriptions',
      details: { customer, metadataTenant, what },
      documentId: row.id,
      tenant,
      user: null,
    })
    return { outcome: { note: `${what} names tenant ${metadataTenant}, its customer is tenant ${tenant}'s`, status: 'ignored', tenant } }
  }
  return { row }
}

/**
 * The row follows one subscription. Another one is not written over it: an older one that ended, or a second
 * one paid while the first still runs (two checkouts opened at once), which is audited for the owner to cancel.
 */
async function superseded(req: PayloadRequest, row: Subscription, subscription: Stripe.Subscription): Promise<EventOutcome | null> {
  if (!row.stripeSubscriptionId || row.stripeSubscriptionId === subscription.id) return null
  const tenant = tenantOfRow(row)
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    return { note: 'An older subscription ended; the studio has a newer one', status: 'ignored', tenant }
  }
  if (!isPaying(row)) return null
  await writeAuditEntry(req, {
    action: 'billing_second_subscription',
    collection: 'subscriptions',
    details: { current: row.stripeSubscriptionId, second: subscription.id },
    documentId: row.id,
    tenant,
    user: null,
  })
  return { note: `A second subscription (${subscription.id}) while ${row.stripeSubscriptionId} runs`, status: 'ignored', tenant }
}

/** The row the subscription is for, locked, when it is the customer's own and the one the row follows. */
async function followedRow(req: PayloadRequest, customer: null | string, subscription: Stripe.Subscription, what: string): Promise<{ outcome: EventOutcome } | { row: Subscription }> {
  const target = await rowFor(req, customer, subscription.metadata?.tenant_id, what)
  if ('outcome' in target) return target
  const other = await superseded(req, target.row, subscription)
  return other ? { outcome: other } : target
}

async function subscriptionChanged(req: PayloadRequest, subscriptionId: string): Promise<EventOutcome> {
  const subscription = await stripeOf(req.payload).subscriptions.retrieve(subscriptionId)
  const target = await followedRow(req, customerIdOf(subscription.customer), subscription, 'Subscription')
  if ('outcome' in target) return target.outcome
  const found = target.row
  const { status } = await syncSubscription(req, found, subscription)
  return { note: `Subscription ${status}`, status: 'processed', tenant: tenantOfRow(found) }
}

async function checkoutCompleted(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome | null> {
  const sent = event.data.object as Stripe.Checkout.Session
  if (sent.mode !== 'subscription') return null
  const session = await stripeOf(req.payload).checkout.sessions.retrieve(sent.id)
  const target = await rowFor(req, customerIdOf(session.customer), session.metadata?.tenant_id, 'Checkout Session')
  if ('outcome' in target) return target.outcome
  const found = target.row
  const subscriptionId = customerIdOf(session.subscription)
  if (!subscriptionId) return { note: 'Subscription checkout without a subscription yet', status: 'ignored', tenant: tenantOfRow(found) }
  const subscription = await stripeOf(req.payload).subscriptions.retrieve(subscriptionId)
  const other = await superseded(req, found, subscription)
  if (other) return other
  const { status } = await syncSubscription(req, found, subscription)
  return { note: `Subscribed by checkout: ${status}`, status: 'processed', tenant: tenantOfRow(found) }
}

const subscriptionOfInvoice = (invoice: Stripe.Invoice): null | string => customerIdOf(invoice.parent?.subscription_details?.subscription)

/** Invoices that open a period bring its AI-credit grant; a mid-period change's invoice does not. */
const OPENS_A_PERIOD: (null | Stripe.Invoice.BillingReason)[] = ['subscription_create', 'subscription_cycle']

/** The invoice, its subscription and the row they are for, all read afresh; or why the event is not acted on. */
async function invoiceTarget(req: PayloadRequest, event: Stripe.Event) {
  const stripe = stripeOf(req.payload)
  const invoice = await stripe.invoices.retrieve((event.data.object as Stripe.Invoice).id!)
  const subscriptionId = subscriptionOfInvoice(invoice)
  if (!subscriptionId) return { outcome: { note: 'Not a subscription invoice', status: 'ignored' } as EventOutcome }
  const subscription = await stripe.subscriptions.retrieve(subscriptionId)
  const target = await followedRow(req, customerIdOf(invoice.customer), subscription, 'Invoice')
  return 'outcome' in target ? target : { invoice, row: target.row, subscription }
}

async function invoicePaid(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome> {
  const target = await invoiceTarget(req, event)
  if ('outcome' in target) return target.outcome
  const { invoice, subscription } = target
  if (invoice.status !== 'paid') return { note: `Invoice ${invoice.status ?? 'unknown'}, not paid`, status: 'ignored' }
  const { plan, row } = await syncSubscription(req, target.row, subscription)
  const tenant = tenantOfRow(row)
  const allowance = periodAllowance(plan, row.interval)
  // A period paid for, not a free trial's zero invoice (a trial cancelled at once would keep a year of credits).
  if (allowance > 0 && invoice.amount_paid > 0 && OPENS_A_PERIOD.includes(invoice.billing_reason) && row.currentPeriodEnd) {
    await grantCredits(req, { amount: allowance, expiresAt: new Date(row.currentPeriodEnd), reference: invoice.id!, tenant })
  }
  return { note: 'Invoice paid', status: 'processed', tenant }
}

async function invoiceFailed(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome> {
  const target = await invoiceTarget(req, event)
  if ('outcome' in target) return target.outcome
  const { invoice, subscription } = target
  if (invoice.status === 'paid') return { note: 'Invoice paid after all', status: 'ignored' }
  // Stripe may report the attempt before it moves the subscription: the failed invoice makes it past due here.
  const { row } = await syncSubscription(req, target.row, subscription.status === 'active' ? { ...subscription, status: 'past_due' } : subscription)
  const tenant = tenantOfRow(row)
  return { afterCommit: [() => mailOwnersPaymentFailed(req, tenant, row)], note: 'Invoice payment failed: past due', status: 'processed', tenant }
}

const bySubscription = (req: PayloadRequest, event: Stripe.Event) => subscriptionChanged(req, (event.data.object as Stripe.Subscription).id)

export const registerSubscriptionEventHandlers = (config: Config): Config =>
  (
    [
      ['customer.subscription.created', bySubscription],
      ['customer.subscription.updated', bySubscription],
      ['customer.subscription.deleted', bySubscription],
      ['invoice.paid', invoicePaid],
      ['invoice.payment_failed', invoiceFailed],
      ['checkout.session.completed', checkoutCompleted],
    ] as const
  ).reduce<Config>((next, [type, handler]) => registerStripeEventHandler(next, type, handler), config)
