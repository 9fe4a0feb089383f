import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { setDatabaseReachable } from '../helpers/databaseServer'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('GET /api/health', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(async () => {
    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    await app.close()
  })

  it('answers 200 with the database reachable, without logging in', async () => {
    const response = await app.rest.get('/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ db: 'ok', status: 'ok' })
  })

  it('answers 503 when the database refuses connections', async () => {
    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, false)
    const response = await app.rest.get('/health')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ db: 'unreachable', status: 'error' })

    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    expect((await app.rest.get('/health')).status).toBe(200)
  })
})
