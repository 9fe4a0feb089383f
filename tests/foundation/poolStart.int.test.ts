// How a pool starts (utilities/adapterPg.ts): the adapter opened every pool with a connection it never released,
// and did not await a replica's, so a replica down at boot was an unhandled rejection.
import type { Pool } from 'pg'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adapterPg } from '../../utilities/adapterPg'
import { databaseUrl } from '../../utilities/embeddedPostgres'
import { replicaPools } from '../../utilities/readReplicas'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const connectionsInUse = (pool: Pool) => pool.totalCount - pool.idleCount

describe('a read replica down at boot', () => {
  let app: TestApp
  const unhandled: unknown[] = []
  const hear = (reason: unknown) => unhandled.push(reason)

  beforeAll(async () => {
    process.on('unhandledRejection', hear)
    // Nothing listens on port 1: the replica refuses every connection.
    app = await startTestApp({ DATABASE_REPLICA_URLS: 'postgres://postgres@127.0.0.1:1/replica' })
    // The adapter does not await its warm-up of the replica: its failure may come after the boot returns.
    await new Promise((resolve) => setTimeout(resolve, 500))
  })
  afterAll(async () => {
    process.off('unhandledRejection', hear)
    await app?.close()
  })

  it('boots, with no unhandled rejection', () => {
    expect(replicaPools(app.payload)).toHaveLength(1)
    expect(unhandled).toEqual([])
  })

  it('holds no connection of the primary once booted (the warm-up connection went back to the pool)', () => {
    expect(connectionsInUse(app.payload.db.pool)).toBe(0)
  })

  it('writes and transactions still work (the primary); a read that goes to the replica answers 503, not 500', async () => {
    const studio = await createTenant(app.payload, { name: 'Replica Down Studio' })
    const user = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    const token = await app.rest.login(user.email, PASSWORD)
    // Reads stay on the primary (200) for 2 s after any write of this process: the login, and what it sets off,
    // which under load can end later. Asked again until that window has passed; nothing else may answer.
    const statuses: number[] = []
    let list: Response
    do {
      await new Promise((resolve) => setTimeout(resolve, statuses.length === 0 ? 2_100 : 500))
      list = await app.rest.get('/rooms', { token })
      statuses.push(list.status)
    } while (list.status === 200 && statuses.length < 20)
    expect(statuses.every((status) => status === 200 || status === 503), statuses.join(', ')).toBe(true)
    expect(list.status).toBe(503)
    expect(await list.json()).toMatchObject({ code: 'database_unavailable' })
  })
})

describe("the adapter's pools before the app listens to them", () => {
  it('answer the warm-up with no client, and a connection the server drops is no uncaught exception', async () => {
    const url = databaseUrl(inject('databaseServerUrl'), 'postgres')
    const uncaught: unknown[] = []
    const hear = (error: unknown) => uncaught.push(error)
    process.on('uncaughtException', hear)
    const pool = new (adapterPg(url, []).Pool)({ application_name: 'pool-start-test', connectionString: url, max: 2 })
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      expect(await pool.connect()).toBeUndefined()
      await Promise.all([pool.query('select pg_sleep(0.05)'), pool.query('select pg_sleep(0.05)')])
      expect(pool.idleCount).toBe(2)
      const { rowCount } = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pool-start-test'`)
      expect(rowCount).toBe(2)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(uncaught).toEqual([])
      // The pool connects again on next use.
      expect((await pool.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }])
    } finally {
      process.off('uncaughtException', hear)
      await admin.end()
      await pool.end()
    }
  })
})
