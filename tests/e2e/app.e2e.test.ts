// The built app as it runs in production (`npm start`), over real HTTP on 127.0.0.1.
// Needs `npm run build` first; runs with ATELIER_E2E=1 (`npm run test:e2e`).
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'
import { freePort, startApp, type StartedApp, waitForHealth } from './app'

const ADMIN = { email: 'ops@studio.test', password: 'a-long-production-password' }
const DEMO_PASSWORD = 'demo-password-e2e'

describe('npm start (production build)', () => {
  let app: StartedApp
  let baseUrl: string
  let database: { name: string; url: string }
  let mediaDir: string

  beforeAll(async () => {
    if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` before the e2e tests.')
    database = await createThrowawayDatabase(inject('databaseServerUrl'), inject('testRunId'))
    mediaDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-e2e-media-'))
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    app = startApp({
      ATELIER_ADMIN_EMAIL: ADMIN.email,
      ATELIER_ADMIN_PASSWORD: ADMIN.password,
      ATELIER_DEMO_PASSWORD: DEMO_PASSWORD,
      ATELIER_MEDIA_DIR: mediaDir,
      ATELIER_PUBLIC_URL: baseUrl,
      ATELIER_SEED_DEMO: 'true',
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
    })
    await waitForHealth(baseUrl, app)
  })

  afterAll(async () => {
    app?.process.kill('SIGTERM')
    await app?.exit
    if (database) await dropDatabase(inject('databaseServerUrl'), database.name)
    if (mediaDir) await rm(mediaDir, { force: true, recursive: true })
  })

  it('reports healthy with its database', async () => {
    const response = await fetch(`${baseUrl}/api/health`)
    expect(await response.json()).toEqual({ db: 'ok', status: 'ok' })
  })

  it('serves the admin login page', async () => {
    const response = await fetch(`${baseUrl}/admin/login`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(await response.text()).toMatch(/<title>[^<]*Atelier/)
  })

  const login = (credentials: { email: string; password: string }) =>
    fetch(`${baseUrl}/api/users/login`, {
      body: JSON.stringify(credentials),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
  const tokenFor = async (credentials: { email: string; password: string }) =>
    ((await (await login(credentials)).json()) as { token: string }).token

  it('lets the super admin created from the environment log in', async () => {
    const response = await login(ADMIN)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: { superAdmin: boolean } }).user.superAdmin).toBe(true)
  })

  it('keeps a studio owner inside their studio', async () => {
    const token = await tokenFor({ email: 'owner@lumiere.atelier.test', password: DEMO_PASSWORD })
    const headers = { Authorization: `JWT ${token}` }
    const tenants = (await (await fetch(`${baseUrl}/api/tenants`, { headers })).json()) as { docs: { slug: string }[] }
    expect(tenants.docs.map((tenant) => tenant.slug)).toEqual(['studio-lumiere'])

    const other = await fetch(`${baseUrl}/api/tenants?where[slug][equals]=galerie-martin`, { headers })
    expect(((await other.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('answers bad JSON on a custom endpoint with 400 in the error shape', async () => {
    const token = await tokenFor(ADMIN)
    const response = await fetch(`${baseUrl}/api/tenants/1/members`, {
      body: '{"email":',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.' }] })
  })

  it('refuses to start in production with a weak secret', async () => {
    const weak = startApp({ DATABASE_URL: database.url, PAYLOAD_SECRET: 'too-short', PORT: String(await freePort()) })
    expect(await weak.exit).not.toBe(0)
    expect(weak.output()).toMatch(/PAYLOAD_SECRET must be set/)
  })
})
