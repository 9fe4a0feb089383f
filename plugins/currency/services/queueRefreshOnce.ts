// The rates refresh asked for at start, queued once however many processes start together (web nodes'
// launchers, workers, the server after its launcher). Each looks under one advisory lock, in one transaction:
// the second sees the first's job waiting (or the rates it fetched) and queues nothing.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { RATES_QUEUE, REFRESH_RATES_TASK } from '../jobs/refreshExchangeRates'
import { ageInDays } from './staleness'

export const START_REFRESH_LOCK = 'currency:refresh-at-start'

/** Queues a refresh when the newest rates are over a day old and no refresh is waiting or running. */
export async function queueRefreshOnce(payload: Payload): Promise<boolean> {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => {
    const db = await transactionDb(req)
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${START_REFRESH_LOCK}))`)
    const { rows } = (await db.execute(sql`
      select (select max(date) from exchange_rates) as latest,
        exists (select 1 from payload_jobs where task_slug = ${REFRESH_RATES_TASK} and completed_at is null and not coalesce(has_error, false)) as pending`)) as {
      rows: { latest: null | string; pending: boolean }[]
    }
    const { latest, pending } = rows[0] ?? { latest: null, pending: false }
    if (pending || (latest && ageInDays(latest, new Date()) <= 1)) return false
    await payload.jobs.queue({ input: {}, queue: RATES_QUEUE, req, task: REFRESH_RATES_TASK } as never)
    return true
  })
}
