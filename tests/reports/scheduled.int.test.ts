// Scheduled reports end to end: POST /api/reports/scheduled (rule, recipients, permissions), then the reports
// queue run as the server's scheduler would (tick, then sends), read back from a real SMTP server: one mail
// per period with the file attached, none more on a retried job, "no data" for an empty period, and nothing
// once the owner lost reports:export.
import { sql } from '@payloadcms/db-postgres'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ScheduledReport, Tenant, User } from '../../payload-types'

import { nextRunAfter, reportPeriodFor } from '../../plugins/reports/services/schedule'
import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { runScheduledTasks } from '../helpers/jobs'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type ReceivedMail, type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Db = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
type Job = { error?: { cancelled?: boolean } | null; hasError?: boolean | null; id: number; input: { runAt: string; scheduleId: number }; taskSlug: string }

const ZONE = 'Europe/Paris'
const DAY_MS = 86_400_000

/** The attachments of a raw MIME message (nodemailer writes them base64 in the top-level multipart). */
function attachmentsOf(mail: ReceivedMail): { content: Buffer; filename: string }[] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(mail.raw)?.[1]
  if (!boundary) return []
  return mail.raw.split(`--${boundary}`).flatMap((part) => {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/)
    const headers = head.replace(/\r?\n[ \t]+/g, ' ')
    const filename = /Content-Disposition: attachment;\s*filename="?([^";\r\n]+)"?/i.exec(headers)?.[1]
    return filename ? [{ content: Buffer.from(body.join('').replace(/\s+/g, ''), 'base64'), filename }] : []
  })
}

