// Stripe events: stored before they are acknowledged, processed once. Every handler re-reads the object
// from Stripe first, so a late or out-of-order event acts on the current truth, not on its snapshot.
import type { Config, PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { sql } from '@payloadcms/db-postgres'

import type { Booking, Payment } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { lockBooking, notifyCustomer, slotStillFree, statusChange } from '../../booking'
import { dispatchStripeEvent, type EventOutcome, registerStripeEventHandler, type StripeEventHandler } from './eventHandlers'
import { stripeOf } from './options'
import { issueRefund } from './refunds'
import { fromStripeAmount } from './stripeAmounts'

export type { EventOutcome } from './eventHandlers'

/** Durably records the event (once per Stripe id). Throws when the database cannot take it: Stripe retries. */
export async function storeEvent(req: PayloadRequest, event: Stripe.Event): Promise<void> {
  await poolDb(req.payload).execute(sql`
    insert into stripe_events (event_id, type, payload, status, attempts, updated_at, created_at)
    values (${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, 'received', 0, now(), now())
    on conflict (event_id) do nothing`)
}

export type ProcessResult = 'in_progress' | 'failed' | 'ignored' | 'processed'

/**
 * Claims the stored event (`FOR UPDATE SKIP LOCKED`: a concurrent delivery of the same event walks away
 * with `in_progress`) and handles it in one transaction; its emails go out once that has committed.
 * Already handled: nothing happens again. A failure marks the event `failed` for the sweeper to retry.
 */
export async function processStoredEvent(req: PayloadRequest, eventId: string): Promise<ProcessResult> {
  // Replays of a handled event answer at once, without competing for its lock.
  const seen = (await poolDb(req.payload).execute(sql`select status from stripe_events where event_id = ${eventId}`)) as { rows: { status: string }[] }
  const known = seen.rows[0]?.status
  if (known === 'processed' || known === 'ignored') return known
  let afterCommit: (() => Promise<void>)[] = []
  try {
    const result = await inTransaction(req, async (): Promise<ProcessResult> => {
      const db = await transactionDb(req)
      const claimed = (await db.execute(sql`select payload, status from stripe_events where event_id = ${eventId} for update skip locked`)) as {
        rows: { payload: Stripe.Event; status: string }[]
      }
      const row = claimed.rows[0]
      if (!row) return 'in_progress'
      if (row.status === 'processed' || row.status === 'ignored') return row.status
      const outcome = await dispatchStripeEvent(req, row.payload)
      afterCommit = outcome.afterCommit ?? []
      await db.execute(sql`update stripe_events set status = ${outcome.status}, note = ${outcome.note ?? null}, tenant_id = ${outcome.tenant ?? null},
        attempts = attempts + 1, processed_at = now(), updated_at = now() where event_id = ${eventId}`)
      return outcome.status
    })
    for (const work of afterCommit) await work()
    return result
  } catch (error) {
    await poolDb(req.payload).execute(sql`update stripe_events set status = 'failed', attempts = attempts + 1, note = ${error instanceof Error ? error.message.slice(0, 500) : 'failed'},
      updated_at = now() where event_id = ${eventId} and status <> 'processed'`)
    req.payload.logger.error({ err: error, eventId, msg: 'Stripe event failed; the sweeper retries it' })
    return 'failed'
  }
}

/** Events left `received` (their delivery died mid-way) or `failed`, a few minutes old, retried up to 10 times. */
export async function sweepStripeEvents(req: PayloadRequest): Promise<number> {
  const { rows } = (await poolDb(req.payload).execute(sql`select event_id from stripe_events
    where status in ('received', 'failed') and attempts < 10 and updated_at < now() - interval '2 minutes' order by created_at limit 100`)) as { rows: { event_id: string }[] }
  for (const { event_id } of rows) await processStoredEvent(req, event_id)
  return rows.length
}

export const PROCESS_EVENT_TASK = 'processStripeEvent'

async function paymentBySession(req: PayloadRequest, sessionId: string): Promise<null | Payment> {
  const { docs } = await req.payload.find({ collection: 'payments', depth: 0, limit: 1, overrideAccess: true, req, where: { checkoutSessionId: { equals: sessionId } } })
  return docs[0] ?? null
}

const bookingOf = (req: PayloadRequest, payment: Payment): Promise<Booking> =>
  req.payload.findByID({ id: idOf(payment.booking), collection: 'bookings', depth: 0, overrideAccess: true, req })

/** The session's own metadata must name the studio the payment belongs to: no cross-tenant effects. */
function sameTenant(session: Stripe.Checkout.Session, payment: Payment, booking: Booking): boolean {
  const tenantId = idOf(payment.tenant)
  return session.metadata?.tenant_id === String(tenantId) && idOf(booking.tenant) === tenantId && session.metadata?.booking_ref === booking.ref
}

const sessionIdOf = (event: Stripe.Event) => (event.data.object as Stripe.Checkout.Session).id

/** Payments' own handlers (deposits), registered through the same seam as every other plugin's, and first. */
const depositHandlers: [Stripe.Event.Type, StripeEventHandler][] = [
  ['checkout.session.completed', (req, event) => sessionPaid(req, sessionIdOf(event))],
  ['checkout.session.async_payment_succeeded', (req, event) => sessionPaid(req, sessionIdOf(event))],
  ['checkout.session.expired', (req, event) => sessionEnded(req, sessionIdOf(event), 'expired')],
  ['payment_intent.payment_failed', (req, event) => paymentFailed(req, event.data.object as Stripe.PaymentIntent)],
  ['charge.refunded', (req, event) => chargeRefunded(req, (event.data.object as Stripe.Charge).id)],
]

export const registerDepositEventHandlers = (config: Config): Config =>
  depositHandlers.reduce((next, [type, handler]) => registerStripeEventHandler(next, type, handler), config)

/**
 * The booking, then the payment, locked in that order (as checkout, cancellation and refunds do, so none
 * of them can deadlock another), and the payment read again under the locks.
 */
export async function lockBookingAndPayment(req: PayloadRequest, found: Payment): Promise<Payment> {
  const db = await lockBooking(req, idOf(found.booking))
  await db.execute(sql`select id from payments where id = ${found.id} for update`)
  return req.payload.findByID({ id: found.id, collection: 'payments', depth: 0, overrideAccess: true, req })
}

async function sessionPaid(req: PayloadRequest, sessionId: string): Promise<EventOutcome | null> {
  const found = await paymentBySession(req, sessionId)
  if (!found) return null // not a deposit: another plugin's session, or nobody's
  const payment = await lockBookingAndPayment(req, found)
  const db = await transactionDb(req)
  const session = await stripeOf(req.payload).checkout.sessions.retrieve(sessionId)
  const tenant = idOf(payment.tenant)
  const booking = await bookingOf(req, payment)
  if (!sameTenant(session, payment, booking)) return { note: 'Session metadata does not match the booking’s studio', status: 'ignored', tenant }
  if (session.payment_status !== 'paid') return { note: `Session not paid (${session.payment_status})`, status: 'ignored', tenant }
  if (payment.status === 'paid') return { note: 'Already recorded', status: 'processed', tenant }

  const currency = payment.currency.toLowerCase()
  const amount = fromStripeAmount(session.amount_total ?? 0, currency)
  const paymentIntentId = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null)
  const paid = await req.payload.update({
    id: payment.id,
    collection: 'payments',
    data: { amount, paidAt: new Date().toISOString(), paymentIntentId, status: 'paid' },
    depth: 0,
    overrideAccess: true,
    req,
  })
  // From the payments themselves, so that no delivery can count one twice.
  await db.execute(sql`update bookings set deposit_paid_at = now(),
    amount_paid = (select coalesce(sum(amount), 0) from payments where booking_id = ${booking.id} and status = 'paid') where id = ${booking.id}`)
  const autoConfirm = (booking.terms as null | { autoConfirmOnDeposit?: boolean })?.autoConfirmOnDeposit !== false
  const target: Booking['status'] = autoConfirm ? 'confirmed' : 'pending'
  const settled = { ...booking, amountPaid: amount }
  const confirmedEmail = () => notifyCustomer(req, 'confirmed', { ...settled, status: 'confirmed' })

  if (booking.status === 'awaiting_payment' || booking.status === 'pending') {
    if (booking.status !== target) await moveBooking(req, booking, target)
    return { afterCommit: target === 'confirmed' ? [confirmedEmail] : [], note: `Deposit paid; booking ${target}`, status: 'processed', tenant }
  }
  if (booking.status === 'confirmed' || booking.status === 'converted' || booking.status === 'completed') {
    // Staff confirmed it while the customer was paying: the deposit is simply recorded.
    return { note: `Deposit paid on a ${booking.status} booking`, status: 'processed', tenant }
  }
  if (booking.status === 'expired' && (await slotStillFree(req, booking))) {
    // The hold ran out before the payment arrived, but nobody took the slot: the booking stands.
    await moveBooking(req, booking, target)
    return { afterCommit: target === 'confirmed' ? [confirmedEmail] : [], note: `Late deposit; slot still free, booking ${target}`, status: 'processed', tenant }
  }
  // Expired with the slot taken, or cancelled meanwhile: the whole deposit goes back.
  const refund = await issueRefund(req, { amount, booking, idempotencyKey: `atelier-refund-payment-${paid.id}-late`, payment: paid, reason: 'late_payment' })
  await writeAuditEntry(req, {
    action: 'refund',
    collection: 'bookings',
    details: { amount: refund?.amount ?? 0, automatic: true, reason: 'late_payment', refundId: refund?.stripeRefundId },
    documentId: booking.id,
    tenant,
    user: null,
  })
  return {
    afterCommit: [() => notifyCustomer(req, 'refunded', { ...settled, refundQuote: { refundAmount: refund?.amount ?? 0 } })],
    note: `Late deposit on a ${booking.status} booking whose slot is gone: refunded ${refund?.amount ?? 0}`,
    status: 'processed',
    tenant,
  }
}

