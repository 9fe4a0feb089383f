// Money in other currencies, in Debian's Chromium against the production build, with the ECB's file served
// from a loopback server: the public page's currency menu (from the browser's locale, then the cookie) shows
// approximate amounts and says what is charged, and the booking keeps what was shown; a person's display
// currency, chosen on their account page, shows converted amounts beside the money in the bookings list.
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startEcbServer } from '../helpers/ecbServer'
import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const ZONE = 'Europe/Paris'
const today = () => new Date().toISOString().slice(0, 10)

describe('currencies in the browser', () => {
  let ecb: Awaited<ReturnType<typeof startEcbServer>>
  let e2e: E2eApp
  let browser: Browser
  let slug: string
  let tenantId: number

  beforeAll(async () => {
    // Published today: CAD 1.4785, USD 1.0512 per EUR.
    ecb = await startEcbServer({ date: today(), file: 'daily-2026-12-04.xml' })
    e2e = await startE2eApp({ ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '100', ATELIER_RATES_URL: ecb.url })
    const refreshed = await e2e.api('POST', '/currencies/rates/refresh')
    expect(refreshed.status, refreshed.text).toBe(200)
    slug = `devises-${randomBytes(2).toString('hex')}`
    // 40.00 EUR an hour, open 08:00–20:00 every day, no notice needed.
    ;({ tenantId } = await createStudio(e2e, { name: 'Atelier Devises', slug, timezone: ZONE }))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
    await ecb?.close()
  })

  const roomButton = (page: Page) => page.getByRole('button', { name: /Studio B/ })

  it('the public page offers the visitor’s currency, marks it approximate, says what is charged, and the booking keeps it', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'fr-CA', viewport: { height: 900, width: 1000 } })
    // A Canadian browser reading the page in English (its language cookie): the currency still comes from the locale.
    await context.addCookies([{ name: 'atelier-lang', url: e2e.baseUrl, value: 'en' }])
    try {
      const page = await context.newPage()
      await page.goto(`${e2e.baseUrl}/${slug}/book`, { waitUntil: 'networkidle' })
      // A Canadian browser reads Canadian dollars: 40.00 EUR × 1.4785 = 59.14 CAD.
      await expect.poll(() => page.locator('#currency-menu').inputValue()).toBe('CAD')
      expect(await roomButton(page).textContent()).toContain('€40.00 (≈ CA$59.14) per hour')
      expect(await page.textContent('#currency-note')).toBe('You pay in EUR. Amounts in CAD (≈) are approximate, at the European Central Bank’s rate of 4 December 2026.'.replace('4 December 2026', new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC', year: 'numeric' }).format(new Date(`${today()}T00:00:00Z`))))

      // Another choice changes every amount, and the cookie keeps it over a reload.
      await page.selectOption('#currency-menu', 'USD')
      expect(await roomButton(page).textContent()).toContain('€40.00 (≈ US$42.05) per hour')
      await page.reload({ waitUntil: 'networkidle' })
      await expect.poll(() => page.locator('#currency-menu').inputValue()).toBe('USD')
      await page.screenshot({ fullPage: false, path: 'docs/screenshots/booking-currency.png' })
      await page.selectOption('#currency-menu', 'EUR')
      expect(await page.textContent('#currency-note')).toBe('Prices are in EUR, the currency you pay in.')
      expect(await roomButton(page).textContent()).not.toContain('≈')
      await page.selectOption('#currency-menu', 'USD')

      // Book the first free slot: the confirmation and the stored booking carry what was shown.
      await roomButton(page).click()
      await page.getByText(`Times are in ${ZONE}`).waitFor()
      await page.getByRole('button', { name: 'Next week', exact: true }).click()
      await page.locator('button[data-start]').first().click()
      await page.getByLabel('Name').fill('Camille Tremblay')
      await page.getByLabel('Email').fill('camille@example.test')
      await page.getByRole('button', { name: 'Book this time' }).click()
      const ref = (await page.getByTestId('booking-ref').textContent())!
      expect(await page.locator('main').textContent()).toContain('€40.00 (≈ US$42.05)')
      const stored = await e2e.api('GET', `/bookings?where[ref][equals]=${encodeURIComponent(ref)}&depth=0`)
      const booking = (stored.body.docs as { currency: string; display: unknown; price: number }[])[0]!
      expect(booking).toMatchObject({ currency: 'EUR', display: { amount: 4205, currency: 'USD', rate: '1.0512', rateDate: today() }, price: 4000 })
    } finally {
      await context.close()
    }
  })

  it('a person’s display currency, chosen on their account page, shows beside the money in the bookings list', async () => {
    const context = await browser.newContext({ viewport: { height: 1000, width: 1500 } })
    try {
      await context.addCookies([{ name: 'payload-tenant', url: e2e.baseUrl, value: String(tenantId) }])
      const page = await context.newPage()
      await signInToAdmin(page, e2e.baseUrl, e2e.admin)
      await page.goto(`${e2e.baseUrl}/admin/account`, { waitUntil: 'networkidle' })
      await page.locator('#field-displayCurrency option[value=CAD]').waitFor({ state: 'attached' })
      await page.selectOption('#field-displayCurrency', 'CAD')
      await page.getByText('Saved.').waitFor()
      expect(((await e2e.api('GET', '/user/currency')).body as { currency: string }).currency).toBe('CAD')

      await page.goto(`${e2e.baseUrl}/admin/collections/bookings?where[tenant][equals]=${tenantId}`, { waitUntil: 'networkidle' })
      const table = page.locator('table')
      // 40.00 EUR: as charged, then converted for this reader (× 1.4785 = 59.14 CAD).
      await expect.poll(() => table.textContent()).toContain('€40.00 (≈ CA$59.14)')
      await page.locator('td:has-text("≈")').first().scrollIntoViewIfNeeded()
      await page.screenshot({ fullPage: false, path: 'docs/screenshots/bookings-display-currency.png' })
    } finally {
      await context.close()
    }
  })
})
