// The AI assistant's drawer in Debian's Chromium against the production build, with Anthropic's Messages API
// replaced by the loopback fake: a studio owner opens the drawer from the admin header, sees the balance, asks
// and watches the answer stream in (a lookup line, then text growing piece by piece), sends a long message
// that needs the cost confirmed (cancels, then confirms), gets an action card in a new conversation and
// presses it, and axe finds nothing serious. (Without a key the button is absent: that needs a second boot,
// so the 503 is left to the integration tests.)
import type { Browser, Page } from 'playwright-core'

import AxeBuilder from '@axe-core/playwright'

import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { estimateCredits } from '../../plugins/ai-chat/services/pricing'
import { type FakeAnthropic, fakeTokenCount, startFakeAnthropic } from '../helpers/fakeAnthropic'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { createStudio, type E2eApp, launchChromium, signInToAdmin, startE2eApp } from './harness'

const ZONE = 'Europe/Paris'
const CREDITS = 1000
// Each model call is estimated at its counted input plus the whole output budget (1,024 tokens); the fake
// counts a token per 4 characters of the request's JSON. The dearest input (claude-opus-5-5, 4 credits per
// 1,000 tokens) makes the longest message (4,000 characters) worth 4 credits more than a short one, which
// leaves room for the threshold between them: on 2026-12-06 the first answer's two calls were estimated at 26
// and 28 credits, the long follow-up at 32. If the prompt or the tools grow, the assertions print the figures.
const MODEL = 'claude-opus-5-5'
const CONFIRM_ABOVE = 30
const MAX_MESSAGE = 4000
const ANSWER = ['Studio B ', 'is free ', 'tomorrow ', 'and the day after, ', 'every hour ', 'from 08:00 ', 'to 20:00.']

/** The estimate of each model call so far, from the fake's count of what the app sent (as the app prices it). */
const estimates = (fake: FakeAnthropic) =>
  fake.requests.filter((request) => request.path === '/v1/messages/count_tokens').map((request) => estimateCredits(MODEL, fakeTokenCount(request.body), 1024))

/** YYYY-MM-DD in the studio's zone, `days` from today. */
const localDate = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000))

