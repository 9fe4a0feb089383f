// Acceptance for artist sites, with real processes: the production build, the template site started by the
// local deployer, and the admin in Debian's Chromium (Approve, the sites list, Regenerate key).
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const GRACE_SECONDS = 3

describe('artist sites end to end', () => {
  let e2e: E2eApp
  let baseUrl: string
  let browser: Browser
  let page: Page
  let sitesDir: string
  let artistId: number
  let siteId: number
  let siteUrl: string

  const api = async (method: string, route: string, body?: unknown) => e2e.api(method, route, body)
  const me = (key: string) => fetch(`${baseUrl}/api/sites/me`, { headers: { 'X-Site-Key': key } }).then((response) => response.status)
  const siteKeyFile = () => readFile(path.join(sitesDir, `site-${siteId}`, 'key'), 'utf8')

  beforeAll(async () => {
    sitesDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-e2e-sites-'))
    e2e = await startE2eApp({
      ATELIER_DEPLOYER: 'local',
      ATELIER_SITES_ALLOW_PRIVATE: 'true',
      ATELIER_SITES_ALLOWED_DOMAINS: 'localhost',
      ATELIER_SITES_HTTP_HOSTS: 'localhost',
      ATELIER_SITES_KEY_GRACE_SECONDS: String(GRACE_SECONDS),
      ATELIER_SITES_LOCAL_DIR: sitesDir,
    })
    baseUrl = e2e.baseUrl
    const tenant = await api('POST', '/tenants', { name: 'Studio Nord', slug: `nord-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris', defaultCurrency: 'EUR' })
    expect(tenant.status).toBe(201)
    const artist = await api('POST', '/artists', { email: 'ines@studio.test', name: 'Inès Vidal', tenant: (tenant.body.doc as { id: number }).id })
    expect(artist.status).toBe(201)
    artistId = (artist.body.doc as { id: number }).id

    browser = await launchChromium()
    page = await browser.newPage()
    await signInToAdmin(page, baseUrl, e2e.admin)
  })

  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
    if (sitesDir) await rm(sitesDir, { force: true, recursive: true })
  })

  it('Approve in the admin starts the template site, which registers and shows up active, linked to the artist', async () => {
    await page.goto(`${baseUrl}/admin/collections/artists/${artistId}`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/Deployment started \(local\)/)

    await expect
      .poll(async () => ((await api('GET', '/sites?depth=0')).body.docs as { status: string }[])[0]?.status, { timeout: 30_000 })
      .toBe('active')
    const [site] = (await api('GET', '/sites?depth=0')).body.docs as { artist: number; id: number; url: string }[]
    expect(site!.artist).toBe(artistId)
    siteId = site!.id
    siteUrl = site!.url
    expect(siteUrl).toMatch(/^http:\/\/localhost:\d+$/)
    expect(await (await fetch(siteUrl)).text()).toContain('Inès Vidal')
  })

  it('the sites list shows a status badge, a link, the masked key, the artist and relative times', async () => {
    await page.goto(`${baseUrl}/admin/collections/sites`, { waitUntil: 'networkidle' })
    const row = page.locator('tbody tr').first()
    await expect.poll(() => row.locator('[data-status]').textContent()).toBe('active')
    expect(await row.locator(`a[href="${siteUrl}"]`).count()).toBe(1)
    const key = await siteKeyFile()
    expect(await row.locator('code[aria-label^="key starting"]').textContent()).toBe(`${key.slice(0, 8)}…`)
    expect(await row.textContent()).toContain('Inès Vidal')
    // Created and last sync, both relative.
    expect(await row.locator('time').count()).toBe(2)
    for (const time of await row.locator('time').all()) expect(await time.textContent()).toMatch(/now|second|minute/)
    expect(await row.textContent()).not.toContain(key)
    if (process.env.ATELIER_E2E_SCREENSHOTS) await page.screenshot({ fullPage: true, path: path.join(process.env.ATELIER_E2E_SCREENSHOTS, 'sites-list.png') })
  })

  it('Regenerate key: confirm, see the new key once; the site receives it; the old key lapses after the grace window', async () => {
    const oldKey = await siteKeyFile()
    await page.goto(`${baseUrl}/admin/collections/sites/${siteId}`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Regenerate key' }).click()
    await page.getByRole('button', { name: 'Regenerate', exact: true }).click()
    const shown = page.getByTestId('new-site-key')
    await expect.poll(() => shown.textContent(), { timeout: 15_000 }).toMatch(/^[\w-]{43}$/)
    const newKey = (await shown.textContent())!
    await expect.poll(() => page.getByText('The site received its new key.').count()).toBe(1)
    if (process.env.ATELIER_E2E_SCREENSHOTS) await page.screenshot({ fullPage: true, path: path.join(process.env.ATELIER_E2E_SCREENSHOTS, 'site-new-key.png') })

    const health = (await (await fetch(`${siteUrl}/health`)).json()) as { keyPrefix: string }
    expect(health.keyPrefix).toBe(newKey.slice(0, 8))
    expect(await siteKeyFile()).toBe(newKey)
    expect(await me(newKey)).toBe(200)
    expect(await me(oldKey)).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500))
    expect(await me(oldKey)).toBe(401)
    expect(await me(newKey)).toBe(200)

    // After a reload the key is gone for good.
    await page.reload({ waitUntil: 'networkidle' })
    expect(await page.content()).not.toContain(newKey)
  })

  it('Delete asks for confirmation first, then removes the site', async () => {
    await page.goto(`${baseUrl}/admin/collections/sites/${siteId}`, { waitUntil: 'networkidle' })
    await page.locator('.doc-controls__dots').click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('Confirm deletion').waitFor()
    expect((await api('GET', `/sites/${siteId}`)).status).toBe(200)
    await page.getByRole('button', { name: 'Confirm', exact: true }).click()
    await expect.poll(async () => (await api('GET', `/sites/${siteId}`)).status, { timeout: 15_000 }).toBe(404)
  })
})
