// One scheduler at a time per queue, however many processes run the queues. Payload's handleSchedules
// (queues/operations/handleSchedules/index.js) counts the scheduled jobs still waiting or running for a
// task (defaultBeforeSchedule → countRunnableOrActiveJobsForQueue) and queues the next period's only when
// there are none, then records `lastScheduledRun` in payload-jobs-stats: read, then write, without a lock.
// Two workers on the same tick both count zero and both queue. Here each call runs in one transaction
// that first takes a PostgreSQL advisory lock per queue: the second waits, then counts the first's job.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'

const WRAPPED = new WeakSet<Payload>()

/** The advisory lock (`pg_advisory_xact_lock(hashtext(key))`) taken while a queue's schedules are handled. */
export const scheduleLockKey = (queue: string) => `payload-jobs:schedules:${queue}`

/** The queues that schedules put jobs on, sorted: locks are always taken in the same order. */
const scheduledQueues = (payload: Payload): string[] => {
  const { tasks = [], workflows = [] } = payload.config.jobs
  const queues = [...tasks, ...workflows].flatMap((config) => (config.schedule ?? []).map((entry) => entry.queue ?? 'default'))
  return [...new Set(queues)].sort()
}

/** Replaces `payload.jobs.handleSchedules` (what autoRun, the run endpoint and workers call) once per Payload. */
export function scheduleOneAtATime(payload: Payload): void {
  if (WRAPPED.has(payload)) return
  WRAPPED.add(payload)
  const handleSchedules = payload.jobs.handleSchedules

  payload.jobs.handleSchedules = async (args = {}) => {
    const req = args.req ?? (await createLocalReq({}, payload))
    const queues = args.allQueues ? scheduledQueues(payload) : [args.queue ?? 'default']
    return inTransaction(req, async () => {
      const db = await transactionDb(req)
      // A scheduler stuck elsewhere makes this tick fail rather than wait forever; the next one tries again.
      await db.execute(sql`set local lock_timeout = '30s'`)
      for (const queue of queues) await db.execute(sql`select pg_advisory_xact_lock(hashtext(${scheduleLockKey(queue)}))`)
      return handleSchedules({ ...args, req })
    })
  }
}
