// A studio's theme in Debian's Chromium against the production build: the booking page takes its colours from
// the studio's default theme (light, and dark when the system asks), the platform's look without one; the
// theme's colour fields show each pair's contrast as it is typed.
import type { Browser, Page } from 'playwright-core'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const primaryOf = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--atelier-primary').trim())

describe('studio themes in the browser', () => {
  let e2e: E2eApp
  let browser: Browser
  let themed: string
  let plain: string
  let themeId: number

  beforeAll(async () => {
    e2e = await startE2eApp()
    themed = `lac-${randomBytes(2).toString('hex')}`
    plain = `nu-${randomBytes(2).toString('hex')}`
    const { tenantId } = await createStudio(e2e, { name: 'Atelier du Lac', slug: themed, timezone: 'Europe/Paris' })
    await createStudio(e2e, { name: 'Atelier Nu', slug: plain, timezone: 'Europe/Paris' })
    const theme = await e2e.api('POST', '/themes', { dark: { primary: '#5eead4', radius: 2 }, isDefault: true, light: { primary: '#0f766e', radius: 2 }, name: 'Lac', tenant: tenantId })
    expect(theme.status, theme.text).toBe(201)
    themeId = (theme.body.doc as { id: number }).id
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
  })

  it('renders the booking page in the studio’s theme, light and dark, and the platform’s look without one', async () => {
    for (const [colorScheme, expected] of [['light', '#0f766e'], ['dark', '#5eead4']] as const) {
      const context = await browser.newContext({ colorScheme })
      const page = await context.newPage()
      await page.goto(`${e2e.baseUrl}/${themed}/book`, { waitUntil: 'networkidle' })
      await page.getByRole('button', { name: /Studio B/ }).waitFor()
      expect(await primaryOf(page), colorScheme).toBe(expected)
      // The room card's corners follow the theme's 2px radius (the platform's is 6px).
      const radius = await page.getByRole('button', { name: /Studio B/ }).evaluate((element) => getComputedStyle(element).borderTopLeftRadius)
      expect(Number.parseFloat(radius), colorScheme).toBeLessThan(4)
      if (colorScheme === 'dark') await page.screenshot({ fullPage: false, path: 'docs/screenshots/booking-theme-dark.png' })
      await context.close()
    }
    const page = await browser.newPage()
    await page.goto(`${e2e.baseUrl}/${plain}/book`, { waitUntil: 'networkidle' })
    expect(await primaryOf(page)).toBe('#1d4ed8')
    await page.close()
  })

  it('shows each pair’s contrast as a colour is typed in the theme’s form', async () => {
    const context = await browser.newContext({ viewport: { height: 1000, width: 1500 } })
    const page = await context.newPage()
    await signInToAdmin(page, e2e.baseUrl, e2e.admin)
    await page.goto(`${e2e.baseUrl}/admin/collections/themes/${themeId}`, { waitUntil: 'networkidle' })
    const text = page.locator('input[name="light.text"]')
    await text.fill('#999999')
    const line = page.locator('li[data-contrast]', { hasText: 'text on surface' }).first()
    await expect.poll(() => line.textContent()).toBe('text on surface: 2.84:1, needs 4.5:1')
    expect(await line.getAttribute('data-contrast')).toBe('fail')
    await text.fill('#1c1917')
    await expect.poll(() => line.getAttribute('data-contrast')).toBe('pass')
    await text.fill('#999999')
    await line.scrollIntoViewIfNeeded()
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/theme-contrast.png' })
    await context.close()
  })

  it('follows a person’s own admin theme and colours, chosen on their account page', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { height: 1000, width: 1500 } })
    const page = await context.newPage()
    await signInToAdmin(page, e2e.baseUrl, e2e.admin)
    await page.goto(`${e2e.baseUrl}/admin/account`, { waitUntil: 'networkidle' })
    await page.selectOption('#admin-theme-mode', 'dark')
    await page.fill('#admin-theme-primary', '#2563eb')
    await page.click('button:has-text("Save my theme")')
    await page.getByText('Saved.').waitFor()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    // Anywhere in the admin, after a reload: from the stored preference, not the page's state.
    await page.goto(`${e2e.baseUrl}/admin/collections/themes`, { waitUntil: 'networkidle' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--atelier-admin-primary'))).toBe('#2563eb')
    // A colour that would vanish on the dark background is refused, and said so.
    await page.goto(`${e2e.baseUrl}/admin/account`, { waitUntil: 'networkidle' })
    await page.fill('#admin-theme-primary', '#1e3a8a')
    await page.click('button:has-text("Save my theme")')
    await page.getByText(/primary on the admin background #000000: 2\.02:1, needs 3:1/).waitFor()
    await context.close()
  })
})
