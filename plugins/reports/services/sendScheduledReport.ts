// One run of a scheduled report: the period before the run, built with the owner's permissions as they are
// now, emailed once to the recipients still in the studio. The ledger row (schedule, period) is the guard
// against sending twice: the send happens while that row is locked, and it is marked sent in the same
// transaction. A commit lost after the mail left is the one case that can repeat a mail (at least once, never lost).
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, JobCancelledError } from 'payload'

import type { ReportFormat } from '../types'

import { HttpError } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { buildReport, reportFile } from './build'
import { reportPeriodFor, type ReportPeriod, type ScheduleFrequency } from './schedule'
import { scheduledReportEmail } from './scheduledEmail'
import { scheduledSpec } from './scheduledSpec'
import type { SendScheduledReportInput } from './queueDueReports'

type ScheduleRow = {
  active: boolean
  format: Exclude<ReportFormat, 'json'>
  frequency: ScheduleFrequency
  id: number
  name: string
  owner_id: null | number
  saved_template_id: null | number
  studio: string
  template: null | string
  tenant_id: number
  timezone: null | string
}

export type SendOutcome = {
  /** `sent`; `already-sent` (a retry or a second job); `busy` (another worker holds the run); `paused` or `gone`. */
  status: 'already-sent' | 'busy' | 'gone' | 'paused' | 'sent'
  recipients?: number
  rows?: boolean
}

/** A refusal no retry can fix (the owner's access, the report itself): the job stops, logged, and sends nothing. */
class ScheduleCannotRun extends Error {}

async function loadSchedule(payload: Payload, scheduleId: number): Promise<null | ScheduleRow> {
  const { rows } = (await poolDb(payload).execute(sql`
    select s.id, s.name, s.tenant_id, s.owner_id, s.template, s.saved_template_id, s.format, s.frequency, s.active, t.timezone, t.name as studio
    from scheduled_reports s join tenants t on t.id = s.tenant_id where s.id = ${scheduleId}`)) as { rows: ScheduleRow[] }
  return rows[0] ?? null
}

/** The owner's own request, so that rbac computes their grants now exactly as for their own calls. */
async function ownerRequest(payload: Payload, schedule: ScheduleRow): Promise<PayloadRequest> {
  const owner = schedule.owner_id === null ? null : await payload.findByID({ id: schedule.owner_id, collection: 'users', depth: 0, disableErrors: true, overrideAccess: true })
  if (!owner) throw new ScheduleCannotRun('its owner no longer exists')
  return createLocalReq({ user: { ...owner, collection: 'users' } }, payload)
}

/** Recipients who are still members of the studio: someone who left gets nothing more. */
async function recipientEmails(req: PayloadRequest, schedule: ScheduleRow): Promise<string[]> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`
    select distinct u.email from scheduled_reports_rels r join users u on u.id = r.users_id
    where r.parent_id = ${schedule.id} and r.path = 'recipients'
      and exists (select 1 from users_tenants m where m._parent_id = u.id and m.tenant_id = ${schedule.tenant_id})
    order by u.email`)) as { rows: { email: string }[] }
  return rows.map((row) => row.email)
}

/** The report's refusals for the owner (4xx) are final; a conflict (rates not loaded yet) and the rest are retried. */
async function asOwner<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof HttpError && [400, 401, 403, 404].includes(error.status)) throw new ScheduleCannotRun(`the owner may not export it: ${error.message}`)
    throw error
  }
}

async function sendLocked(req: PayloadRequest, schedule: ScheduleRow, period: ReportPeriod): Promise<SendOutcome> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`
    select id, status from scheduled_report_runs where schedule_id = ${schedule.id} and period_key = ${period.key}
    for update skip locked`)) as { rows: { id: number; status: string }[] }
  const run = rows[0]
  if (!run) return { status: 'busy' }
  if (run.status === 'sent') return { status: 'already-sent' }

  const recipients = await recipientEmails(req, schedule)
  if (recipients.length === 0) throw new ScheduleCannotRun('none of its recipients is still a member of the studio')
  const choice = { name: schedule.name, savedTemplate: schedule.saved_template_id, template: schedule.template, tenant: schedule.tenant_id }
  const spec = await scheduledSpec(req, choice, period)
  if (!spec) throw new ScheduleCannotRun('its saved report no longer exists in the studio')
  // The file first: it checks reports:export before any query runs. Then whether there are rows, from the
  // bounded JSON build (the file has no cap, and its stream is read only below).
  const file = await asOwner(() => reportFile(req, spec, schedule.format))
  const answer = await asOwner(() => buildReport(req, { ...spec, limit: 1 }))
  const content = Buffer.from(await new Response(file.body).arrayBuffer())

  const email = scheduledReportEmail({ fileName: file.fileName, hasRows: answer.rows.length > 0, name: schedule.name, period, studio: schedule.studio, timezone: schedule.timezone || 'UTC' })
  // Bcc, one message: recipients do not see one another's addresses, and a reply-all reaches nobody.
  await req.payload.sendEmail({ ...email, attachments: [{ content, contentType: file.contentType, filename: file.fileName }], bcc: recipients })

  await db.execute(sql`update scheduled_report_runs set status = 'sent', sent_at = now(), attempts = attempts + 1 where id = ${run.id}`)
  await db.execute(sql`update scheduled_reports set last_sent_at = now(), last_period = ${period.key} where id = ${schedule.id}`)
  return { recipients: recipients.length, rows: answer.rows.length > 0, status: 'sent' }
}

/**
 * Sends the run of `scheduleId` at `runAt`, once. Throws JobCancelledError (no retry) when the owner may no
 * longer export it or nothing is left to send; any other error fails the attempt, to be retried.
 */
export async function sendScheduledReport(payload: Payload, input: SendScheduledReportInput): Promise<SendOutcome> {
  const schedule = await loadSchedule(payload, input.scheduleId)
  if (!schedule) return { status: 'gone' }
  if (!schedule.active) return { status: 'paused' }
  const period = reportPeriodFor({ frequency: schedule.frequency, timezone: schedule.timezone || 'UTC' }, new Date(input.runAt))
  // Committed on its own, so that the ledger keeps a run that failed and counts its attempts.
  const pool = poolDb(payload)
  await pool.execute(sql`insert into scheduled_report_runs (schedule_id, period_key) values (${schedule.id}, ${period.key}) on conflict (schedule_id, period_key) do nothing`)
  try {
    const req = await ownerRequest(payload, schedule)
    return await inTransaction(req, () => sendLocked(req, schedule, period))
  } catch (error) {
    await pool.execute(sql`update scheduled_report_runs set attempts = attempts + 1 where schedule_id = ${schedule.id} and period_key = ${period.key} and status = 'sending'`)
    if (!(error instanceof ScheduleCannotRun)) throw error
    const message = `Scheduled report "${schedule.name}" (${schedule.id}) not sent for ${period.key}: ${error.message}`
    payload.logger.error({ msg: message, ownerId: schedule.owner_id, periodKey: period.key, scheduleId: schedule.id, tenantId: schedule.tenant_id })
    throw new JobCancelledError(message)
  }
}
