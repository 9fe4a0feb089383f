// The public booking page in a real browser (Debian's Chromium) at phone width, against the production build:
// book a slot, see it gone elsewhere, lose a race for a slot gracefully, and an unknown studio.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { addDays, todayIn } from '../../app/(public)/[tenant]/book/format'
import { pageStudioSuite } from './harness'

const ZONE = 'Europe/Paris'
const PHONE = { height: 800, width: 375 }

type Slot = { end: string; start: string }
type Day = { date: string; slots: Slot[] }


describe('public booking page', () => {
  const slug = `atelier-${randomBytes(2).toString('hex')}`
  const suite = pageStudioSuite(slug, ZONE)
  const shots = process.env.ATELIER_E2E_SCREENSHOTS
  /** The slot test 1 books, for test 2. */
  let booked: Slot & { date: string }

  const api = (method: string, route: string, body?: unknown) => suite.e2e.api(method, route, body)

  /** The week the pages move to with "Next week": it starts a week from today, so lead time never interferes. */
  const nextWeek = () => addDays(todayIn(ZONE), 7)

  /** The first day of next week with a free one-hour slot, over the public API. */
  const firstFreeDay = async (): Promise<Day> => {
    const from = nextWeek()
    const response = await fetch(`${suite.baseUrl}/api/public/rooms/${suite.roomId}/availability?from=${from}&to=${addDays(from, 6)}&duration=60`)
    expect(response.status).toBe(200)
    const { days } = (await response.json()) as { days: Day[] }
    const day = days.find((candidate) => candidate.slots.length > 0)
    if (!day) throw new Error('No free slot next week.')
    return day
  }

  /** Opens the page, chooses the room and moves to next week; returns the page once the week is shown. */
  const openNextWeek = async (): Promise<Page> => {
    const page = await suite.browser.newPage({ viewport: PHONE })
    // Hydration is done when the room list (fetched by the client component) is there.
    await page.goto(`${suite.baseUrl}/${slug}/book`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: /Studio A/ }).click()
    await page.getByText(`Times are in ${ZONE}`).waitFor()
    await page.getByRole('button', { name: 'Next week', exact: true }).click()
    await page.locator(`[role=group][data-date="${nextWeek()}"]`).waitFor()
    return page
  }

  const dayGroup = (page: Page, date: string) => page.locator(`[role=group][data-date="${date}"]`)
  const slotButton = (page: Page, slot: Slot) => page.locator(`button[data-start="${slot.start}"]`)


  it('books a slot at phone width: room, time (by keyboard), details, confirmation; the booking exists', async () => {
    const day = await firstFreeDay()
    const slot = day.slots[0]!
    const page = await openNextWeek()

    // Keyboard: focus is on "Next week"; the next tab stop is the first free slot of the week.
    await page.locator(`button[data-start]`).first().waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-start'))).toBe(slot.start)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`${slot.start.slice(11, 16)} to ${slot.end.slice(11, 16)}`)
    // Nothing spills sideways at 375 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'booking-slots-375.png') })
    await page.keyboard.press('Enter')

    await page.getByLabel('Name').fill('Chloé Martin')
    await page.getByLabel('Email').fill('chloe@example.test')
    await page.getByRole('button', { name: 'Book this time' }).click()

    const refElement = page.getByTestId('booking-ref')
    await refElement.waitFor()
    const ref = (await refElement.textContent())!
    expect(ref).toMatch(/^BK-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const confirmation = (await page.locator('main').textContent())!
    expect(confirmation).toContain(`${slot.start.slice(11, 16)} – ${slot.end.slice(11, 16)}`)
    expect(confirmation).toContain('€25.00')
    expect(confirmation).toContain('access code')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'booking-confirmation-375.png') })

    const found = await api('GET', `/bookings?where[ref][equals]=${encodeURIComponent(ref)}&depth=0`)
    expect(found.status).toBe(200)
    const docs = found.body.docs as { customer: { email: string }; room: number; start: string }[]
    expect(docs).toHaveLength(1)
    expect(new Date(docs[0]!.start).getTime()).toBe(new Date(slot.start).getTime())
    expect(docs[0]!.room).toBe(suite.roomId)
    expect(docs[0]!.customer.email).toBe('chloe@example.test')
    booked = { ...slot, date: day.date }
    await page.close()
  })

  it('another page no longer offers that slot, and a slot taken while the form is filled is refused inline', async () => {
    expect(booked, 'the first test books the slot').toBeDefined()
    const fresh = await openNextWeek()
    const group = dayGroup(fresh, booked.date)
    await group.locator('button[data-start]').first().waitFor()
    expect(await slotButton(fresh, booked).count()).toBe(0)
    expect(await group.getByRole('button', { name: `${booked.start.slice(11, 16)} to ${booked.end.slice(11, 16)}` }).count()).toBe(0)
    // A longer duration: the last start of a 09:00–18:00 day becomes 15:00.
    await fresh.getByLabel('Duration').selectOption('180')
    await expect.poll(() => group.locator('button[data-start]').last().textContent(), { timeout: 15_000 }).toBe('15:00 to 18:00')
    await fresh.close()

    // Someone else books the very slot this customer is filling the form for.
    const page = await openNextWeek()
    const day = await firstFreeDay()
    const wanted = day.slots[0]!
    await slotButton(page, wanted).click()
    // Empty details are refused next to their fields.
    await page.getByRole('button', { name: 'Book this time' }).click()
    const name = page.getByLabel('Name')
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await name.getAttribute('aria-describedby'))!
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Enter your name.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await name.getAttribute('id'))
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'booking-details-errors-375.png') })
    await page.getByLabel('Name').fill('Hugo Petit')
    await page.getByLabel('Email').fill('hugo@example.test')
    const elsewhere = await fetch(`${suite.baseUrl}/api/public/booking`, {
      body: JSON.stringify({ customer: { email: 'quick@example.test', name: 'Quicker Customer' }, end: wanted.end, room: suite.roomId, start: wanted.start, tenant: slug }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(elsewhere.status).toBe(201)
    await page.getByRole('button', { name: 'Book this time' }).click()

    // Next's route announcer is an alert too: look inside the page's own <main>.
    const alert = page.locator('main').getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/just booked by someone else/)
    await dayGroup(page, day.date).locator('button[data-start]').first().waitFor()
    await expect.poll(() => slotButton(page, wanted).count()).toBe(0)
    expect(await page.getByTestId('booking-ref').count()).toBe(0)
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'booking-taken-375.png') })
    await page.close()
  })

  it('an unknown studio shows a clear not-found message', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE })
    await page.goto(`${suite.baseUrl}/no-such-studio-${randomBytes(2).toString('hex')}/book`, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: 'Studio not found' }).waitFor()
    expect(await page.locator('main').getByRole('alert').textContent()).toMatch(/There is no studio at the address/)
    await page.close()
  })
})
