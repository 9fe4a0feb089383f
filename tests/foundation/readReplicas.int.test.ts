// Read replicas (issue 20): with DATABASE_REPLICA_URLS the app boots, reads and writes. The "replica" is a
// second URL to the test database itself, tagged with its own application_name, so pg_stat_activity shows
// which statements went through it: selects outside a transaction, and no write.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { replicaPools } from '../../utilities/readReplicas'
import { poolDb } from '../../utilities/transactionDb'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const REPLICA_NAME = 'atelier_replica_test'

const replicaUrl = (databaseUrl: string) => {
  const url = new URL(databaseUrl)
  url.searchParams.set('application_name', REPLICA_NAME)
  return url.toString()
}

describe('read replicas', () => {
  let app: TestApp
  let studio: Tenant
  let token: string

  /** The statements the replica's connections last ran (pg_stat_activity keeps the last one of an idle connection). */
  const replicaStatements = async (): Promise<string[]> => {
    const result = (await poolDb(app.payload).execute(
      sql`select query from pg_stat_activity where application_name = ${REPLICA_NAME} and datname = current_database()`,
    )) as { rows: { query: string }[] }
    return result.rows.map((row) => row.query)
  }
  // Reads go to the primary for 2 s after this process wrote (readReplicasAfterWriteInterval).
  const pastWriteWindow = () => new Promise((resolve) => setTimeout(resolve, 2_100))

  beforeAll(async () => {
    app = await startTestApp((databaseUrl) => ({ DATABASE_REPLICA_URLS: ` ${replicaUrl(databaseUrl)} ,` }))
    studio = await createTenant(app.payload, { name: 'Replica Studio' })
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    token = await app.rest.login(admin.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('hands the replica URLs to the adapter', () => {
    expect((app.payload.db as unknown as { readReplicaOptions?: string[] }).readReplicaOptions).toHaveLength(1)
    expect(replicaPools(app.payload)).toHaveLength(1)
  })

  it('reads outside a transaction through the replica, and writes only on the primary', async () => {
    await pastWriteWindow()
    const found = await app.payload.find({ collection: 'tenants', overrideAccess: true, where: { id: { equals: studio.id } } })
    expect(found.docs.map((doc) => doc.id)).toEqual([studio.id])
    const statements = await replicaStatements()
    expect(statements.some((query) => /^select .*"tenants"/i.test(query))).toBe(true)
    expect(statements.some((query) => /^(insert|update|delete)/i.test(query))).toBe(false)
  })

  it('serves a write and the read right after it over REST', async () => {
    const renamed = await app.rest.patch(`/tenants/${studio.id}`, { name: 'Renamed Studio' }, { token })
    expect(renamed.status, await renamed.clone().text()).toBe(200)
    const read = await app.rest.get(`/tenants/${studio.id}`, { token })
    expect(read.status).toBe(200)
    expect(((await read.json()) as { name: string }).name).toBe('Renamed Studio')
    expect((await replicaStatements()).some((query) => /^(insert|update|delete)/i.test(query))).toBe(false)
  })
})