describe('scheduled reports: create, run, email once per period', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let other: Tenant
  let owner: User
  let colleague: User
  let outsider: User
  let ownerToken: string
  let staffToken: string
  /** The weekly schedule sent once, and the run it was sent for. */
  let sent: { runAt: Date; scheduleId: number }
  const db = () => app.payload.db.drizzle as unknown as Db

  const createSchedule = async (body: Record<string, unknown>, token = ownerToken) => {
    const response = await app.rest.post('/reports/scheduled', body, { token })
    return { body: (await response.json()) as { doc: ScheduledReport; errors?: { message: string; path?: string }[] }, status: response.status }
  }
  const weekly = (name: string) => ({ format: 'xlsx', frequency: 'WEEKLY', name, recipients: [owner.id, colleague.id], sendAt: '07:00', template: 'revenue-by-month', weekday: 1 })

  /** Moves a schedule's next run back one period: exactly one run is due, at the returned instant. */
  async function makeDue(doc: ScheduledReport, periodMs: number): Promise<Date> {
    const runAt = new Date(Date.parse(doc.nextRunAt!) - periodMs)
    await db().execute(sql`update scheduled_reports set next_run_at = ${runAt.toISOString()}::timestamptz where id = ${doc.id}`)
    return runAt
  }
  /** A minute of the server's scheduler on the reports queue, then the sends that tick queued. */
  async function runReportsQueue() {
    await runScheduledTasks(app.payload, 'reports')
    await app.payload.jobs.run({ queue: 'reports' })
  }
  const mailsFor = (name: string) => smtp.messages.filter((mail) => mail.subject.startsWith(`${name} · `))
  /** Send jobs still stored: a completed job is deleted, one that failed stays. */
  const sendJobsOf = async (scheduleId: number) =>
    ((await app.payload.find({ collection: 'payload-jobs', depth: 0, limit: 100, where: { taskSlug: { equals: 'sendScheduledReport' } } })).docs as unknown as Job[]).filter(
      (job) => job.input.scheduleId === scheduleId,
    )
  const ledgerOf = async (scheduleId: number) =>
    (await db().execute(sql`select period_key, status, attempts, sent_at from scheduled_report_runs where schedule_id = ${scheduleId} order by period_key`)).rows

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    studio = await createTenant(app.payload, { name: 'Atelier Nord', timezone: ZONE })
    other = await createTenant(app.payload, { name: 'Atelier Sud', timezone: ZONE })
    owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    colleague = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    outsider = await createUser(app.payload, [{ role: 'owner', tenant: other }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    staffToken = await app.rest.login(colleague.email, PASSWORD)

    // One deposit of 60 EUR and a refund of 10 EUR in the week the weekly run reports on (worked out below).
    const probe = nextRunAfter({ frequency: 'WEEKLY', sendAt: '07:00', timezone: ZONE, weekday: 1 }, new Date())
    const period = reportPeriodFor({ frequency: 'WEEKLY', timezone: ZONE }, new Date(probe.getTime() - 7 * DAY_MS))
    const paidAt = `${period.from}T12:00:00Z`
    const room = await createRoom(app.payload, studio, { name: 'Salle A' })
    const { rows } = await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid)
      values (${studio.id}, 'S-1', ${room.id}, 'Ann', 'ann@example.com', ${paidAt}, ${paidAt}::timestamptz + interval '1 hour', ${paidAt}::timestamptz + interval '1 hour', 'confirmed', 'staff', 20000, 6000, 'EUR', 6000) returning id`)
    const bookingId = rows[0]!.id as number
    const payment = await db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at) values (${studio.id}, ${bookingId}, 'cs_s1', 6000, 'EUR', 'paid', ${paidAt}) returning id`)
    await db().execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at)
      values (${studio.id}, ${payment.rows[0]!.id as number}, ${bookingId}, 'rf-s1', 1000, 'EUR', 'staff', 'succeeded', ${`${period.from}T15:00:00Z`})`)
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('creates a weekly schedule owned by its creator, next run at 07:00 on Monday in the studio’s zone', async () => {
    const before = new Date()
    const { body, status } = await createSchedule(weekly('Revenue weekly'))
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc).toMatchObject({ active: true, format: 'xlsx', frequency: 'WEEKLY', owner: owner.id, tenant: studio.id, weekday: 1 })
    const expected = nextRunAfter({ frequency: 'WEEKLY', sendAt: '07:00', timezone: ZONE, weekday: 1 }, before)
    expect(body.doc.nextRunAt).toBe(expected.toISOString())
    expect(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: ZONE, weekday: 'long' }).format(expected)).toBe('Monday 07:00')

    const list = await app.rest.get(`/reports/scheduled?tenant=${studio.id}`, { token: ownerToken })
    expect(((await list.json()) as { docs: ScheduledReport[] }).docs.map((doc) => doc.id)).toContain(body.doc.id)
  })

  it('refuses recipients outside the studio, a saved report of another studio, and a bad rule with 400', async () => {
    const outside = await createSchedule({ ...weekly('Leaky'), recipients: [owner.id, outsider.id] })
    expect(outside.status).toBe(400)
    expect(outside.body.errors).toEqual([{ message: `Recipients must be members of this studio; not a member: user ${outsider.id}.`, path: 'recipients' }])

    const theirs = await app.payload.create({ collection: 'report-templates', data: { name: 'Theirs', spec: { source: 'rooms' }, tenant: other.id } })
    const { template: _template, ...noTemplate } = weekly('Borrowed')
    expect((await createSchedule({ ...noTemplate, savedTemplate: theirs.id })).status).toBe(400)
    expect((await createSchedule({ ...weekly('Both'), savedTemplate: theirs.id })).status).toBe(400)
    const noWeekday = await createSchedule({ ...weekly('No day'), weekday: undefined })
    expect(noWeekday.status).toBe(400)
    expect(noWeekday.body.errors?.[0]?.path).toBe('weekday')
    expect((await createSchedule({ ...weekly('Late'), sendAt: '25:00' })).status).toBe(400)
    expect((await app.payload.count({ collection: 'scheduled-reports', where: { name: { in: ['Leaky', 'Borrowed', 'Both', 'No day', 'Late'] } } })).totalDocs).toBe(0)
  })

  it('refuses a staff member without scheduled-reports:create with 403, and anonymous callers with 401', async () => {
    expect((await createSchedule({ ...weekly('By staff'), recipients: [colleague.id] }, staffToken)).status).toBe(403)
    expect((await app.rest.post('/reports/scheduled', weekly('Anonymous'))).status).toBe(401)
    expect((await app.rest.get('/reports/scheduled')).status).toBe(401)
  })

  it('emails the due run once, with the file named after the report and its period', async () => {
    const { body } = await createSchedule(weekly('Weekly takings'))
    const runAt = await makeDue(body.doc, 7 * DAY_MS)
    sent = { runAt, scheduleId: body.doc.id }
    const period = reportPeriodFor({ frequency: 'WEEKLY', timezone: ZONE }, runAt)
    await runReportsQueue()

    const mail = await smtp.waitFor((message) => message.subject.startsWith('Weekly takings · '))
    expect(mailsFor('Weekly takings')).toHaveLength(1)
    const lastDay = new Date(Date.parse(`${period.to}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
    expect(mail.subject).toBe(`Weekly takings · ${period.from} – ${lastDay}`)
    expect(mail.to.sort()).toEqual([owner.email, colleague.email].sort())
    // Bcc: the recipients' addresses are in the envelope only, not in the headers.
    expect(mail.raw).not.toContain(colleague.email)
    expect(mail.body).toContain('The report is attached')

    const [file] = attachmentsOf(mail)
    expect(file?.filename).toBe(`weekly-takings_${period.from}_${lastDay}.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file!.content as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(2)
    const values = (sheet.getRow(2).values as unknown[]).filter((value) => typeof value === 'number')
    expect(values).toEqual(expect.arrayContaining([60, -10, 50]))

    expect(await ledgerOf(body.doc.id)).toEqual([expect.objectContaining({ attempts: 1, period_key: period.key, status: 'sent' })])
    const stored = await app.payload.findByID({ id: body.doc.id, collection: 'scheduled-reports', depth: 0 })
    expect(stored).toMatchObject({ lastPeriod: period.key, nextRunAt: body.doc.nextRunAt })
    expect(stored.lastSentAt).toBeTruthy()
  })

  it('sends nothing more when the same run is queued again (a retry, a second worker)', async () => {
    const job = await app.payload.jobs.queue({ input: { runAt: sent.runAt.toISOString(), scheduleId: sent.scheduleId }, queue: 'reports', task: 'sendScheduledReport' })
    const { jobStatus } = await app.payload.jobs.runByID({ id: job.id })
    expect(jobStatus?.[job.id]?.status).toBe('success')
    // And the scheduler's own tick: the schedule is not due again before its next week.
    await runReportsQueue()
    expect(mailsFor('Weekly takings')).toHaveLength(1)
    expect(await ledgerOf(sent.scheduleId)).toEqual([expect.objectContaining({ attempts: 1, status: 'sent' })])
  })

  it('still sends an empty period, saying there was no data, with a CSV of headers only', async () => {
    const { body } = await createSchedule({ format: 'csv', frequency: 'DAILY', name: 'Daily takings', recipients: [owner.id], sendAt: '06:30', template: 'revenue-by-month' })
    expect(body.doc.nextRunAt).toBeTruthy()
    const runAt = await makeDue(body.doc, DAY_MS)
    const period = reportPeriodFor({ frequency: 'DAILY', timezone: ZONE }, runAt)
    await runReportsQueue()

    const mail = await smtp.waitFor((message) => message.subject === `Daily takings · ${period.from}`)
    expect(mail.to).toEqual([owner.email])
    expect(mail.body).toContain('No data for this period.')
    const [file] = attachmentsOf(mail)
    expect(file?.filename).toBe(`daily-takings_${period.from}_${period.from}.csv`)
    const rows = parse(file!.content.toString('utf8').replace(/^\uFEFF/, '')) as string[][]
    expect(rows).toHaveLength(1)
    expect(rows[0]!.length).toBeGreaterThan(1)
  })

  it('sends nothing once the owner lost reports:export, and does not retry', async () => {
    const reporterRole = await app.payload.create({
      collection: 'roles',
      data: {
        name: 'Reporter',
        permissions: [
          { actions: ['read', 'export'], resource: 'reports' },
          { actions: ['create', 'read'], resource: 'scheduled-reports' },
        ],
        slug: 'reporter',
        tenant: studio.id,
      },
    })
    const reporter = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    await app.payload.create({ collection: 'role-assignments', data: { role: reporterRole.id, tenant: studio.id, user: reporter.id } })
    // On bookings, which the staff role reads.
    const { body, status } = await createSchedule({ ...weekly('Reporter weekly'), recipients: [reporter.id], template: 'cancellations-by-month' }, await app.rest.login(reporter.email, PASSWORD))
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.owner).toBe(reporter.id)

    await app.payload.update({ id: reporterRole.id, collection: 'roles', data: { permissions: reporterRole.permissions!.map((grant) => (grant.resource === 'reports' ? { ...grant, actions: ['read'] } : grant)) } })
    const runAt = await makeDue(body.doc, 7 * DAY_MS)
    await runReportsQueue()
    await app.payload.jobs.run({ queue: 'reports' })

    expect(mailsFor('Reporter weekly')).toEqual([])
    const [job, ...more] = await sendJobsOf(body.doc.id)
    expect(more).toEqual([])
    expect(job).toMatchObject({ error: expect.objectContaining({ cancelled: true }), hasError: true })
    const period = reportPeriodFor({ frequency: 'WEEKLY', timezone: ZONE }, runAt)
    expect(await ledgerOf(body.doc.id)).toEqual([expect.objectContaining({ attempts: 1, period_key: period.key, sent_at: null, status: 'sending' })])
  })
})
