// The built app as it runs in production (`npm start`), over real HTTP on 127.0.0.1.
// Needs `npm run build` first; runs with ATELIER_E2E=1 (`npm run test:e2e`).
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'

const ADMIN = { email: 'ops@studio.test', password: 'a-long-production-password' }
const DEMO_PASSWORD = 'demo-password-e2e'

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

type Started = { exit: Promise<number | null>; output: () => string; process: ChildProcess }

function startApp(env: Record<string, string>): Started {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { exit, output: () => output, process: child }
}

async function waitForHealth(baseUrl: string, app: Started, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`The app exited early:\n${app.output()}`)
    try {
      const response = await fetch(`${baseUrl}/api/health`)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`No healthy answer within ${timeoutMs} ms:\n${app.output()}`)
}

describe('npm start (production build)', () => {
  let app: Started
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
