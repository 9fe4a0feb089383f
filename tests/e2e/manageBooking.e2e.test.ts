// The customer's "manage my booking" page in a real browser (Debian's Chromium) at phone width, against the
// production build: open it from the emailed link, try to pay (no Stripe here: 503 inline), cancel after
// seeing the refund quote (by keyboard), find a booking by email, the page Stripe returns to, confirm a
// booking with no deposit from the emailed link, and cancel a booking found by email through the link to
// one's bookings.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { addDays, formatMoney, todayIn } from '../../app/(public)/[tenant]/book/format'
import { EVERY_DAY, pageStudioSuite } from './harness'

const ZONE = 'Europe/Paris'
const PHONE = { height: 800, width: 375 }
const NOT_FOUND = /We could not find this booking with that code or email/

type Slot = { end: string; start: string }
type Day = { date: string; slots: Slot[] }
type Booked = Slot & { accessToken: string; awaitingCustomerConfirmation: boolean; deposit: number; ref: string; status: string }
type Quote = { currency: string; paid: number; refundAmount: number; refundPercent: number }


describe('manage booking page', () => {
  const slug = `atelier-${randomBytes(2).toString('hex')}`
  const suite = pageStudioSuite(slug, ZONE)
  const shots = process.env.ATELIER_E2E_SCREENSHOTS


  /** Books the first free one-hour slot from next week on, over the public API, as a customer would. */
  const book = async (customer: { email: string; name: string }, roomId = suite.roomId): Promise<Booked> => {
    const from = addDays(todayIn(ZONE), 7)
    const availability = await fetch(`${suite.baseUrl}/api/public/rooms/${roomId}/availability?from=${from}&to=${addDays(from, 6)}&duration=60`)
    expect(availability.status).toBe(200)
    const { days } = (await availability.json()) as { days: Day[] }
    const slot = days.flatMap((day) => day.slots)[0]
    if (!slot) throw new Error('No free slot next week.')
    const response = await fetch(`${suite.baseUrl}/api/public/booking`, {
      body: JSON.stringify({ customer, end: slot.end, room: roomId, start: slot.start, tenant: slug }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(201)
    const booked = (await response.json()) as Booked
    expect(booked.accessToken).toBeTruthy()
    return booked
  }

  /** A public call about a booking, proven with its access code. */
  const publicCall = async <T>(ref: string, suffix: string, accessToken: string): Promise<{ body: T; status: number }> => {
    const response = await fetch(`${suite.baseUrl}/api/public/booking/${ref}${suffix}`, { headers: { 'X-Booking-Token': accessToken } })
    return { body: (await response.json()) as T, status: response.status }
  }

  const open = async (route: string): Promise<Page> => {
    const page = await suite.browser.newPage({ viewport: PHONE })
    await page.goto(`${suite.baseUrl}${route}`, { waitUntil: 'networkidle' })
    return page
  }

  const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim())
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  const shot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, name) })
  }
  // Next's route announcer is an alert too: look inside the page's own <main>.
  const alertIn = (page: Page) => page.locator('main').getByRole('alert')
  /** The path and query of the first link in `body` that matches `pattern`. */
  const linkIn = (body: string, pattern: RegExp) => {
    const found = pattern.exec(body)?.[0]
    if (!found) throw new Error(`No link matching ${pattern} in the email`)
    const url = new URL(found)
    return `${url.pathname}${url.search}`
  }


  it('from the emailed link: the booking, paying refused inline (no payments here), cancelling after the quote by keyboard', async () => {
    const booked = await book({ email: 'chloe@example.test', name: 'Chloé Martin' })
    expect(booked.status).toBe('pending')
    expect(booked.deposit).toBeGreaterThan(0)
    const page = await open(`/${slug}/book/${booked.ref}?token=${encodeURIComponent(booked.accessToken)}`)

    await page.getByTestId('booking-ref').waitFor()
    expect(await page.getByTestId('booking-ref').textContent()).toBe(booked.ref)
    expect(await page.getByTestId('booking-status').getAttribute('data-status')).toBe('pending')
    expect(await page.getByTestId('booking-status').textContent()).toBe('Received, waiting for the studio to confirm')
    await page.getByRole('heading', { level: 1, name: 'Your booking' }).waitFor()
    const shown = (await page.locator('main').textContent())!
    expect(shown).toContain('Studio A')
    expect(shown).toContain(`${booked.start.slice(11, 16)} – ${booked.end.slice(11, 16)}`)
    expect(shown).toContain(`(${ZONE})`)
    expect(shown).toContain('€25.00')
    expect(shown).toContain(formatMoney(booked.deposit, 'EUR'))
    // The studio's name, fetched beside the booking.
    await expect.poll(() => page.locator('header').textContent()).toContain('Atelier Lumière')
    await fitsPhone(page)
    await shot(page, 'manage-booking-375.png')

    // No Stripe keys in this app: create-payment answers 503, shown inline.
    const [payment] = await Promise.all([
      page.waitForResponse((response) => response.url().includes(`/api/public/booking/${booked.ref}/create-payment`)),
      page.getByRole('button', { name: 'Pay the deposit' }).click(),
    ])
    expect(payment.status()).toBe(503)
    await alertIn(page).waitFor()
    expect(await alertIn(page).textContent()).toMatch(/Online payment is not available/)
    expect(page.url()).toContain(`/${slug}/book/${booked.ref}`)
    await fitsPhone(page)
    await shot(page, 'manage-booking-pay-503-375.png')

    const quote = await publicCall<Quote>(booked.ref, '/cancel-quote', booked.accessToken)
    expect(quote.status).toBe(200)
    const expectedRefund = `You will be refunded ${formatMoney(quote.body.refundAmount, quote.body.currency)} (${quote.body.refundPercent}\u00a0%).`

    // The confirmation step takes the focus; Escape keeps the booking and gives the focus back to the button.
    await page.getByRole('button', { name: 'Cancel this booking' }).click()
    const confirmHeading = page.getByRole('heading', { name: 'Cancel this booking?' })
    await confirmHeading.waitFor()
    expect(await alertIn(page).count()).toBe(0)
    expect(await page.getByTestId('refund-quote').textContent()).toBe(expectedRefund)
    expect(await activeText(page)).toBe('Cancel this booking?')
    await fitsPhone(page)
    await shot(page, 'manage-booking-confirm-375.png')
    await page.keyboard.press('Escape')
    await confirmHeading.waitFor({ state: 'detached' })
    expect(await activeText(page)).toBe('Cancel this booking')

    // All by keyboard now: open the confirmation again, Tab to "Yes, cancel", Enter.
    await page.keyboard.press('Enter')
    await confirmHeading.waitFor()
    expect(await activeText(page)).toBe('Cancel this booking?')
    await page.keyboard.press('Tab')
    expect(await activeText(page)).toBe('Yes, cancel')
    await page.keyboard.press('Enter')

    const cancelledHeading = page.getByRole('heading', { name: 'This booking is cancelled' })
    await cancelledHeading.waitFor()
    expect(await activeText(page)).toBe('This booking is cancelled')
    expect(await page.getByTestId('booking-status').textContent()).toBe('Cancelled')
    expect(await page.getByTestId('booking-refund').textContent()).toBe(`${formatMoney(quote.body.refundAmount, quote.body.currency)} (${quote.body.refundPercent}\u00a0%)`)
    expect(await page.getByRole('button', { name: 'Cancel this booking' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Pay the deposit' }).count()).toBe(0)
    await fitsPhone(page)
    await shot(page, 'manage-booking-cancelled-375.png')

    const after = await publicCall<{ refundQuote: { refundAmount: number }; status: string }>(booked.ref, '', booked.accessToken)
    expect(after.status).toBe(200)
    expect(after.body.status).toBe('cancelled')
    expect(after.body.refundQuote.refundAmount).toBe(quote.body.refundAmount)
    await page.close()
  })

  it('without a code in the link: a form; a wrong email is not found, the right one shows the booking', async () => {
    const booked = await book({ email: 'hugo@example.test', name: 'Hugo Petit' })
    const page = await open(`/${slug}/book/${booked.ref}`)

    await page.getByRole('heading', { name: 'Find your booking' }).waitFor()
    expect(await page.getByTestId('booking-ref').count()).toBe(0)
    const email = page.getByLabel('Email address you booked with')
    await page.getByLabel('Access code').waitFor()
    await fitsPhone(page)
    await shot(page, 'manage-booking-form-375.png')

    // Nothing typed: told what to do, next to the first field.
    await page.getByRole('button', { name: 'Show my booking' }).click()
    expect(await alertIn(page).textContent()).toMatch(/access code or the email address/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Access code').getAttribute('id'))

    await email.fill('someone-else@example.test')
    await page.getByRole('button', { name: 'Show my booking' }).click()
    await expect.poll(async () => (await alertIn(page).textContent()) ?? '').toMatch(NOT_FOUND)
    expect(await page.getByTestId('booking-ref').count()).toBe(0)
    await fitsPhone(page)
    await shot(page, 'manage-booking-not-found-375.png')

    await email.fill('HUGO@example.test ')
    await page.getByRole('button', { name: 'Show my booking' }).click()
    await page.getByTestId('booking-ref').waitFor()
    expect(await page.getByTestId('booking-ref').textContent()).toBe(booked.ref)
    expect(await page.getByTestId('booking-status').getAttribute('data-status')).toBe('pending')
    expect(await activeText(page)).toBe('Your booking is received')
    expect(await page.locator('main').textContent()).toContain('Hugo Petit')
    // The proof stays in the page's memory.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0)
    expect(page.url()).toBe(`${suite.baseUrl}/${slug}/book/${booked.ref}`)
    await page.close()

    // A link with a wrong code falls back to the form, with the same message.
    const wrong = await open(`/${slug}/book/${booked.ref}?token=not-the-code`)
    await wrong.getByRole('heading', { name: 'Find your booking' }).waitFor()
    expect(await alertIn(wrong).textContent()).toMatch(NOT_FOUND)
    await wrong.close()

    // Something that is not a reference at all.
    const malformed = await open(`/${slug}/book/not-a-ref`)
    await malformed.getByRole('heading', { name: 'This link does not work' }).waitFor()
    expect(await alertIn(malformed).textContent()).toMatch(/is not a booking reference/)
    await malformed.close()
  })

  it('back from the payment page: a thank-you banner that can be refreshed, and a neutral one after cancelling the payment', async () => {
    const booked = await book({ email: 'ines@example.test', name: 'Inès Moreau' })
    const page = await open(`/${slug}/book/${booked.ref}?payment=success&token=${encodeURIComponent(booked.accessToken)}`)

    const banner = page.getByTestId('payment-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('Thank you, your payment is being confirmed')
    await page.getByTestId('booking-ref').waitFor()
    // No second payment offered while the first is being confirmed.
    expect(await page.getByRole('button', { name: 'Pay the deposit' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => banner.textContent()).toMatch(/the payment is not confirmed yet/)
    await fitsPhone(page)
    await shot(page, 'manage-booking-payment-success-375.png')
    await page.close()

    // Stripe's return address carries no access code: the banner, then the form.
    const bare = await open(`/${slug}/book/${booked.ref}?payment=success`)
    await bare.getByRole('heading', { name: 'Find your booking' }).waitFor()
    expect(await bare.getByTestId('payment-banner').textContent()).toContain('Thank you, your payment is being confirmed')
    await bare.close()

    const cancelled = await open(`/${slug}/book/${booked.ref}?payment=cancelled&token=${encodeURIComponent(booked.accessToken)}`)
    await cancelled.getByTestId('booking-ref').waitFor()
    expect(await cancelled.locator('main').getByRole('status').first().textContent()).toMatch(/The payment was not completed and nothing was charged/)
    await cancelled.getByRole('button', { name: 'Pay the deposit' }).waitFor()
    await fitsPhone(cancelled)
    await shot(cancelled, 'manage-booking-payment-cancelled-375.png')
    await cancelled.close()
  })

  it('a booking with no deposit: the emailed link opens “Confirm my booking”; confirming keeps it for the studio', async () => {
    const policy = await suite.e2e.api('POST', '/booking-policies', { depositAmount: 0, depositType: 'fixed', holdMinutes: 30, name: 'Pay on the day', tenant: suite.tenantId })
    expect(policy.status).toBe(201)
    const room = await suite.e2e.api('POST', '/rooms', {
      active: true,
      bufferMinutes: 0,
      capacity: 2,
      hourlyRate: 2500,
      leadTimeMinutes: 60,
      maxMinutes: 180,
      minMinutes: 60,
      name: 'Studio C',
      openingHours: EVERY_DAY.map((weekday) => ({ closes: '18:00', opens: '09:00', weekday })),
      policy: (policy.body.doc as { id: number }).id,
      slotStepMinutes: 60,
      slug: 'studio-c',
      tenant: suite.tenantId,
    })
    expect(room.status).toBe(201)
    const booked = await book({ email: 'zoe@example.test', name: 'Zoé Laurent' }, (room.body.doc as { id: number }).id)
    expect(booked).toMatchObject({ awaitingCustomerConfirmation: true, deposit: 0, status: 'pending' })

    // Opened with the access code alone (typed in, or a link without the confirmation code): the email is the way.
    const withCode = await open(`/${slug}/book/${booked.ref}?token=${encodeURIComponent(booked.accessToken)}`)
    await withCode.getByTestId('booking-ref').waitFor()
    expect(await withCode.getByTestId('booking-status').textContent()).toBe('Waiting for your confirmation')
    expect(await withCode.getByTestId('confirm-by-email').textContent()).toContain('zoe@example.test')
    expect(await withCode.getByRole('button', { name: 'Confirm my booking' }).count()).toBe(0)
    await withCode.close()

    const mail = await suite.smtp.waitFor((message) => message.subject === `Booking ${booked.ref} received`)
    const page = await open(linkIn(mail.body, /https?:\/\/[^\s"<>]+\/book\/BK-[\w-]+\?token=[\w-]+&confirm=[0-9a-f]+/))
    await page.getByRole('heading', { name: 'Please confirm your booking' }).waitFor()
    await page.getByRole('heading', { exact: true, name: 'Confirm your booking' }).waitFor()
    expect(await page.getByRole('button', { name: 'Pay the deposit' }).count()).toBe(0)
    await fitsPhone(page)
    await shot(page, 'manage-booking-confirm-step-375.png')
    await page.getByRole('button', { name: 'Confirm my booking' }).click()

    await page.getByTestId('customer-confirmed').waitFor()
    expect(await activeText(page)).toBe('Your booking is received')
    expect(await page.getByTestId('booking-status').textContent()).toBe('Received, waiting for the studio to confirm')
    expect(await page.getByRole('button', { name: 'Confirm my booking' }).count()).toBe(0)
    const after = await publicCall<{ awaitingCustomerConfirmation: boolean; customerConfirmedAt: null | string; holdExpiresAt: null | string; status: string }>(booked.ref, '', booked.accessToken)
    expect(after.body).toMatchObject({ awaitingCustomerConfirmation: false, holdExpiresAt: null, status: 'pending' })
    expect(after.body.customerConfirmedAt).toBeTruthy()
    await page.close()
  })

  it('found with the email, cancelling needs the emailed link; the link to one’s bookings leads to cancelling', { timeout: 150_000 }, async () => {
    const booked = await book({ email: 'yann@example.test', name: 'Yann Roux' })
    const page = await open(`/${slug}/book/${booked.ref}`)
    await page.getByLabel('Email address you booked with').fill('yann@example.test')
    await page.getByRole('button', { name: 'Show my booking' }).click()
    await page.getByTestId('booking-ref').waitFor()
    expect(await page.getByRole('button', { name: 'Cancel this booking' }).count()).toBe(0)
    expect(await page.getByTestId('cancel-needs-link').textContent()).toMatch(/open the link in your booking email/)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await page.getByText(/a link to them is on its way to yann@example.test/).waitFor()
    await fitsPhone(page)
    await shot(page, 'manage-booking-cancel-needs-link-375.png')
    await page.close()

    // The server runs its queue every minute; ask it now rather than wait.
    await suite.e2e.api('GET', '/payload-jobs/run?queue=default')
    const mail = await suite.smtp.waitFor((message) => message.subject === 'Your bookings' && message.to.includes('yann@example.test'), 90_000)
    const list = await open(linkIn(mail.body, /https?:\/\/[^\s"<>]+\/bookings\?token=[\w.-]+/))
    await list.getByRole('link', { name: booked.ref }).click()
    await list.getByTestId('booking-ref').waitFor()
    expect(await list.getByTestId('booking-ref').textContent()).toBe(booked.ref)
    await list.getByRole('button', { name: 'Cancel this booking' }).click()
    await list.getByRole('heading', { name: 'Cancel this booking?' }).waitFor()
    await list.getByRole('button', { name: 'Yes, cancel' }).click()
    await list.getByRole('heading', { name: 'This booking is cancelled' }).waitFor()
    expect((await publicCall<{ status: string }>(booked.ref, '', booked.accessToken)).body.status).toBe('cancelled')
    await list.close()
  })
})
