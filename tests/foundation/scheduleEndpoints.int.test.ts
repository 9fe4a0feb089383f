// Payload's schedule endpoints through the schedule lock (issue 20): `GET /api/payload-jobs/handle-schedules`
// called Payload's operation directly, past the per-queue advisory lock the workers take, so an external cron
// could schedule a period twice beside them. While another session holds a queue's lock, both endpoints wait
// for it (seen in pg_stat_activity), then answer 200 once it is released.
import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { scheduleLockKey } from '../../plugins/workers'
import { databaseUrl } from '../../utilities/embeddedPostgres'
import { poolDb } from '../../utilities/transactionDb'
import { startTestApp, type TestApp } from '../helpers/payload'
import { waitUntil } from '../helpers/workerProcess'

const JOBS_SECRET = 'cron-secret-for-schedules-0123456789abcdef'

describe('schedule endpoints and the schedule lock', () => {
  let app: TestApp
  let holder: pg.Client

  beforeAll(async () => {
    app = await startTestApp({ ATELIER_JOBS_SECRET: JOBS_SECRET })
    holder = new pg.Client({ connectionString: databaseUrl(inject('databaseServerUrl'), app.databaseName) })
    await holder.connect()
  })
  afterAll(async () => {
    await holder?.end()
    await app?.close()
  })

  /** Backends of this database waiting for an advisory lock. */
  const advisoryWaiters = async () => {
    const { rows } = (await poolDb(app.payload).execute(
      sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
    )) as { rows: { waiting: number }[] }
    return rows[0]?.waiting ?? 0
  }

  it.each(['/payload-jobs/handle-schedules?queue=nightly', '/payload-jobs/run?queue=nightly'])('%s waits for the queue’s schedule lock', async (path) => {
    await holder.query('begin')
    await holder.query('select pg_advisory_xact_lock(hashtext($1))', [scheduleLockKey('nightly')])
    let settled = false
    const response = app.rest.get(path, { headers: { Authorization: `Bearer ${JOBS_SECRET}` } }).finally(() => (settled = true))
    try {
      await waitUntil(async () => (await advisoryWaiters()) > 0 || settled, 60_000, 'the request to wait for the schedule lock')
      expect(settled).toBe(false)
    } finally {
      await holder.query('commit')
    }
    expect((await response).status).toBe(200)
  })
})
