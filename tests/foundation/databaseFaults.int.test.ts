// A connection dropped in the middle of a transaction, on real PostgreSQL: the commit says so, nothing is
// stored, and neither a relationship nor a signed-in user the database could not check is the client's fault.
import type { PayloadRequest, Validate } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { isDatabaseUnavailable } from '../../utilities/databaseFaults'
import { databaseUrl } from '../../utilities/embeddedPostgres'
import { transactionDb } from '../../utilities/transactionDb'
import { RolledBackAtCommitError } from '../../utilities/wholeTransactions'
import { createDefaultPolicy, createRoom } from '../helpers/booking'
import { setDatabaseReachable } from '../helpers/databaseServer'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('database faults inside a transaction', () => {
  let app: TestApp
  let admin: pg.Client

  beforeAll(async () => {
    app = await startTestApp()
    admin = new pg.Client({ connectionString: databaseUrl(inject('databaseServerUrl'), app.databaseName) })
    await admin.connect()
    // The last test shuts the database to every connection, this one's included.
    admin.on('error', () => undefined)
  })
  afterAll(async () => {
    if (app) await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    await admin?.end()
    await app?.close()
  })

  /** A request with a transaction open, and that transaction's backend pid. */
  async function openTransaction(): Promise<{ pid: number; req: PayloadRequest }> {
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    const { rows } = (await (await transactionDb(req)).execute(sql`select pg_backend_pid() as pid`)) as { rows: { pid: number }[] }
    return { pid: rows[0]!.pid, req }
  }

  async function dropConnection(pid: number) {
    await admin.query('select pg_terminate_backend($1)', [pid])
    // node-postgres hears the server's goodbye on its next turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  const tenantIn = (req: PayloadRequest, name: string) =>
    app.payload.create({ collection: 'tenants', data: { defaultCurrency: 'EUR', defaultLocale: 'en', name, slug: name.toLowerCase().replaceAll(' ', '-'), status: 'active', timezone: 'Europe/Paris' }, req })
  const tenantsNamed = async (name: string) => (await app.payload.find({ collection: 'tenants', overrideAccess: true, where: { name: { equals: name } } })).totalDocs

  it('a COMMIT on a dropped connection fails the operation and stores nothing (Payload 3.88 reported success)', async () => {
    const { pid, req } = await openTransaction()
    await tenantIn(req, 'Lost at commit')
    await dropConnection(pid)

    const failure = await commitTransaction(req).then(() => undefined, (error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect(isDatabaseUnavailable(failure)).toBe(true)
    await killTransaction(req)
    expect(await tenantsNamed('Lost at commit')).toBe(0)
  })

  it('a COMMIT that PostgreSQL turns into a ROLLBACK (a failed statement was swallowed) fails too', async () => {
    const { req } = await openTransaction()
    await tenantIn(req, 'Aborted before commit')
    await (await transactionDb(req)).execute(sql`select 1 / 0`).catch(() => undefined)

    await expect(commitTransaction(req)).rejects.toBeInstanceOf(RolledBackAtCommitError)
    await killTransaction(req)
    expect(await tenantsNamed('Aborted before commit')).toBe(0)
  })

  it('commits as before while the database answers, and the pool keeps serving after drops', async () => {
    const { req } = await openTransaction()
    await tenantIn(req, 'Kept')
    await commitTransaction(req)
    expect(await tenantsNamed('Kept')).toBe(1)
  })

  it("a room the database could not check is the database's failure, not a 400 on `room`", async () => {
    const tenant = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, tenant)
    const room = await createRoom(app.payload, tenant)
    const otherRoom = await createRoom(app.payload, await createTenant(app.payload))
    const field = app.payload.collections.bookings.config.fields.find((candidate) => 'name' in candidate && candidate.name === 'room') as { validate: Validate }
    const check = (value: number, req: PayloadRequest) =>
      field.validate(value, { ...field, data: { tenant: tenant.id }, event: 'submit', operation: 'create', req, siblingData: {} } as unknown as Parameters<Validate>[1])

    const live = await openTransaction()
    expect(await check(room.id, live.req)).toBe(true)
    expect(typeof (await check(otherRoom.id, live.req))).toBe('string')
    await commitTransaction(live.req)

    const dropped = await openTransaction()
    await dropConnection(dropped.pid)
    const failure = await Promise.resolve(check(room.id, dropped.req)).then(
      (verdict) => verdict,
      (error: unknown) => error,
    )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    await killTransaction(dropped.req)
  })

  it('a signed-in request whose user the database could not load answers 503, not 403 (REST and custom endpoints)', async () => {
    const tenant = await createTenant(app.payload)
    const user = await createUser(app.payload, [{ role: 'owner', tenant }])
    const token = await app.rest.login(user.email, PASSWORD)
    expect((await app.rest.get('/bookings', { token })).status).toBe(200)

    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, false)
    try {
      for (const route of ['/bookings', `/users/${user.id}/effective-permissions?tenant=${tenant.id}`]) {
        const response = await app.rest.get(route, { token })
        expect(response.status, route).toBe(503)
        expect(response.headers.get('Retry-After'), route).toMatch(/^[1-5]$/)
        expect(((await response.json()) as { code: string }).code, route).toBe('database_unavailable')
      }
      // Without credentials there is nothing to check: a refusal stays a refusal.
      expect((await app.rest.get('/bookings')).status).toBe(403)
    } finally {
      await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    }
    expect((await app.rest.get('/bookings', { token })).status).toBe(200)
  })
})