async function moveBooking(req: PayloadRequest, booking: Booking, status: Booking['status']): Promise<void> {
  await req.payload.update({ id: booking.id, collection: 'bookings', context: statusChange(status), data: { holdExpiresAt: null, status }, depth: 0, overrideAccess: true, req })
}

/** An expired session or a failed payment releases the slot, unless Stripe says the session was paid after all. */
async function sessionEnded(req: PayloadRequest, sessionId: string, reason: 'expired' | 'failed'): Promise<EventOutcome | null> {
  const found = await paymentBySession(req, sessionId)
  if (!found) return null
  const payment = await lockBookingAndPayment(req, found)
  const stripe = stripeOf(req.payload)
  const session = await stripe.checkout.sessions.retrieve(sessionId)
  const tenant = idOf(payment.tenant)
  const booking = await bookingOf(req, payment)
  if (!sameTenant(session, payment, booking)) return { note: 'Session metadata does not match the booking’s studio', status: 'ignored', tenant }
  if (session.payment_status === 'paid' || payment.status === 'paid') return { note: 'Session was paid: nothing to release', status: 'ignored', tenant }
  if (reason === 'failed' && session.status === 'open') {
    // Close the session so that a later success cannot land on a released slot.
    await stripe.checkout.sessions.expire(sessionId).catch(() => undefined)
  }
  await req.payload.update({ id: payment.id, collection: 'payments', data: { status: reason }, depth: 0, overrideAccess: true, req })
  // A late event about an older session must not release the slot a newer, open session still holds.
  const newer = await req.payload.count({
    collection: 'payments',
    overrideAccess: true,
    req,
    where: { and: [{ booking: { equals: booking.id } }, { status: { equals: 'open' } }, { id: { not_equals: payment.id } }] },
  })
  if (newer.totalDocs > 0) return { note: `Payment ${reason}; a newer session holds the slot`, status: 'processed', tenant }
  if (booking.status === 'awaiting_payment') await moveBooking(req, booking, 'expired')
  return { note: `Payment ${reason}; slot released`, status: 'processed', tenant }
}

