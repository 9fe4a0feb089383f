// The admin permission matrix in a real browser (Debian's Chromium), against the production build.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'
import { freePort, startApp, type StartedApp, waitForHealth } from './app'
import { signInToAdmin } from './harness'

const ADMIN = { email: 'ops@studio.test', password: 'a-long-production-password' }
const CHROMIUM = '/usr/bin/chromium'

describe('admin permission matrix', () => {
  let app: StartedApp
  let baseUrl: string
  let browser: Browser
  let database: { name: string; url: string }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (.ci/run does).`)
    database = await createThrowawayDatabase(inject('databaseServerUrl'), inject('testRunId'))
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    app = await startApp({
      ATELIER_ADMIN_EMAIL: ADMIN.email,
      ATELIER_ADMIN_PASSWORD: ADMIN.password,
      ATELIER_PUBLIC_URL: baseUrl,
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
    })
    await waitForHealth(baseUrl, app)
    browser = await chromium.launch({
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      executablePath: CHROMIUM,
    })
  })

  afterAll(async () => {
    await browser?.close()
    app?.process.kill('SIGTERM')
    await app?.exit
    if (database) await dropDatabase(inject('databaseServerUrl'), database.name)
  })

  const editorPermissions = async (token: string) => {
    const response = await fetch(`${baseUrl}/api/roles?where[slug][equals]=editor&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const { docs } = (await response.json()) as { docs: { permissions: { actions: string[]; resource: string }[] }[] }
    return docs[0]!.permissions
  }

  it('a super admin ticks a box and the role gains the permission through the API', async () => {
    const page = await browser.newPage()
    await signInToAdmin(page, baseUrl, ADMIN)

    await page.goto(`${baseUrl}/admin/permissions`, { waitUntil: 'networkidle' })
    const box = page.getByLabel('editor tenants update')
    await expect.poll(() => box.isChecked()).toBe(false)
    // Inherited cells are shown, and locked.
    expect(await page.getByLabel('admin media delete').isChecked()).toBe(true)
    expect(await page.getByLabel('admin media delete').isDisabled()).toBe(true)

    await box.click()
    await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(true)

    const login = await fetch(`${baseUrl}/api/users/login`, { body: JSON.stringify(ADMIN), headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    const { token } = (await login.json()) as { token: string }
    const grantsTenantUpdate = async () =>
      (await editorPermissions(token)).some((entry) => entry.resource === 'tenants' && entry.actions.includes('update'))
    expect(await grantsTenantUpdate()).toBe(true)

    await box.click()
    await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(false)
    expect(await grantsTenantUpdate()).toBe(false)
    await page.close()
  })
})