/** The instant of a wall-clock time in the studio's zone (Paris is an hour or two ahead of UTC). */
const zonedInstant = (date: string, time: string) =>
  ['+01:00', '+02:00'].map((offset) => new Date(`${date}T${time}:00${offset}`)).find((instant) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', minute: '2-digit', timeZone: ZONE }).format(instant) === time)!

describe('the AI assistant’s drawer in the admin', () => {
  let fake: FakeAnthropic
  let smtp: SmtpTestServer
  let e2e: E2eApp
  let browser: Browser
  let page: Page
  let tenantId: number
  let bookingId: number
  const bookingRef = `AI-${randomBytes(2).toString('hex').toUpperCase()}`
  const owner = { email: `owner-${randomBytes(3).toString('hex')}@studio.test`, password: 'correct-horse-battery-staple' }

  /** Bought credits, as a pack purchase records them, and a pending booking in two days for the action card. */
  async function seed(roomId: number) {
    const client = new pg.Client({ connectionString: e2e.databaseUrl })
    await client.connect()
    try {
      await client.query(`insert into credit_ledger (tenant_id, kind, amount, reference, note, created_at, updated_at) values ($1, 'purchase', $2, $3, 'e2e pack', now(), now())`, [
        tenantId,
        CREDITS,
        `pi_e2e_${randomBytes(4).toString('hex')}`,
      ])
      await client.query(`insert into credit_wallets (tenant_id, balance) values ($1, $2) on conflict (tenant_id) do update set balance = credit_wallets.balance + $2`, [tenantId, CREDITS])
      const start = zonedInstant(localDate(2), '10:00')
      const end = new Date(start.getTime() + 2 * 3_600_000)
      const { rows } = await client.query<{ id: number }>(
        `insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid, created_at)
         values ($1, $2, $3, 'Mme Durand', 'durand@example.com', $4, $5, $5, 'pending', 'public', 8000, 2000, 'EUR', 0, now()) returning id`,
        [tenantId, bookingRef, roomId, start.toISOString(), end.toISOString()],
      )
      bookingId = rows[0]!.id
    } finally {
      await client.end()
    }
  }

  const balanceShown = async () => Number(/(\d+)/.exec((await page.textContent('[data-testid=assistant-balance]')) ?? '')?.[1])

  beforeAll(async () => {
    fake = await startFakeAnthropic()
    smtp = await startSmtpServer()
    e2e = await startE2eApp({ ...smtp.env, ANTHROPIC_API_KEY: 'sk-ant-e2e', ANTHROPIC_BASE_URL: fake.url, ATELIER_AI_CONFIRM_ABOVE: String(CONFIRM_ABOVE), ATELIER_AI_MODEL: MODEL })
    const studio = await createStudio(e2e, { name: 'Atelier Lumière', slug: `lumiere-${randomBytes(2).toString('hex')}`, timezone: ZONE })
    tenantId = studio.tenantId
    const madeOwner = await e2e.api('POST', '/users', { ...owner, name: 'Olive Owner', tenants: [{ role: 'owner', tenant: tenantId }] })
    expect(madeOwner.status, madeOwner.text).toBe(201)
    await seed(studio.roomId)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { height: 1000, width: 1440 } })
    await context.addCookies([{ name: 'payload-tenant', url: e2e.baseUrl, value: String(tenantId) }])
    page = await context.newPage()
    await signInToAdmin(page, e2e.baseUrl, owner)
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
    await fake?.close()
    await smtp?.close()
  })

  it('opens from the header of an admin page and shows the studio’s balance', async () => {
    await page.goto(`${e2e.baseUrl}/admin/collections/bookings`, { waitUntil: 'networkidle' })
    const toggle = page.locator('[data-testid=assistant-toggle]')
    await toggle.waitFor()
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    await page.waitForSelector('[role=dialog][data-testid=assistant-drawer]')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await page.textContent('[data-testid=assistant-balance]')).toBe(`Balance: ${CREDITS} credits`)
    // Focus starts in the message box.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('assistant-input')
  })

  it('streams the answer: a lookup line, then text that grows through partial states, then its cost', async () => {
    fake.reply(
      { content: [{ type: 'tool_use', name: 'find_availability', input: { duration: 60, from: localDate(1), to: localDate(2) } }] },
      { content: [{ type: 'text', text: ANSWER }], eventDelayMs: 300 },
    )
    await page.fill('#assistant-input', 'Is Studio B free tomorrow or the day after, for an hour?')
    await page.press('#assistant-input', 'Enter')
    const answer = page.locator('[data-testid=assistant-answer]').first()
    await answer.locator('[data-testid=assistant-tool][data-status=ok]:has-text("Looked up availability")').waitFor()
    // Seen while the stream is still open: some of the text, not all of it, and the estimate held for it.
    const partial = await page.waitForFunction(
      (full) => {
        const shown = document.querySelector('[data-testid=assistant-answer] [data-testid=assistant-text]')?.textContent ?? ''
        return shown.length > 0 && shown !== full ? shown : null
      },
      ANSWER.join(''),
      { polling: 50 },
    )
    expect(ANSWER.join('').startsWith((await partial.jsonValue()) as string)).toBe(true)
    expect(await answer.getAttribute('data-streaming')).toBe('true')
    const estimate = Number(/^estimated ≤ (\d+) credits$/.exec((await answer.locator('[data-testid=assistant-cost]').textContent()) ?? '')?.[1])
    expect(estimate).toBe(estimates(fake)[0])

    await expect.poll(() => answer.locator('[data-testid=assistant-text]').textContent(), { timeout: 15_000 }).toBe(ANSWER.join(''))
    await expect.poll(() => answer.getAttribute('data-streaming')).toBe('false')
    const spent = Number(/^cost: (\d+) credits$/.exec((await answer.locator('[data-testid=assistant-cost]').textContent()) ?? '')?.[1])
    expect(spent).toBeGreaterThan(0)
    expect(await balanceShown()).toBe(CREDITS - spent)
    expect(fake.messageRequests()).toHaveLength(2)
    // Every step (the question, then the lookup's result) went without asking: CONFIRM_ABOVE is above them.
    expect(Math.max(...estimates(fake)), `estimates: ${estimates(fake).join(', ')}`).toBeLessThanOrEqual(CONFIRM_ABOVE)
  })

  it('asks before sending a costly message: Cancel gives it back to edit, Send sends it', async () => {
    const before = await balanceShown()
    // The longest message the endpoint takes (~1,000 of the fake's tokens), after the exchange above.
    const long = `To sum up for the team: ${'Studio B is free tomorrow and the day after, every hour from 08:00 to 20:00. '.repeat(60)}`.slice(0, MAX_MESSAGE)
    const prompt = page.locator('[data-testid=assistant-confirm]')
    const promptPattern = new RegExp(`^This message may cost up to (\\d+) credits \\(balance ${before}\\)\\. Send\\?`)
    await page.fill('#assistant-input', long)
    await page.click('[data-testid=assistant-drawer] button[type=submit]')
    await prompt.waitFor()
    expect(await prompt.textContent()).toMatch(promptPattern)
    const asked = Number(/up to (\d+) credits/.exec((await prompt.textContent()) ?? '')![1])
    expect(asked).toBe(estimates(fake).at(-1))
    expect(asked, `CONFIRM_ABOVE must be below the long message’s estimate; estimates: ${estimates(fake).join(', ')}`).toBeGreaterThan(CONFIRM_ABOVE)

    await prompt.locator('button:has-text("Cancel")').click()
    await prompt.waitFor({ state: 'detached' })
    expect(await page.inputValue('#assistant-input')).toBe(long)
    expect(await page.locator('[data-testid=assistant-question]').count()).toBe(1)

    await page.click('[data-testid=assistant-drawer] button[type=submit]')
    await prompt.waitFor()
    // Nothing reached the model before the confirmation.
    expect(fake.messageRequests()).toHaveLength(2)
    fake.reply({ content: [{ type: 'text', text: ['Noted: ', 'I will keep ', 'that summary ', 'in mind.'] }], eventDelayMs: 50 })
    await prompt.locator('button:has-text("Send")').click()
    await prompt.waitFor({ state: 'detached' })
    const answer = page.locator('[data-testid=assistant-answer]').nth(1)
    await expect.poll(() => answer.getAttribute('data-streaming'), { timeout: 15_000 }).toBe('false')
    expect(await answer.locator('[data-testid=assistant-text]').textContent()).toBe('Noted: I will keep that summary in mind.')
    const sent = fake.messageRequests()[2]!.body.messages as { content: unknown; role: string }[]
    expect(JSON.stringify(sent.at(-1))).toContain('To sum up for the team')
    const spent = Number(/^cost: (\d+) credits$/.exec((await answer.locator('[data-testid=assistant-cost]').textContent()) ?? '')?.[1])
    expect(spent).toBeGreaterThan(0)
    expect(await balanceShown()).toBe(before - spent)
  })

  it('in a new conversation, shows a proposed action as a card, and only the press confirms the booking', async () => {
    await page.click('[data-testid=assistant-drawer] button:has-text("New conversation")')
    expect(await page.locator('[data-testid=assistant-question]').count()).toBe(0)
    fake.reply(
      {
        content: [
          { type: 'text', text: 'Here is that booking. ' },
          // A proposal is only for a booking find_bookings returned in this answer.
          { type: 'tool_use', name: 'find_bookings', input: { ref: bookingRef } },
          { type: 'tool_use', name: 'propose_booking_action', input: { action: 'confirm', ref: bookingRef } },
        ],
      },
      { content: [{ type: 'text', text: ['Press the button ', 'to confirm it.'] }] },
    )
    await page.fill('#assistant-input', `Please confirm Mme Durand’s booking ${bookingRef}.`)
    await page.press('#assistant-input', 'Enter')
    const answer = page.locator('[data-testid=assistant-answer]').first()
    await expect.poll(() => answer.getAttribute('data-streaming'), { timeout: 15_000 }).toBe('false')
    // A new conversation: the model saw this question alone, and no confirmation was needed.
    expect(fake.messageRequests()[3]!.body.messages).toHaveLength(1)
    expect(await page.locator('[data-testid=assistant-confirm]').count()).toBe(0)
    expect(await answer.locator('[data-testid=assistant-text]').allTextContents()).toEqual(['Here is that booking. ', 'Press the button to confirm it.'])
    expect(await answer.locator('[data-testid=assistant-tool]').allTextContents()).toEqual(['Looked up bookings…', 'Prepared an action…'])
    const card = answer.locator('[data-testid=assistant-action]')
    expect(await card.getAttribute('data-kind')).toBe('confirm_booking')
    const summary = (await card.textContent()) ?? ''
    expect(summary).toContain(bookingRef)
    expect(summary).toContain('Mme Durand')
    expect(summary).toContain('Studio B')
    // In the studio's zone: 10:00 to 12:00, as seeded.
    expect(summary).toMatch(/10:00\sAM – 12:00\sPM/)
    await page.screenshot({ fullPage: false, path: 'docs/screenshots/assistant.png' })

    // The model only proposed it: the booking is still pending until the owner presses the button.
    const status = async () => ((await e2e.api('GET', `/bookings/${bookingId}?depth=0`)).body as { status: string }).status
    expect(await status()).toBe('pending')
    await card.locator('button').click()
    await expect.poll(() => card.locator('[data-testid=assistant-action-outcome]').textContent()).toBe('Booking confirmed.')
    expect(await status()).toBe('confirmed')
    expect(await card.locator('button').isDisabled()).toBe(true)
  })

  it('has nothing serious for axe in the drawer, and Escape closes it with focus back on its button', async () => {
    const { passes, violations } = await new AxeBuilder({ page }).include('[data-testid=assistant-drawer]').include('[data-testid=assistant-toggle]').analyze()
    expect(passes.length).toBeGreaterThan(5)
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([])

    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=assistant-drawer]', { state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('assistant-toggle')
    // Reopened, the conversation is still there.
    await page.click('[data-testid=assistant-toggle]')
    expect(await page.locator('[data-testid=assistant-answer]').count()).toBe(1)
  })
})
