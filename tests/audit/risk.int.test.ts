// Each risk rule fires through real requests, stays silent below its threshold, and a high score
// emails the tenant's owners through the jobs queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { hourIn } from '../../plugins/audit-log/services/risk'
import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

/** A zone where it is now within (or outside) 07:00–21:00. */
const zoneWhere = (inside: boolean) =>
  Intl.supportedValuesOf('timeZone').find((zone) => {
    const hour = hourIn(new Date(), zone)
    return inside ? hour >= 8 && hour < 20 : hour < 6 || hour >= 22
  })!

describe('risk rules', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let dayTenant: Tenant
  let nightTenant: Tenant
  let dayAdmin: User
  let nightOwner: User
  const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } })
  const reasonsOf = (entry: { riskReasons?: unknown }) => (entry.riskReasons as string[]) ?? []

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    dayTenant = await createTenant(app.payload, { timezone: zoneWhere(true) })
    nightTenant = await createTenant(app.payload, { timezone: zoneWhere(false) })
    dayAdmin = await createUser(app.payload, [{ role: 'admin', tenant: dayTenant }])
    nightOwner = await createUser(app.payload, [{ role: 'owner', tenant: nightTenant }])
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('repeated failed logins for one account: silent at 4, fires at 5', async () => {
    const victim = await createUser(app.payload, [{ role: 'staff', tenant: dayTenant }])
    for (let attempt = 1; attempt <= 5; attempt++) {
      await app.rest.post('/users/login', { email: victim.email, password: 'wrong' }, from(`192.0.2.${attempt}`))
    }
    const failures = await auditEntries(app.payload, { and: [{ action: { equals: 'login_failed' } }, { subject: { equals: victim.email } }] })
    expect(failures).toHaveLength(5)
    expect(reasonsOf(failures[3]!).join()).not.toMatch(/for this account/)
    expect(reasonsOf(failures[4]!).join()).toMatch(/5 failed logins for this account/)
  })

  it('repeated failed logins from one IP across accounts: silent at 4, fires at 5', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await app.rest.post('/users/login', { email: `nobody${attempt}@atelier.test`, password: 'wrong' }, from('198.51.100.99'))
    }
    const failures = await auditEntries(app.payload, { and: [{ action: { equals: 'login_failed' } }, { ip: { equals: '198.51.100.99' } }] })
    expect(reasonsOf(failures[3]!).join()).not.toMatch(/from this IP/)
    expect(reasonsOf(failures[4]!).join()).toMatch(/5 failed logins from this IP/)
  })

  it('a login from an IP never seen for that user', async () => {
    for (const ip of ['198.51.100.1', '198.51.100.1', '198.51.100.2']) {
      const response = await app.rest.post('/users/login', { email: dayAdmin.email, password: PASSWORD }, from(ip))
      expect(response.status).toBe(200)
    }
    const logins = await auditEntries(app.payload, { and: [{ action: { equals: 'login' } }, { user: { equals: dayAdmin.id } }] })
    expect(logins.map((entry) => reasonsOf(entry).some((reason) => /never seen/.test(reason)))).toEqual([false, false, true])
  })

  it('role and permission changes', async () => {
    const token = await app.rest.login(dayAdmin.email, PASSWORD)
    const staffRole = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'staff' } } })).docs[0]!
    const member = await createUser(app.payload, [{ role: 'editor', tenant: dayTenant }])
    await app.rest.post(`/users/${member.id}/roles`, { role: staffRole.id, tenant: dayTenant.id }, { token })
    const [assigned] = await auditEntries(app.payload, { and: [{ action: { equals: 'role_assigned' } }, { tenant: { equals: dayTenant.id } }] })
    expect(reasonsOf(assigned!)).toContain('Role or permission change')
    expect(assigned!.riskScore).toBe(40)
  })

  it('activity outside working hours, in the tenant’s time zone', async () => {
    const dayToken = await app.rest.login(dayAdmin.email, PASSWORD)
    const nightToken = await app.rest.login(nightOwner.email, PASSWORD)
    await app.rest.post('/media', uploadForm({ alt: 'day', tenant: dayTenant.id }), { token: dayToken })
    await app.rest.post('/media', uploadForm({ alt: 'night', tenant: nightTenant.id }), { token: nightToken })
    const creates = await auditEntries(app.payload, { and: [{ action: { equals: 'create' } }, { collection: { equals: 'media' } }] })
    const byTenant = new Map(creates.map((entry) => [entry.tenant, reasonsOf(entry)]))
    expect(byTenant.get(dayTenant.id)!.join()).not.toMatch(/working hours/)
    expect(byTenant.get(nightTenant.id)!.join()).toMatch(/outside working hours/)
  })

  it('mass deletion fires past 20 deletes; at night that scores 80 and emails the owner', async () => {
    const token = await app.rest.login(nightOwner.email, PASSWORD)
    const ids: number[] = []
    for (let index = 0; index < 21; index++) {
      const response = await app.rest.post('/media', uploadForm({ alt: `bulk ${index}`, tenant: nightTenant.id }), { token })
      ids.push(((await response.json()) as { doc: { id: number } }).doc.id)
    }
    for (const id of ids) expect((await app.rest.delete(`/media/${id}`, { token })).status).toBe(200)

    const deletes = await auditEntries(app.payload, { and: [{ action: { equals: 'delete' } }, { user: { equals: nightOwner.id } }] })
    expect(deletes).toHaveLength(21)
    expect(reasonsOf(deletes[19]!).join()).not.toMatch(/deletions/)
    expect(reasonsOf(deletes[20]!).join()).toMatch(/21 deletions by this user/)
    expect(deletes[20]!.riskScore).toBe(80)

    const queued = await app.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'auditAlert' } } })
    expect(queued.totalDocs).toBe(1)
    await app.payload.jobs.run()
    const mail = await smtp.waitFor((message) => message.to.includes(nightOwner.email))
    expect(mail.subject).toBe('Security alert: delete (risk 80)')
    expect(mail.body).toMatch(/21 deletions by this user/)
  })
})
