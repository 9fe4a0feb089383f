// The studio's day in the panel, in Debian's Chromium against the production build: the dashboard's
// figures equal the database's; the calendar confirms a booking, makes a staff booking over a selected
// range, and shows the 409 of an overlapping one inline; axe finds nothing serious on the public booking
// page, the customer's page and the dashboard.
import type { Browser, Page } from 'playwright-core'

import AxeBuilder from '@axe-core/playwright'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const ZONE = 'Europe/Paris'

describe('dashboard and calendar in the admin', () => {
  let e2e: E2eApp
  let browser: Browser
  let page: Page
  let tenantId: number
  let bookingId: number
  let slug: string
  let roomId: number

  /** Today at `time` in the studio's zone, as an instant. */
  const todayAt = (time: string) => {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date())
    const guess = new Date(`${date}T${time}:00Z`)
    const offset = new Date(guess.toLocaleString('en-US', { timeZone: ZONE })).getTime() - new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()
    return new Date(guess.getTime() - offset).toISOString()
  }
  const bookingStatus = async (id: number) => ((await e2e.api('GET', `/bookings/${id}?depth=0`)).body as { status: string }).status

  beforeAll(async () => {
    e2e = await startE2eApp()
    slug = `lumiere-${randomBytes(2).toString('hex')}`
    ;({ roomId, tenantId } = await createStudio(e2e, { name: 'Atelier Lumière', slug, timezone: ZONE }, { bufferMinutes: 0 }))
    const created = await e2e.api('POST', '/bookings', { customer: { email: 'durand@example.com', name: 'Mme Durand' }, end: todayAt('09:00'), room: roomId, start: todayAt('08:00'), tenant: tenantId })
    expect(created.status).toBe(201)
    bookingId = (created.body.doc as { id: number }).id
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { height: 1000, width: 1500 } })
    // The admin's studio selector keeps its choice in this cookie.
    await context.addCookies([{ name: 'payload-tenant', url: e2e.baseUrl, value: String(tenantId) }])
    page = await context.newPage()
    await signInToAdmin(page, e2e.baseUrl, e2e.admin)
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
  })

  it('shows the studio’s figures as the database counts them', async () => {
    await page.waitForSelector('[data-testid=studio-dashboard] [data-figure=pendingBookings]')
    const pending = (await e2e.api('GET', `/bookings?where[tenant][equals]=${tenantId}&where[status][equals]=pending&limit=0`)).body as { totalDocs: number }
    const rooms = (await e2e.api('GET', `/rooms?where[tenant][equals]=${tenantId}&where[active][equals]=true&limit=0`)).body as { totalDocs: number }
    expect(await page.textContent('[data-figure=pendingBookings]')).toBe(String(pending.totalDocs))
    expect(await page.textContent('[data-figure=rooms]')).toBe(String(rooms.totalDocs))
    expect(await page.textContent('[data-figure=bookingsToday]')).toBe('1')
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/dashboard.png' })
  })

  it('confirms a booking from the calendar', async () => {
    await page.goto(`${e2e.baseUrl}/admin/calendar`, { waitUntil: 'networkidle' })
    expect(await page.textContent('[data-testid=calendar-zone]')).toContain(ZONE)
    await page.click('.atelier-event-pending')
    await page.click('button:has-text("Confirm booking")')
    await page.waitForSelector('.atelier-event-confirmed')
    expect(await bookingStatus(bookingId)).toBe('confirmed')
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/calendar.png' })
  })

  it('makes a staff booking over a selected range, and shows the 409 of an overlapping one', async () => {
    await page.click('.rbc-toolbar button:text-is("Day")')
    await page.waitForSelector('.rbc-time-view .rbc-day-slot')
    // The first room's column, slots of 30 minutes from 07:00: 10:00 is the seventh.
    const slots = page.locator('.rbc-day-slot').first().locator('.rbc-time-slot')
    const select = async () => {
      const from = (await slots.nth(6).boundingBox())!
      const to = (await slots.nth(7).boundingBox())!
      await page.mouse.move(from.x + from.width / 2, from.y + 2)
      await page.mouse.down()
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 })
      await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2, { steps: 5 })
      await page.mouse.up()
      await page.waitForSelector('aside[aria-label="New booking"]')
    }
    await select()
    await page.fill('input[name=name]', 'Walk-in')
    await page.fill('input[name=email]', 'walk-in@example.com')
    await page.click('button:has-text("Create booking")')
    await page.waitForSelector('aside[aria-label="New booking"]', { state: 'detached' })
    const made = (await e2e.api('GET', `/bookings?where[customer.email][equals]=walk-in@example.com&depth=0`)).body as { docs: { end: string; start: string }[] }
    expect(made.docs).toHaveLength(1)
    expect(made.docs[0]!.start).toBe(todayAt('10:00'))

    await select()
    await page.fill('input[name=name]', 'Second')
    await page.fill('input[name=email]', 'second@example.com')
    await page.click('button:has-text("Create booking")')
    const error = await page.waitForSelector('[data-testid=calendar-error]')
    expect(await error.textContent()).toMatch(/taken|booked|available/i)
    expect(((await e2e.api('GET', '/bookings?where[customer.email][equals]=second@example.com&limit=0')).body as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('confirms, converts and cancels (after the refund quote) from the booking’s own page, and shows a refusal inline', async () => {
    const inTwoDays = (time: string) => new Date(new Date(todayAt(time)).getTime() + 2 * 86_400_000).toISOString()
    const make = async (from: string, to: string) => {
      const made = await e2e.api('POST', '/bookings', { customer: { email: 'doc@example.com', name: 'Doc' }, end: inTwoDays(to), room: roomId, start: inTwoDays(from), tenant: tenantId })
      expect(made.status).toBe(201)
      return (made.body.doc as { id: number }).id
    }
    const [first, second, third] = [await make('10:00', '11:00'), await make('12:00', '13:00'), await make('14:00', '15:00')]
    const open = async (id: number) => {
      await page.goto(`${e2e.baseUrl}/admin/collections/bookings/${id}`, { waitUntil: 'networkidle' })
      await page.waitForSelector('[data-testid=booking-actions] [data-testid=booking-history]')
    }
    const clickAndReload = async (label: string) => {
      await Promise.all([page.waitForEvent('load'), page.click(`[data-testid=booking-actions] button:text-is("${label}")`)])
      await page.waitForSelector('[data-testid=booking-actions] [data-testid=booking-history]')
    }

    await open(first)
    // The room shows by its name, never "Untitled - ID: n"; the status as a pill, not a select.
    expect(await page.textContent('#field-room')).toContain('Studio B')
    expect(await page.locator('[data-testid=booking-actions] [data-status=pending]').count()).toBe(1)
    await clickAndReload('Confirm booking')
    expect(await bookingStatus(first)).toBe('confirmed')
    expect(await page.textContent('[data-testid=booking-history]')).toContain('Pending → Confirmed')
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/booking-actions.png' })
    await clickAndReload('Convert to session')
    expect(await bookingStatus(first)).toBe('converted')
    const sessions = (await e2e.api('GET', `/sessions?where[booking][equals]=${first}&depth=0`)).body as { totalDocs: number }
    expect(sessions.totalDocs).toBe(1)

    await open(second)
    await page.click('[data-testid=booking-actions] button:text-is("Cancel booking…")')
    // Nothing was paid: the quote says so before anything is cancelled.
    expect(await page.textContent('[data-testid=cancel-quote]')).toContain('No refund')
    expect(await bookingStatus(second)).toBe('pending')
    await clickAndReload('Yes, cancel it')
    expect(await bookingStatus(second)).toBe('cancelled')

    // Cancelled elsewhere while the page was open: the server refuses the confirmation, and says why, inline.
    await open(third)
    expect((await e2e.api('POST', `/bookings/${third}/cancel`)).status).toBe(200)
    await page.click('[data-testid=booking-actions] button:text-is("Confirm booking")')
    const refusal = await page.waitForSelector('[data-testid=booking-action-error]')
    expect(await refusal.textContent()).toMatch(/cancelled|confirmed|cannot/i)
    expect(await bookingStatus(third)).toBe('cancelled')
  })

  it('names the booking’s room by its title for the studio’s owner, signed in afresh, in English and in French', async () => {
    const owner = { email: `owner-${randomBytes(3).toString('hex')}@studio.test`, password: 'correct-horse-battery-staple' }
    const made = await e2e.api('POST', '/users', { ...owner, tenants: [{ role: 'owner', tenant: tenantId }] })
    expect(made.status).toBe(201)
    const context = await browser.newContext({ viewport: { height: 900, width: 1300 } })
    try {
      const ownerPage = await context.newPage()
      await signInToAdmin(ownerPage, e2e.baseUrl, owner)
      for (const language of ['en', 'fr']) {
        await context.addCookies([{ name: 'payload-lng', url: e2e.baseUrl, value: language }])
        await ownerPage.goto(`${e2e.baseUrl}/admin/collections/bookings/${bookingId}`, { waitUntil: 'networkidle' })
        await ownerPage.waitForSelector('[data-testid=booking-actions]')
        const room = (await ownerPage.textContent('#field-room')) ?? ''
        expect(room, language).toContain('Studio B')
        expect(room, language).not.toMatch(/Untitled|Sans titre/i)
      }
    } finally {
      await context.close()
    }
  })

  it('shows amounts as money and times in the studio’s zone in the bookings list', async () => {
    await page.goto(`${e2e.baseUrl}/admin/collections/bookings?where[tenant][equals]=${tenantId}`, { waitUntil: 'networkidle' })
    const table = await page.waitForSelector('table')
    const text = (await table.textContent()) ?? ''
    // 40.00 an hour for an hour: "€40.00", never "4000".
    expect(text).toContain('€40.00')
    expect(text).toMatch(/CET|CEST/)
  })

  it('has no serious or critical accessibility violation on the booking page, the customer’s page and the dashboard', async () => {
    const tomorrow = (time: string) => new Date(new Date(todayAt(time)).getTime() + 86_400_000).toISOString()
    const booked = await e2e.api('POST', '/public/booking', { customer: { email: 'axe@example.com', name: 'Axe' }, end: tomorrow('13:00'), room: roomId, start: tomorrow('12:00'), tenant: slug }, { asAdmin: false })
    expect(booked.status).toBe(201)
    const { accessToken, ref } = booked.body as { accessToken: string; ref: string }
    const pages: [string, string, string | undefined][] = [
      ['booking page', `/${slug}/book`, undefined],
      ['customer’s page', `/${slug}/book/${ref}?token=${accessToken}`, undefined],
      // Payload's own panel around it is Payload's; the dashboard is ours.
      ['dashboard', '/admin', '[data-testid=studio-dashboard]'],
    ]
    const serious: string[] = []
    for (const [name, route, scope] of pages) {
      await page.goto(`${e2e.baseUrl}${route}`, { waitUntil: 'networkidle' })
      if (scope) await page.waitForSelector(`${scope} [data-figure]`)
      const builder = new AxeBuilder({ page })
      const { passes, violations } = await (scope ? builder.include(scope) : builder).analyze()
      // Rules that passed: proof that axe looked at something.
      expect(passes.length).toBeGreaterThan(5)
      const counts = Object.fromEntries(['critical', 'serious', 'moderate', 'minor'].map((impact) => [impact, violations.filter((violation) => violation.impact === impact).length]))
      console.log(`axe, ${name}: ${JSON.stringify(counts)}, ${passes.length} rules passed`)
      for (const violation of violations) if (violation.impact === 'serious' || violation.impact === 'critical') serious.push(`${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
    }
    expect(serious).toEqual([])
  })
})