async function paymentFailed(req: PayloadRequest, intent: Stripe.PaymentIntent): Promise<EventOutcome | null> {
  const stripe = stripeOf(req.payload)
  const fresh = await stripe.paymentIntents.retrieve(intent.id)
  const ref = fresh.metadata?.booking_ref
  const tenantId = Number(fresh.metadata?.tenant_id)
  if (!ref || !tenantId) return null // not a deposit
  if (fresh.status === 'succeeded') return { note: 'Payment intent succeeded after all', status: 'ignored' }
  const { docs } = await req.payload.find({ collection: 'bookings', depth: 0, limit: 1, overrideAccess: true, req, where: { and: [{ ref: { equals: ref } }, { tenant: { equals: tenantId } }] } })
  const booking = docs[0]
  if (!booking) return { note: 'No such booking in that studio', status: 'ignored' }
  const { docs: payments } = await req.payload.find({
    collection: 'payments',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { and: [{ booking: { equals: booking.id } }, { status: { equals: 'open' } }] },
  })
  if (!payments[0]) return { note: 'No open payment for the booking', status: 'ignored', tenant: tenantId }
  return (await sessionEnded(req, payments[0].checkoutSessionId, 'failed')) ?? { note: 'No payment for the session', status: 'ignored', tenant: tenantId }
}

/** Refunds made anywhere (here or in Stripe's dashboard) are recorded from the charge, once each. */
async function chargeRefunded(req: PayloadRequest, chargeId: string): Promise<EventOutcome | null> {
  const stripe = stripeOf(req.payload)
  const charge = await stripe.charges.retrieve(chargeId, { expand: ['refunds'] })
  const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id
  const { docs } = await req.payload.find({ collection: 'payments', depth: 0, limit: 1, overrideAccess: true, req, where: { paymentIntentId: { equals: intentId ?? '' } } })
  const payment = docs[0]
  if (!payment) return null // not a deposit
  const tenant = idOf(payment.tenant)
  const currency = payment.currency.toLowerCase()
  for (const refund of charge.refunds?.data ?? []) {
    const known = await req.payload.count({ collection: 'refunds', overrideAccess: true, req, where: { stripeRefundId: { equals: refund.id } } })
    if (known.totalDocs > 0) continue
    await req.payload.create({
      collection: 'refunds',
      data: {
        amount: fromStripeAmount(refund.amount, currency),
        booking: idOf(payment.booking),
        currency: payment.currency,
        idempotencyKey: `stripe-${refund.id}`,
        payment: payment.id,
        reason: 'stripe',
        status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
        stripeRefundId: refund.id,
        tenant,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  const db = await transactionDb(req)
  await db.execute(sql`update payments set amount_refunded = ${fromStripeAmount(charge.amount_refunded, currency)} where id = ${payment.id}`)
  return { note: 'Refunds recorded', status: 'processed', tenant }
}
