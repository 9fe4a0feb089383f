// Languages in Debian's Chromium against the production build: the booking page's language menu switches its
// strings; a studio's own wording, saved over REST or filled in the admin's missing-translations list, shows.
import type { Browser, Page } from 'playwright-core'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

describe('languages in the browser', () => {
  let e2e: E2eApp
  let browser: Browser
  let slug: string
  let tenantId: number

  const eyebrowOf = async (page: Page) => (await page.locator('header p').first().textContent())?.trim()

  beforeAll(async () => {
    e2e = await startE2eApp()
    slug = `langues-${randomBytes(2).toString('hex')}`
    ;({ tenantId } = await createStudio(e2e, { name: 'Atelier des Langues', slug, timezone: 'Europe/Paris' }))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
  })

  it('switches the page’s strings from its language menu, and keeps the choice in a cookie', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(`${e2e.baseUrl}/${slug}/book`, { waitUntil: 'networkidle' })
    expect(await eyebrowOf(page)).toBe('Book a room')
    await page.selectOption('#language-menu', 'fr')
    await expect.poll(() => eyebrowOf(page)).toBe('Réserver une salle')
    expect((await context.cookies()).find((cookie) => cookie.name === 'atelier-lang')?.value).toBe('fr')
    await page.reload({ waitUntil: 'networkidle' })
    expect(await eyebrowOf(page)).toBe('Réserver une salle')
    await context.close()
  })

  it('shows a studio’s own wording: saved over REST, and filled in the admin’s missing-translations list', async () => {
    const saved = await e2e.api('POST', '/translations?locale=fr', { key: 'booking.eyebrow', namespace: 'booking-page', tenant: tenantId, value: 'Réservez chez nous' })
    expect(saved.status, saved.text).toBe(201)
    const visitor = await browser.newContext()
    await visitor.addCookies([{ name: 'atelier-lang', url: e2e.baseUrl, value: 'fr' }])
    const page = await visitor.newPage()
    await page.goto(`${e2e.baseUrl}/${slug}/book`, { waitUntil: 'networkidle' })
    expect(await eyebrowOf(page)).toBe('Réservez chez nous')

    // German has no text of its own yet: English shows, and the admin lists the key as missing.
    await visitor.addCookies([{ name: 'atelier-lang', url: e2e.baseUrl, value: 'de' }])
    await page.reload({ waitUntil: 'networkidle' })
    expect(await eyebrowOf(page)).toBe('Book a room')
    const editor = await browser.newContext({ viewport: { height: 1000, width: 1500 } })
    await editor.addCookies([{ name: 'payload-tenant', url: e2e.baseUrl, value: String(tenantId) }])
    const admin = await editor.newPage()
    await signInToAdmin(admin, e2e.baseUrl, e2e.admin)
    await admin.goto(`${e2e.baseUrl}/admin/collections/translations`, { waitUntil: 'networkidle' })
    await admin.selectOption('#missing-locale', 'de')
    const row = admin.locator('[data-testid=missing-translations] li[data-key="booking.eyebrow"]')
    await row.waitFor()
    await row.locator('input').fill('Einen Raum buchen')
    await row.locator('button:has-text("Save")').click()
    await row.waitFor({ state: 'detached' })
    await admin.screenshot({ fullPage: false, path: 'docs/screenshots/missing-translations.png' })
    await page.reload({ waitUntil: 'networkidle' })
    expect(await eyebrowOf(page)).toBe('Einen Raum buchen')
    await editor.close()
    await visitor.close()
  })
})
