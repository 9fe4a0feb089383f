import type { CollectionAfterChangeHook } from 'payload'

import type { Booking } from '../../../payload-types'

import { IMMEDIATE_QUEUE } from '../../../utilities/immediateJobs'
import { REFUND_CANCELLATION_TASK } from '../jobs/tasks'

/** Queued in the cancelling transaction: no refund for a cancellation that rolled back. */
export const refundOnCancellation: CollectionAfterChangeHook<Booking> = async ({ doc, previousDoc, req }) => {
  const quote = doc.refundQuote as null | { refundAmount?: number }
  if (doc.status === 'cancelled' && previousDoc?.status !== 'cancelled' && (quote?.refundAmount ?? 0) > 0 && (doc.amountPaid ?? 0) > 0) {
    await req.payload.jobs.queue({ input: { bookingId: doc.id }, queue: IMMEDIATE_QUEUE, req, task: REFUND_CANCELLATION_TASK })
  }
  return doc
}
