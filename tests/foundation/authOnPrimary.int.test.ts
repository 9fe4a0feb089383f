// Auth reads the primary (issue 20): with DATABASE_REPLICA_URLS, Payload's reads outside a transaction go to a
// replica, and the JWT strategy's user lookup was one of them: a session created on one node and checked on
// another against a replica that had not replayed it yet answered 401. Here the "replica" is a second, empty
// database: a read that goes there fails, so a signed-in user found by the strategy was found on the primary.
import { randomBytes } from 'node:crypto'
import { executeAuthStrategies } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import type { User } from '../../payload-types'

import { databaseUrl } from '../../utilities/embeddedPostgres'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const serverUrl = inject('databaseServerUrl')
const replicaName = `${inject('testRunId')}_replica_${randomBytes(3).toString('hex')}`

const onServer = async (statement: string) => {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

describe('auth with read replicas', () => {
  let app: TestApp
  let user: User
  let token: string

  // Reads go to the primary for 2 s after this process wrote (readReplicasAfterWriteInterval).
  const pastWriteWindow = () => new Promise((resolve) => setTimeout(resolve, 2_100))

  beforeAll(async () => {
    await onServer(`create database "${replicaName}"`)
    app = await startTestApp({ DATABASE_REPLICA_URLS: databaseUrl(serverUrl, replicaName) })
    const studio = await createTenant(app.payload, { name: 'Primary Studio' })
    user = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    token = await app.rest.login(user.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
    await onServer(`drop database if exists "${replicaName}" with (force)`)
  })

  it('a plain read outside a transaction goes to the (empty) replica', async () => {
    await pastWriteWindow()
    await expect(app.payload.find({ collection: 'users', depth: 0, where: { id: { equals: user.id } } })).rejects.toThrow()
  })

  it('the JWT strategy finds the signed-in user and their session on the primary', async () => {
    await pastWriteWindow()
    const { user: found } = await executeAuthStrategies({ headers: new Headers({ Authorization: `JWT ${token}` }), isGraphQL: false, payload: app.payload })
    expect(found?.id).toBe(user.id)
    expect(found?.email).toBe(user.email)
  })

  it('GET /api/users/me reads the signed-in user on the primary', async () => {
    await pastWriteWindow()
    const response = await app.rest.get('/users/me', { query: { depth: 0 }, token })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { token?: string; user: null | User }
    expect(body.user?.id).toBe(user.id)
    expect(body.user?.email).toBe(user.email)
    expect(body.token).toBe(token)
  })

  it('GET /api/users/me signed out answers as Payload does: 200, no user', async () => {
    const response = await app.rest.get('/users/me')
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: null | User }).user).toBeNull()
  })
})
