// Jobs claimed by one process only, however many run the queues. Payload 3.88 claims by reading the
// runnable jobs and then updating each by id (queues/operations/runJobs/index.js → db.updateJobs, in
// @payloadcms/drizzle/dist/updateJobs.js: findMany, then `update … where id = ?` without looking at
// `processing` again): two workers reading at the same moment both mark the same job and both run it.
// Here the claim is one conditional `update … where processing = false … returning id`, which only one
// transaction can win (what Payload itself does from PR #17441 on); the other finds nothing to run.
import type { Job, Payload, UpdateJobs, UpdateJobsArgs } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb, transactionDb } from '../../../utilities/transactionDb'

type JobId = number | string

/** How often a process renews the claims it holds, and after how long without renewal a claim is abandoned. */
export const CLAIM_RENEW_MS = 60_000
export const CLAIM_EXPIRY_MS = 5 * 60_000

type Claims = { held: Set<JobId>; renewal?: NodeJS.Timeout }
const claimsByPayload = new WeakMap<Payload, Claims>()

const idList = (ids: JobId[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `)
const rowsOf = (result: unknown) => (result as { rows: { id: JobId }[] }).rows

/** Replaces the adapter's updateJobs once per Payload: claims become exclusive, the rest goes through. */
export function claimJobsOnce(payload: Payload): void {
  if (claimsByPayload.has(payload)) return
  const claims: Claims = { held: new Set() }
  claimsByPayload.set(payload, claims)
  const updateJobs: UpdateJobs = payload.db.updateJobs.bind(payload.db)

  payload.db.updateJobs = async (args) => {
    // Payload sets `processing: true` only to claim (runJobs); everything else is a job reporting on itself.
    if (args.data.processing === true) return claim(payload, claims, updateJobs, args)
    const jobs = await updateJobs(args)
    if (args.data.processing === false) {
      for (const id of args.id !== undefined ? [args.id] : (jobs ?? []).map((job) => job.id)) claims.held.delete(id)
    }
    return jobs
  }
}

async function claim(payload: Payload, claims: Claims, updateJobs: UpdateJobs, args: UpdateJobsArgs): Promise<Job[] | null> {
  await releaseAbandonedJobs(payload)
  const candidates =
    args.id !== undefined
      ? [args.id]
      : (await payload.db.find({ collection: 'payload-jobs', limit: args.limit, pagination: false, req: args.req, select: { id: true }, sort: args.sort, where: args.where })).docs.map(
          (doc) => doc.id as JobId,
        )
  if (!candidates.length) return []

  // In the transaction Payload opened for the claim: a second claimer waits for it to commit, then sees
  // `processing` true and skips the row.
  const db = await transactionDb({ payload, transactionID: args.req?.transactionID })
  const won = rowsOf(
    await db.execute(sql`update payload_jobs set processing = true, updated_at = now() where processing = false and id in (${idList(candidates)}) returning id`),
  ).map((row) => row.id)
  if (!won.length) return []

  for (const id of won) claims.held.add(id)
  keepRenewing(payload, claims)
  // Payload's own update then returns the jobs in the shape runJobs expects (only ours now).
  return updateJobs({ data: args.data, limit: won.length, req: args.req, returning: args.returning, sort: args.sort, where: { id: { in: won } } })
}

/**
 * A claim is renewed while its job runs here (`updated_at`), so that one whose process died (SIGKILL, a crash,
 * a lost machine) can be told apart from a long job: without renewal for CLAIM_EXPIRY_MS it is given back.
 */
function keepRenewing(payload: Payload, claims: Claims): void {
  if (claims.renewal) return
  claims.renewal = setInterval(() => {
    const held = [...claims.held]
    if (!held.length) return
    poolDb(payload)
      .execute(sql`update payload_jobs set updated_at = now() where processing = true and id in (${idList(held)})`)
      .catch((error: unknown) => payload.logger.warn({ err: error, msg: 'Could not renew the claims on running jobs' }))
  }, CLAIM_RENEW_MS)
  claims.renewal.unref()
}

/** Gives back the claims of processes that stopped renewing them; the jobs run again (at least once, then). */
export async function releaseAbandonedJobs(payload: Payload): Promise<JobId[]> {
  const released = rowsOf(
    await poolDb(payload).execute(
      sql`update payload_jobs set processing = false where processing = true and updated_at < now() - ${CLAIM_EXPIRY_MS / 1000} * interval '1 second' returning id`,
    ),
  ).map((row) => row.id)
  if (released.length) payload.logger.warn(`Released ${released.length} job(s) whose process stopped renewing its claim: ${released.join(', ')}`)
  return released
}

/** Gives back the jobs this process claimed and has not finished, for another process to run. */
export async function releaseHeldJobs(payload: Payload): Promise<JobId[]> {
  const claims = claimsByPayload.get(payload)
  const held = [...(claims?.held ?? [])]
  if (!held.length) return []
  const released = rowsOf(
    await poolDb(payload).execute(sql`update payload_jobs set processing = false where processing = true and id in (${idList(held)}) returning id`),
  ).map((row) => row.id)
  claims?.held.clear()
  return released
}
