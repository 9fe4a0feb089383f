// The trial job with a clock the test moves: the reminder once, three days ahead, in each owner's language;
// the suspension at the trial's end, audited and mailed; paid studios left alone; and the scheduled task.
import type { Config, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { isTenantPaid, registerPaidCheck } from '../../plugins/signup'
import { runTrialLifecycle } from '../../plugins/signup/services/trialLifecycle'
import { createTenant, createUser } from '../helpers/fixtures'
import { runScheduledTasks } from '../helpers/jobs'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const DAY = 86_400_000
// Far enough ahead that the scheduled run (at the real time) never reaches it.
const TRIAL_END = new Date('2031-03-20T13:00:00Z')
const at = (offsetMs: number) => new Date(TRIAL_END.getTime() + offsetMs)

describe('trial lifecycle', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let req: PayloadRequest
  let studio: Tenant
  let paidStudio: Tenant
  let englishOwner: User
  let frenchOwner: User
  let staff: User
  const paidTenantIds = new Set<number>()

  const trialStudio = (name: string, trialEndsAt: Date) =>
    createTenant(app.payload, { name, status: 'trial', timezone: 'Europe/Paris' }).then((tenant) =>
      app.payload.update({ id: tenant.id, collection: 'tenants', data: { trialEndsAt: trialEndsAt.toISOString() } }),
    )
  const mailTo = (user: User) => smtp.messages.filter((mail) => mail.to.includes(user.email))
  const reload = (tenant: Tenant) => app.payload.findByID({ id: tenant.id, collection: 'tenants', depth: 0 })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_URL: 'https://app.atelier.test' })
    req = await createLocalReq({}, app.payload)
    // The billing plugin will register its check in the config; here one is added to the running config through the same seam.
    const withCheck = registerPaidCheck({ custom: app.payload.config.custom } as Config, ({ tenant }) => paidTenantIds.has(tenant.id))
    Object.assign(app.payload.config.custom, withCheck.custom)

    studio = await trialStudio('Lumière', TRIAL_END)
    paidStudio = await trialStudio('Paid Studio', TRIAL_END)
    paidTenantIds.add(paidStudio.id)
    englishOwner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    frenchOwner = await app.payload.update({
      id: (await createUser(app.payload, [{ role: 'owner', tenant: studio }])).id,
      collection: 'users',
      data: { languagePreference: 'fr' },
    })
    staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    await createUser(app.payload, [{ role: 'owner', tenant: paidStudio }])
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('sends no reminder four days before the end', async () => {
    expect(await runTrialLifecycle(req, at(-4 * DAY))).toEqual({ reminded: 0, suspended: 0 })
    expect(smtp.messages).toHaveLength(0)
    expect((await reload(studio)).trialReminderSentAt).toBeFalsy()
  })

  it('reminds every owner three days before, once, in their language, with the end in the studio’s zone and the admin URL', async () => {
    const now = at(-3 * DAY)
    expect(await runTrialLifecycle(req, now)).toEqual({ reminded: 1, suspended: 0 })
    const english = await smtp.waitFor((mail) => mail.to.includes(englishOwner.email))
    const french = await smtp.waitFor((mail) => mail.to.includes(frenchOwner.email))

    // 13:00 UTC is 14:00 in Paris (winter time).
    expect(english.subject).toBe('Your Atelier trial for Lumière ends on March 20, 2031 at 2:00 PM (Europe/Paris)')
    expect(english.body).toContain('https://app.atelier.test/admin')
    expect(french.subject).toBe('Votre essai Atelier pour Lumière se termine le 20 mars 2031 à 14:00 (Europe/Paris)')
    expect(french.body).toContain('L’essai gratuit de Lumière se termine le 20 mars 2031 à 14:00 (Europe/Paris).')
    expect(french.body).toContain('https://app.atelier.test/admin')
    expect(mailTo(staff)).toHaveLength(0)
    expect((await reload(studio)).trialReminderSentAt).toBe(now.toISOString())

    // Later runs inside the window send nothing more.
    expect(await runTrialLifecycle(req, at(-3 * DAY))).toEqual({ reminded: 0, suspended: 0 })
    expect(await runTrialLifecycle(req, at(-1 * DAY))).toEqual({ reminded: 0, suspended: 0 })
    expect(mailTo(englishOwner)).toHaveLength(1)
    expect(mailTo(frenchOwner)).toHaveLength(1)
  })

  it('keeps the studio open until the end, then suspends it, audited, and tells the owners what still works', async () => {
    expect(await runTrialLifecycle(req, at(-1))).toEqual({ reminded: 0, suspended: 0 })
    expect((await reload(studio)).status).toBe('trial')

    expect(await runTrialLifecycle(req, at(0))).toEqual({ reminded: 0, suspended: 1 })
    expect((await reload(studio)).status).toBe('suspended')
    const english = await smtp.waitFor((mail) => mail.to.includes(englishOwner.email) && mail.subject === 'Lumière is suspended')
    const french = await smtp.waitFor((mail) => mail.to.includes(frenchOwner.email) && mail.subject === 'Lumière est suspendu')
    expect(english.body).toContain('Nothing has been deleted.')
    expect(english.body).toContain('export your data')
    expect(english.body).toContain('https://app.atelier.test/admin')
    expect(french.body).toContain('Rien n’a été supprimé.')

    const { docs: entries } = await app.payload.find({
      collection: 'audit-logs',
      where: { and: [{ action: { equals: 'tenant_suspended' } }, { tenant: { equals: studio.id } }] },
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ collection: 'tenants', details: { reason: 'trial_ended' }, documentId: String(studio.id) })

    // Run twice: nothing more happens, nothing is deleted.
    expect(await runTrialLifecycle(req, at(DAY))).toEqual({ reminded: 0, suspended: 0 })
    expect(mailTo(englishOwner)).toHaveLength(2)
    expect(mailTo(frenchOwner)).toHaveLength(2)
    expect((await reload(studio)).name).toBe('Lumière')
  })

  it('leaves a studio a registered paid check vouches for alone: no reminder, no suspension', async () => {
    expect(await isTenantPaid(req, paidStudio)).toBe(true)
    expect(await isTenantPaid(req, studio)).toBe(false)
    const reloaded = await reload(paidStudio)
    expect(reloaded.status).toBe('trial')
    expect(reloaded.trialReminderSentAt).toBeFalsy()
    expect(smtp.messages.filter((mail) => mail.subject.includes('Paid Studio'))).toHaveLength(0)
  })

  it('runs daily on the nightly queue through Payload’s jobs, at the current time', async () => {
    const task = app.payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'trialLifecycle')
    expect(task?.schedule).toEqual([expect.objectContaining({ queue: 'nightly' })])
    expect(task?.schedule?.[0]?.cron.split(' ').slice(2)).toEqual(['*', '*', '*'])

    const ended = await trialStudio('Ended Today', new Date(Date.now() - 60_000))
    const endingSoon = await trialStudio('Ending Soon', new Date(Date.now() + 2 * DAY))
    const endedOwner = await createUser(app.payload, [{ role: 'owner', tenant: ended }])
    const soonOwner = await createUser(app.payload, [{ role: 'owner', tenant: endingSoon }])

    await runScheduledTasks(app.payload, 'nightly')

    expect((await reload(ended)).status).toBe('suspended')
    expect((await reload(endingSoon)).trialReminderSentAt).toBeTruthy()
    await smtp.waitFor((mail) => mail.to.includes(endedOwner.email) && mail.subject === 'Ended Today is suspended')
    await smtp.waitFor((mail) => mail.to.includes(soonOwner.email) && mail.subject.startsWith('Your Atelier trial for Ending Soon ends on'))
    const { docs: jobs } = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'trialLifecycle' } } })
    expect(jobs.map((job) => job.hasError)).not.toContain(true)
  })
})
