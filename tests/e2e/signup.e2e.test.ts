// Self-serve signup in Debian's Chromium against the production build: the form without JavaScript, then
// with it (live slug check), the verification link from the SMTP server with the signup password, the five onboarding steps, and a
// booking of the new room on the studio's public page; the wizard for an owner an operator made, in detail.
// No email carries a password.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'
import { launchChromium, startE2eApp, submitAdminLogin, type E2eApp } from './harness'

describe('signup end to end', () => {
  let e2e: E2eApp
  let smtp: SmtpTestServer
  let browser: Browser
  const suffix = randomBytes(2).toString('hex')
  const passwords = [`No-script-pass-${suffix}`, `Scripted-pass-${suffix}`, 'an-owner-password-long-enough']
  const shots = process.env.ATELIER_E2E_SCREENSHOTS

  beforeAll(async () => {
    smtp = await startSmtpServer()
    e2e = await startE2eApp({ ...smtp.env, ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '100' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
    await smtp?.close()
  })

  const fillSignup = async (page: Page, fields: { email: string; password: string; slug?: string; studioName: string }) => {
    await page.getByLabel('Studio name').fill(fields.studioName)
    if (fields.slug) await page.getByLabel(/Booking page address/).fill(fields.slug)
    await page.getByLabel('Email').fill(fields.email)
    await page.getByLabel(/^Password/).fill(fields.password)
  }

  it('works without JavaScript: the form posts, the studio exists in trial, a verification email arrives', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${e2e.baseUrl}/signup`)
    const slug = `plain-${suffix}`
    await fillSignup(page, { email: `plain-${suffix}@studio.test`, password: passwords[0]!, slug, studioName: 'Plain Studio' })
    await page.getByRole('button', { name: 'Create my studio' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const tenants = await e2e.api('GET', `/tenants?where[slug][equals]=${slug}`)
    expect((tenants.body.docs as { status: string }[]).map((tenant) => tenant.status)).toEqual(['trial'])
    await smtp.waitFor((message) => message.to.includes(`plain-${suffix}@studio.test`), 30_000)
    await context.close()
  })

  it('with JavaScript: a live slug check, the verification link, the five onboarding steps, then a booking of the new room', async () => {
    const page = await browser.newPage()
    await page.goto(`${e2e.baseUrl}/signup`, { waitUntil: 'networkidle' })
    await page.getByLabel('Studio name').fill('Plain Studio')
    await page.getByLabel(/Booking page address/).fill(`plain-${suffix}`)
    await page.getByText('That address is already taken: choose another.').waitFor()
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'signup-slug-taken.png') })
    const slug = `lumiere-${suffix}`
    const email = `camille-${suffix}@studio.test`
    await fillSignup(page, { email, password: passwords[1]!, slug, studioName: `Lumière ${suffix}` })
    await page.getByText('That address is free.').waitFor()
    await page.getByRole('button', { name: 'Create my studio' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()

    const mail = await smtp.waitFor((message) => message.to.includes(email), 30_000)
    const link = /https?:\/\/\S+\/signup\/verify\?token=[0-9a-f]+/.exec(mail.body)?.[0]
    expect(link).toBeTruthy()
    await page.goto(link!)
    await page.getByText(`Confirm ${email}`).waitFor()
    // The link alone does not activate the account: the password chosen at signup does.
    await page.getByLabel('Password', { exact: true }).fill('not-what-was-chosen')
    await page.getByRole('button', { name: 'Confirm and continue' }).click()
    await page.getByText('That is not the password chosen at signup.').waitFor()
    await page.getByLabel('Password', { exact: true }).fill(passwords[1]!)
    await page.getByRole('button', { name: 'Confirm and continue' }).click()
    await page.waitForURL(/\/onboarding/)
    await walkOnboarding(page, `Lumière ${suffix}`)

    // The wizard ends on the live booking page; the new room is bookable there.
    await page.getByRole('link', { name: `${e2e.baseUrl}/${slug}/book` }).click()
    await page.waitForURL(`${e2e.baseUrl}/${slug}/book`)
    await page.getByRole('button', { name: /Main room/ }).click()
    await page.getByRole('button', { name: 'Next week', exact: true }).click()
    await page.locator('button[data-start]').first().click()
    await page.getByLabel('Name').fill('Yann Client')
    await page.getByLabel('Email').fill(`client-${suffix}@example.test`)
    await page.getByRole('button', { name: 'Book this time' }).click()
    await page.getByTestId('booking-ref').waitFor()
    const bookings = await e2e.api('GET', `/bookings?where[customer.email][equals]=client-${suffix}@example.test`)
    expect((bookings.body.docs as unknown[]).length).toBe(1)
  })

  it('the wizard for an owner made by an operator: login redirect, the five steps, a server error beside its field, resuming, the invitation, the booking page', async () => {
    const slug = `wizard-${suffix}`
    const owner = { email: `owner-${suffix}@studio.test`, password: 'an-owner-password-long-enough' }
    const tenant = await e2e.api('POST', '/tenants', { name: 'New studio', defaultCurrency: 'EUR', defaultLocale: 'en', slug, timezone: 'Europe/Paris' })
    expect(tenant.status, tenant.text).toBe(201)
    const tenantId = (tenant.body.doc as { id: number }).id
    const user = await e2e.api('POST', '/users', { ...owner, tenants: [{ role: 'owner', tenant: tenantId }] })
    expect(user.status, user.text).toBe(201)

    const page = await browser.newPage({ viewport: { height: 900, width: 420 } })
    await page.goto(`${e2e.baseUrl}/onboarding`, { waitUntil: 'networkidle' })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    // Back to /onboarding itself (the login page's own address ends in `redirect=/onboarding`).
    await submitAdminLogin(page, owner)
    await page.waitForURL((url) => url.pathname === '/onboarding')

    // 1. The studio.
    await page.getByRole('heading', { name: 'Welcome to Atelier' }).waitFor()
    await page.getByLabel('Studio name').fill('Atelier Nord')
    await page.getByLabel('Time zone').selectOption('America/New_York')
    await page.getByLabel('Currency').selectOption('USD')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 2. The room: a capacity the server refuses shows beside its field, then the step goes through.
    await page.getByRole('heading', { name: 'Your first room' }).waitFor()
    await page.getByLabel('Room name').fill('Main room')
    await page.getByLabel('Capacity (people)').fill('0')
    await page.getByLabel('Hourly rate (USD)').fill('30.50')
    expect(await page.getByLabel('Open on Monday').isChecked()).toBe(true)
    expect(await page.getByLabel('Open on Sunday').isChecked()).toBe(false)
    await page.getByLabel('Open on Sunday').check()
    await page.getByLabel('Sunday opens').fill('10:00')
    await page.getByLabel('Sunday closes').fill('16:00')
    await page.getByRole('button', { name: 'Continue' }).click()
    const capacity = page.getByLabel('Capacity (people)')
    await expect.poll(() => capacity.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('At least 1.').isVisible()).toBe(true)
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'onboarding-room-error-420.png') })
    await capacity.fill('4')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'Deposit and cancellations' }).waitFor()

    // Resumable: a reload opens at the stored step.
    await page.reload({ waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: 'Deposit and cancellations' }).waitFor()

    // 3. Pricing.
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'onboarding-pricing-420.png') })
    await page.getByLabel('Fixed amount').check()
    await page.getByLabel('Deposit amount (USD)').fill('10')
    await page.getByLabel('Hold unpaid bookings for (minutes)').fill('45')
    await page.getByRole('button', { name: 'Remove refund 2' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()

    // 4. The team.
    await page.getByRole('heading', { name: 'Invite your team' }).waitFor()
    await page.getByLabel('Email of person 1').fill('assistant@studio.test')
    await page.getByLabel('Role of person 1').selectOption('admin')
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'onboarding-staff-420.png') })
    await page.getByRole('button', { name: 'Continue' }).click()

    // 5. The plan: staying on the trial is offered, and chosen.
    await page.getByRole('heading', { name: 'Choose a plan' }).waitFor()
    expect(await page.getByRole('radio', { name: /Stay on the trial/ }).isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Finish' }).click()

    await page.getByRole('heading', { name: 'Your studio is ready' }).waitFor()
    if (shots) await page.screenshot({ fullPage: true, path: path.join(shots, 'onboarding-done-420.png') })
    const link = page.getByRole('link', { name: `${e2e.baseUrl}/${slug}/book` })
    await link.click()
    await page.waitForURL(`${e2e.baseUrl}/${slug}/book`)
    await page.getByRole('button', { name: /Main room/ }).waitFor()
    await page.close()

    const mail = await smtp.waitFor((message) => message.to.includes('assistant@studio.test'))
    expect(mail.subject).toBe('You are invited to Atelier Nord on Atelier')

    const stored = await e2e.api('GET', `/tenants/${tenantId}?depth=0`)
    expect(stored.body).toMatchObject({ name: 'Atelier Nord', defaultCurrency: 'USD', onboarding: { completed: ['welcome', 'room', 'pricing', 'staff', 'plan'] }, timezone: 'America/New_York' })
    const rooms = await e2e.api('GET', `/rooms?where[tenant][equals]=${tenantId}&depth=0`)
    const [room] = (rooms.body as { docs: { capacity: number; hourlyRate: number; openingHours: { weekday: string }[]; slug: string }[] }).docs
    expect(room).toMatchObject({ capacity: 4, hourlyRate: 3050, slug: 'main-room' })
    expect(room!.openingHours.map((range) => range.weekday)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
    const policies = await e2e.api('GET', `/booking-policies?where[tenant][equals]=${tenantId}&depth=0`)
    expect((policies.body as { docs: unknown[] }).docs).toEqual([expect.objectContaining({ depositAmount: 1000, depositType: 'fixed', holdMinutes: 45, isDefault: true })])
  })

  it('sent no email that contains a password', () => {
    expect(smtp.messages.length).toBeGreaterThanOrEqual(3)
    for (const message of smtp.messages) for (const password of passwords) expect(message.raw.includes(password), message.subject).toBe(false)
  })
})

/** The wizard as a hurried owner walks it: the studio as signed up, a room, default pricing, no staff, the trial. */
async function walkOnboarding(page: Page, studioName: string) {
  await page.getByRole('heading', { name: 'Welcome to Atelier' }).waitFor()
  expect(await page.getByLabel('Studio name').inputValue()).toBe(studioName)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('heading', { name: 'Your first room' }).waitFor()
  await page.getByLabel('Room name').fill('Main room')
  await page.getByLabel('Capacity (people)').fill('3')
  await page.getByLabel('Hourly rate (EUR)').fill('25')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('heading', { name: 'Deposit and cancellations' }).waitFor()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('heading', { name: 'Invite your team' }).waitFor()
  await page.getByRole('button', { name: 'Skip this step' }).click()
  await page.getByRole('heading', { name: 'Choose a plan' }).waitFor()
  await page.getByRole('button', { name: 'Finish' }).click()
  await page.getByRole('heading', { name: 'Your studio is ready' }).waitFor()
}
