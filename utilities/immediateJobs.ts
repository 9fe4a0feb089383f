import type { Payload } from 'payload'

/**
 * Work queued inside a transaction that the request wants done as soon as that transaction commits
 * (e.g. a refund after a cancellation). The request runs it right after committing; the server's
 * autoRun picks up whatever that missed.
 */
export const IMMEDIATE_QUEUE = 'immediate'

export const runImmediateJobs = (payload: Payload) => payload.jobs.run({ limit: 20, queue: IMMEDIATE_QUEUE, silent: true })
