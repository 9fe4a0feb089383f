// A web node (ATELIER_ROLE=web) queues jobs and runs none. Requests ask for runs of their own: the immediate
// queue right after a commit (utilities/immediateJobs.ts: cancellations, signups), a first attempt by id
// (sites' key rotation). Here those calls leave the jobs queued, and the workers, which poll every queue,
// run them on their next pass: a request never executes a job's handler on a web node.
import type { Payload } from 'payload'

const WRAPPED = new WeakSet<Payload>()

/** Replaces Payload's run, runByID and handleSchedules with calls that run nothing, once per Payload. */
export function webRunsNoJobs(payload: Payload): void {
  if (WRAPPED.has(payload)) return
  WRAPPED.add(payload)
  const leftToWorkers = async () => {
    payload.logger.debug('Role web: jobs stay queued for the workers')
    return { noJobsRemaining: false, remainingJobsFromQueried: 0 }
  }
  // Payload types their result as a promise of a promise.
  payload.jobs.run = leftToWorkers as unknown as Payload['jobs']['run']
  payload.jobs.runByID = leftToWorkers as unknown as Payload['jobs']['runByID']
  payload.jobs.handleSchedules = async () => ({ errored: [], queued: [], skipped: [] })
}
