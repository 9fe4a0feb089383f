// The onboarding wizard in Chromium against the production build: signed out it sends to the login, which
// brings the owner back; the five steps by label and role, a server error beside its field, resuming after a
// reload, the invitation email, and the live booking page at the end.
import type { Browser } from 'playwright-core'

import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { type E2eApp, launchChromium, startE2eApp } from './harness'

const OWNER_PASSWORD = 'an-owner-password-long-enough'

describe('onboarding wizard', () => {
  let e2e: E2eApp
  let smtp: SmtpTestServer
  let browser: Browser
  let tenantId: number
  const slug = `wizard-${randomBytes(2).toString('hex')}`
  const shots = process.env.ATELIER_E2E_SCREENSHOTS
  const owner = { email: `owner-${randomBytes(2).toString('hex')}@studio.test`, password: OWNER_PASSWORD }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    e2e = await startE2eApp(smtp.env)
    const tenant = await e2e.api('POST', '/tenants', { name: 'New studio', defaultCurrency: 'EUR', defaultLocale: 'en', slug, timezone: 'Europe/Paris' })
    expect(tenant.status, tenant.text).toBe(201)
    tenantId = (tenant.body.doc as { id: number }).id
    const user = await e2e.api('POST', '/users', { ...owner, tenants: [{ role: 'owner', tenant: tenantId }] })
    expect(user.status, user.text).toBe(201)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await e2e?.stop()
    await smtp?.close()
  })

  it('walks the five steps and ends on the live booking page', async () => {
    const page = await browser.newPage({ viewport: { height: 900, width: 420 } })
    await page.goto(`${e2e.baseUrl}/onboarding`, { waitUntil: 'networkidle' })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await page.fill('#field-email', owner.email)
    await page.fill('#field-password', owner.password)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/onboarding$/)

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

    const tenant = await e2e.api('GET', `/tenants/${tenantId}?depth=0`)
    expect(tenant.body).toMatchObject({ name: 'Atelier Nord', defaultCurrency: 'USD', onboarding: { completed: ['welcome', 'room', 'pricing', 'staff', 'plan'] }, timezone: 'America/New_York' })
    const rooms = await e2e.api('GET', `/rooms?where[tenant][equals]=${tenantId}&depth=0`)
    const [room] = (rooms.body as { docs: { capacity: number; hourlyRate: number; openingHours: { weekday: string }[]; slug: string }[] }).docs
    expect(room).toMatchObject({ capacity: 4, hourlyRate: 3050, slug: 'main-room' })
    expect(room!.openingHours.map((range) => range.weekday)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
    const policies = await e2e.api('GET', `/booking-policies?where[tenant][equals]=${tenantId}&depth=0`)
    expect((policies.body as { docs: unknown[] }).docs).toEqual([expect.objectContaining({ depositAmount: 1000, depositType: 'fixed', holdMinutes: 45, isDefault: true })])
  })
})
