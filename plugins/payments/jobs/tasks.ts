// The payments plugin's job tasks; the work they run lives in services/.
import type { TaskConfig } from 'payload'

import { inTransaction } from '../../../utilities/inTransaction'
import { PROCESS_EVENT_TASK, sweepStripeEvents } from '../services/events'
import { expireHolds } from '../services/holds'
import { refundCancellation } from '../services/refunds'

export const REFUND_CANCELLATION_TASK = 'refundCancellation'

/** Every five minutes: stored events whose processing failed or never finished get another go. */
export const processStripeEventTask: TaskConfig = {
  slug: PROCESS_EVENT_TASK,
  handler: async ({ req }) => ({ output: { retried: await sweepStripeEvents(req) } }),
  outputSchema: [{ name: 'retried', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
}

/** A cancelled booking with a refund quote gets its refund, once; queued by refundOnCancellation. */
export const refundCancellationTask: TaskConfig = {
  slug: REFUND_CANCELLATION_TASK,
  // In one transaction: the payment's lock holds until the refund is recorded.
  handler: async ({ input, req }) => ({ output: { refunded: await inTransaction(req, () => refundCancellation(req, (input as { bookingId: number }).bookingId)) } }),
  inputSchema: [{ name: 'bookingId', type: 'number', required: true }],
  outputSchema: [{ name: 'refunded', type: 'number' }],
  retries: { attempts: 5, backoff: { delay: 30_000, type: 'exponential' } },
}

/**
 * Every minute: bookings awaiting payment past their hold free their slot; their Checkout Session is closed
 * first. Pending bookings past their hold are the booking plugin's job (`expireBookingHolds`).
 */
export const expireHoldsTask: TaskConfig = {
  slug: 'expireHolds',
  handler: async ({ req }) => ({ output: { expired: await expireHolds(req) } }),
  outputSchema: [{ name: 'expired', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
}
