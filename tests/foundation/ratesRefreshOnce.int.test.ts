// The rates refresh queued at start, once across processes starting together (issue 20): each start looks
// under one advisory lock, so four at once on stale rates queue one job, and a later start while it waits
// queues none.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { REFRESH_RATES_TASK } from '../../plugins/currency/jobs/refreshExchangeRates'
import { queueRefreshOnce } from '../../plugins/currency/services/queueRefreshOnce'
import { poolDb } from '../../utilities/transactionDb'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('the rates refresh at start', () => {
  let app: TestApp

  const refreshJobs = async () =>
    (await app.payload.find({ collection: 'payload-jobs', depth: 0, pagination: false, where: { taskSlug: { equals: REFRESH_RATES_TASK } } })).docs

  beforeAll(async () => {
    app = await startTestApp()
    // Stale: no rates at all, as on a new install.
    await poolDb(app.payload).execute(sql`delete from exchange_rates`)
  })
  afterAll(() => app?.close())

  it('is queued once by four starts at the same moment, and not again while it waits', async () => {
    expect(await refreshJobs()).toEqual([])
    const queued = await Promise.all([1, 2, 3, 4].map(() => queueRefreshOnce(app.payload)))
    expect(queued.filter(Boolean)).toHaveLength(1)
    expect(await refreshJobs()).toHaveLength(1)

    expect(await queueRefreshOnce(app.payload)).toBe(false)
    expect(await refreshJobs()).toHaveLength(1)
  })

  it('is not queued when the rates are fresh', async () => {
    await poolDb(app.payload).execute(sql`delete from payload_jobs where task_slug = ${REFRESH_RATES_TASK}`)
    const today = new Date().toISOString().slice(0, 10)
    await poolDb(app.payload).execute(sql`insert into exchange_rates (date, currency, rate) values (${today}, 'USD', '1.05')`)
    expect(await queueRefreshOnce(app.payload)).toBe(false)
    expect(await refreshJobs()).toEqual([])
  })
})
