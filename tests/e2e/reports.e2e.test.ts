// The Reports view in Debian's Chromium against the production build, signed in as a studio's owner: the nav
// link, "Revenue by month" run to a table (money from minor units, totals) and an SVG chart, a header click
// that re-sorts, the CSV download under the server's file name, a custom report with a form problem and a
// server refusal shown beside the form, a schedule made for two of the studio's members, and axe.
import type { Browser, Page } from 'playwright-core'

import AxeBuilder from '@axe-core/playwright'

import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const ZONE = 'Europe/Paris'
const DAY_MS = 86_400_000

describe('the Reports view in the admin', () => {
  let e2e: E2eApp
  let browser: Browser
  let page: Page
  let tenantId: number
  let staffId: number
  let ownerId: number
  const owner = { email: `owner-${randomBytes(3).toString('hex')}@studio.test`, password: 'correct-horse-battery-staple' }
  const staffEmail = `staff-${randomBytes(3).toString('hex')}@studio.test`

  /** Paid deposits of 120.00 (62 days ago) and 80.00 (3 days ago, with a 30.00 refund): two months. */
  async function seedRevenue(roomId: number) {
    const client = new pg.Client({ connectionString: e2e.databaseUrl })
    await client.connect()
    try {
      const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString()
      const bookingIds: number[] = []
      for (const [index, daysAgo] of [62, 3].entries()) {
        const start = at(daysAgo)
        const end = new Date(Date.parse(start) + 3_600_000).toISOString()
        const { rows } = await client.query<{ id: number }>(
          `insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid, created_at)
           values ($1, $2, $3, 'Mme Durand', 'durand@example.com', $4, $5, $5, 'confirmed', 'public', 40000, $6, 'EUR', $6, $4) returning id`,
          [tenantId, `RPT-${index}`, roomId, start, end, index === 0 ? 12000 : 8000],
        )
        bookingIds.push(rows[0]!.id)
      }
      const payments: number[] = []
      for (const [index, bookingId] of bookingIds.entries()) {
        const { rows } = await client.query<{ id: number }>(
          `insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at) values ($1, $2, $3, $4, 'EUR', 'paid', $5) returning id`,
          [tenantId, bookingId, `cs_rpt_${index}`, index === 0 ? 12000 : 8000, at(index === 0 ? 62 : 3)],
        )
        payments.push(rows[0]!.id)
      }
      await client.query(
        `insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at) values ($1, $2, $3, 'rf-rpt', 3000, 'EUR', 'cancellation', 'succeeded', $4)`,
        // At the second payment's instant: the same month whatever today is.
        [tenantId, payments[1], bookingIds[1], at(3)],
      )
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    e2e = await startE2eApp()
    const studio = await createStudio(e2e, { name: 'Atelier Lumière', slug: `lumiere-${randomBytes(2).toString('hex')}`, timezone: ZONE })
    tenantId = studio.tenantId
    const madeOwner = await e2e.api('POST', '/users', { ...owner, name: 'Olive Owner', tenants: [{ role: 'owner', tenant: tenantId }] })
    expect(madeOwner.status, madeOwner.text).toBe(201)
    ownerId = (madeOwner.body.doc as { id: number }).id
    const staff = await e2e.api('POST', '/users', { email: staffEmail, name: 'Sam Staff', password: 'another-long-password', tenants: [{ role: 'staff', tenant: tenantId }] })
    expect(staff.status, staff.text).toBe(201)
    staffId = (staff.body.doc as { id: number }).id
    await seedRevenue(studio.roomId)
    browser = await launchChromium()
    const context = await browser.newContext({ acceptDownloads: true, viewport: { height: 1100, width: 1440 } })
    await context.addCookies([{ name: 'payload-tenant', url: e2e.baseUrl, value: String(tenantId) }])
    page = await context.newPage()
    await signInToAdmin(page, e2e.baseUrl, owner)
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
  })

  it('runs “Revenue by month”: a table with its totals, an SVG chart, and a re-sort by a header', async () => {
    expect(await page.textContent('nav a[href="/admin/reports"]')).toBe('Reports')
    await page.goto(`${e2e.baseUrl}/admin/reports`, { waitUntil: 'networkidle' })
    await page.waitForSelector('#report-choice option[value=revenue-by-month]', { state: 'attached' })
    await page.selectOption('#report-choice', { label: 'Revenue by month' })
    expect(await page.textContent('[data-testid=report-description]')).toContain('Paid deposits')
    await page.click('button:has-text("Run report")')
    await page.waitForSelector('[data-testid=report-table] tbody tr')
    expect(await page.textContent('[data-testid=report-meta]')).toContain(ZONE)
    const totals = (await page.textContent('[data-testid=report-totals]')) ?? ''
    expect(totals).toContain('€200.00')
    expect(totals).toContain('-€30.00')
    expect(totals).toContain('€170.00')
    expect(await page.locator('[data-testid=report-table] tbody tr').count()).toBe(2)
    await page.waitForSelector('[data-testid=report-chart] svg.recharts-surface')
    expect(await page.getAttribute('[data-testid=report-chart]', 'data-chart-kind')).toBe('line')
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/reports.png' })

    const net = page.locator('[data-testid=report-table] th[data-key=net]')
    await net.locator('button').click()
    await expect.poll(() => net.getAttribute('aria-sort')).toBe('ascending')
    expect(await page.locator('[data-testid=report-table] tbody tr').first().textContent()).toContain('€50.00')
    await net.locator('button').click()
    await expect.poll(() => net.getAttribute('aria-sort')).toBe('descending')
    expect(await page.locator('[data-testid=report-table] tbody tr').first().textContent()).toContain('€120.00')
  })

  it('downloads the CSV under the name the server gives it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format=csv]')])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    expect(download.suggestedFilename().toLowerCase()).toContain('revenue')
    const csv = await readFile((await download.path())!, 'utf8')
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(header!.toLowerCase()).toContain('currency')
    expect(lines.join('\n')).toContain('120.00')
    expect(lines.join('\n')).toContain('50.00')
  })

  it('builds a custom report, and shows the form’s problem and the server’s refusal beside it', async () => {
    await page.selectOption('#report-choice', { value: '' })
    await page.selectOption('#report-source', 'bookings')
    await page.click('button:has-text("Add a filter")')
    await page.selectOption('#report-filter-0', 'hours')
    await page.fill('#report-filter-0-value', 'two')
    await page.click('button:has-text("Run report")')
    expect(await page.textContent('[data-testid=report-errors]')).toContain('Filter 1: Enter a number.')

    await page.fill('#report-filter-0-value', '1')
    await page.click('button:has-text("Run report")')
    await expect.poll(async () => (await page.textContent('[data-testid=report-result] caption')) ?? '').toContain('Bookings')
    expect(await page.textContent('[data-testid=report-errors]')).toBe('')

    // A conversion the server cannot make (no rates are loaded here, and occupancy has no money) is refused
    // with its message beside the form, and the report shown before stays.
    await page.selectOption('#report-choice', { value: 'occupancy-by-room-week' })
    await page.fill('#report-currency', 'USD')
    await page.click('button:has-text("Run report")')
    await expect.poll(async () => (await page.textContent('[data-testid=report-errors]')) ?? '').toMatch(/exchange rates|no money to convert/)
    expect(await page.locator('[data-testid=report-table]').count()).toBe(1)
    await page.fill('#report-currency', '')
  })

  it('schedules the chosen report for two of the studio’s members', async () => {
    await page.selectOption('#report-choice', { value: 'revenue-by-month' })
    await page.waitForSelector(`#schedule-recipient-${staffId}`)
    expect(await page.inputValue('#schedule-template')).toBe('revenue-by-month')
    await page.fill('#schedule-name', 'Monthly revenue for the accountant')
    await page.selectOption('#schedule-frequency', 'WEEKLY')
    await page.selectOption('#schedule-weekday', '5')
    await page.fill('#schedule-send-at', '07:30')
    await page.check(`#schedule-recipient-${staffId}`)
    await page.check(`#schedule-recipient-${ownerId}`)
    await page.click('button:has-text("Create schedule")')
    await page.waitForSelector('[data-testid=schedule-table] td:has-text("Monthly revenue for the accountant")')
    const listed = (await e2e.api('GET', `/reports/scheduled?tenant=${tenantId}`)).body as { docs: { format: string; frequency: string; recipients: number[]; sendAt: string; template: string; weekday: number }[] }
    expect(listed.docs).toHaveLength(1)
    expect(listed.docs[0]).toMatchObject({ format: 'pdf', frequency: 'WEEKLY', sendAt: '07:30', template: 'revenue-by-month', weekday: 5 })
    expect([...listed.docs[0]!.recipients].sort()).toEqual([ownerId, staffId].sort())
    expect(await page.textContent('[data-testid=schedule-table]')).toContain('Weekly, Friday, 07:30')
    // The next run reads in the studio's zone, whatever the browser's.
    expect(await page.textContent('[data-testid=schedule-table] tbody tr td:nth-child(6)')).toMatch(/07:30 AM GMT\+[12]/)
  })

  it('has nothing serious for axe in the view (Payload’s own panel around it is Payload’s)', async () => {
    await page.selectOption('#report-choice', { value: '' })
    await page.click('button:has-text("Run report")')
    await page.waitForSelector('[data-testid=report-table] tbody tr')
    const { passes, violations } = await new AxeBuilder({ page }).include('[data-testid=reports]').analyze()
    expect(passes.length).toBeGreaterThan(5)
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([])
  })
})
