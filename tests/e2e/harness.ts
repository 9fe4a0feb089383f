// What every e2e file needs: the production build on a throwaway database with a super admin logged in
// over REST, a studio with a room, and Debian's Chromium.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { freePort, startApp, type StartedApp, waitForHealth } from './app'

export const CHROMIUM = '/usr/bin/chromium'
export const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const ADMIN_PASSWORD = 'a-long-production-password'

export type ApiAnswer = { body: Record<string, unknown>; status: number; text: string }

export type E2eApp = {
  /** The super admin's credentials, for logging in through the admin panel. */
  admin: { email: string; password: string }
  /** A call to the app's REST API, as the super admin unless `asAdmin` is false. */
  api: (method: string, route: string, body?: unknown, options?: { asAdmin?: boolean; headers?: Record<string, string> }) => Promise<ApiAnswer>
  app: StartedApp
  baseUrl: string
  databaseUrl: string
  stop: () => Promise<void>
}

export async function startE2eApp(env: Record<string, string> = {}): Promise<E2eApp> {
  const database = await createThrowawayDatabase(inject('databaseServerUrl'), inject('testRunId'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const admin = { email: `ops-${randomBytes(3).toString('hex')}@studio.test`, password: ADMIN_PASSWORD }
  const app = startApp({
    ATELIER_ADMIN_EMAIL: admin.email,
    ATELIER_ADMIN_PASSWORD: admin.password,
    ATELIER_PUBLIC_URL: baseUrl,
    // The production build refreshes rates at start: a closed local port, never the ECB.
    ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml',
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    ...env,
  })
  const stop = async () => {
    app.process.kill('SIGTERM')
    await app.exit
    await dropDatabase(inject('databaseServerUrl'), database.name)
  }
  try {
    await waitForHealth(baseUrl, app)
  } catch (error) {
    await stop()
    throw error
  }
  let token = ''
  const api: E2eApp['api'] = async (method, route, body, { asAdmin = true, headers = {} } = {}) => {
    const response = await fetch(`${baseUrl}/api${route}`, {
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(asAdmin && token ? { Authorization: `JWT ${token}` } : {}), ...headers },
      method,
    })
    const text = await response.text()
    let parsed: Record<string, unknown> = {}
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    } catch {
      // not JSON: callers look at `text`
    }
    return { body: parsed, status: response.status, text }
  }
  token = ((await api('POST', '/users/login', admin, { asAdmin: false })).body as { token: string }).token
  return { admin, api, app, baseUrl, databaseUrl: database.url, stop }
}

/** A studio with a default policy and one room open 08:00–20:00 every day; returns their ids. */
export async function createStudio(
  e2e: E2eApp,
  studio: { currency?: string; depositPercent?: number; name: string; slug: string; timezone: string },
  room: Record<string, unknown> = {},
): Promise<{ roomId: number; tenantId: number }> {
  const tenant = await e2e.api('POST', '/tenants', { defaultCurrency: studio.currency ?? 'EUR', defaultLocale: 'en', name: studio.name, slug: studio.slug, timezone: studio.timezone })
  if (tenant.status !== 201) throw new Error(`Tenant: ${tenant.status} ${tenant.text}`)
  const tenantId = (tenant.body.doc as { id: number }).id
  const policy = await e2e.api('POST', '/booking-policies', { autoConfirmOnDeposit: true, depositPercent: studio.depositPercent ?? 25, depositType: 'percentage', holdMinutes: 30, isDefault: true, name: 'Standard', tenant: tenantId })
  if (policy.status !== 201) throw new Error(`Policy: ${policy.status} ${policy.text}`)
  const created = await e2e.api('POST', '/rooms', {
    active: true,
    bufferMinutes: 0,
    capacity: 2,
    hourlyRate: 4000,
    leadTimeMinutes: 0,
    maxMinutes: 180,
    minMinutes: 60,
    name: 'Studio B',
    openingHours: EVERY_DAY.map((weekday) => ({ closes: '20:00', opens: '08:00', weekday })),
    slotStepMinutes: 60,
    slug: 'studio-b',
    tenant: tenantId,
    ...room,
  })
  if (created.status !== 201) throw new Error(`Room: ${created.status} ${created.text}`)
  return { roomId: (created.body.doc as { id: number }).id, tenantId }
}

/** The studio the page tests book in: Studio A, 25.00 an hour, open 09:00–18:00, an hour's notice. */
export const createPageStudio = (e2e: E2eApp, slug: string, timezone: string) =>
  createStudio(
    e2e,
    { depositPercent: 30, name: 'Atelier Lumière', slug, timezone },
    { hourlyRate: 2500, leadTimeMinutes: 60, name: 'Studio A', openingHours: EVERY_DAY.map((weekday) => ({ closes: '18:00', opens: '09:00', weekday })), slug: 'studio-a' },
  )

export type PageSuite = { baseUrl: string; browser: Browser; e2e: E2eApp; roomId: number; smtp: SmtpTestServer; tenantId: number }

/** Registers the before/after hooks of a page test file: a mail server, app, the page studio, Chromium. Read it in tests. */
export function pageStudioSuite(slug: string, timezone: string): PageSuite {
  const suite = {} as PageSuite
  beforeAll(async () => {
    suite.smtp = await startSmtpServer()
    // Every booking of these tests comes from 127.0.0.1: more open ones than a single client may hold.
    suite.e2e = await startE2eApp({ ...suite.smtp.env, ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '100', ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    suite.baseUrl = suite.e2e.baseUrl
    ;({ roomId: suite.roomId, tenantId: suite.tenantId } = await createPageStudio(suite.e2e, slug, timezone))
    suite.browser = await launchChromium()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.e2e?.stop()
    await suite.smtp?.close()
  })
  return suite
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (.ci/run does).`)
  return chromium.launch({
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    executablePath: CHROMIUM,
  })
}

/**
 * Fills and submits the admin's login form shown on `page`. Before hydration a late render can empty the
 * fields (the request then goes out empty: 400) and a click can send nothing (under load the page is idle
 * before it hydrates), so both are retried until the login answers 200.
 */
export async function submitAdminLogin(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 5) throw new Error('The login form never sent the credentials typed into it.')
    await page.fill('#field-email', email)
    await page.fill('#field-password', password)
    await page.waitForTimeout(200)
    if ((await page.inputValue('#field-email')) !== email || (await page.inputValue('#field-password')) !== password) continue
    const sent = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/users/login', { timeout: 10_000 })
    await page.click('button[type=submit]')
    const answer = await sent.catch(() => null)
    if (answer?.status() === 200) return
    if (answer && answer.status() !== 400) throw new Error(`The login answered ${answer.status()}.`)
  }
}

/** Signs in through the admin's login form and waits for the dashboard. */
export async function signInToAdmin(page: Page, baseUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`, { waitUntil: 'networkidle' })
  await submitAdminLogin(page, credentials)
  await page.waitForURL((url) => url.pathname === '/admin')
}
