// The scheduler's tick: every schedule whose next run has come gets one send job per run, and its next run
// moves on, in one transaction. Rows are taken `for update skip locked`, so two workers ticking at once
// split the due schedules between them and never queue the same run twice.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { nextRunAfter, type ScheduleFrequency, type ScheduleRule } from './schedule'

export const REPORTS_QUEUE = 'reports'
export const SEND_SCHEDULED_REPORT_TASK = 'sendScheduledReport'

/** Schedules handled per tick; the rest wait for the next one, five minutes on. */
const SCHEDULES_PER_TICK = 200
/** Runs caught up per schedule and tick after an outage: every missed period is still sent, a few at a time. */
const RUNS_PER_SCHEDULE_PER_TICK = 10

type DueRow = { day_of_month: null | number; frequency: ScheduleFrequency; id: number; next_run_at: Date | string; send_at: string; timezone: null | string; weekday: null | number }

export type SendScheduledReportInput = { runAt: string; scheduleId: number }

const ruleOf = (row: DueRow): ScheduleRule => ({
  dayOfMonth: row.day_of_month ?? undefined,
  frequency: row.frequency,
  sendAt: row.send_at,
  // The studio's zone as it is now: a studio that moves zone has its later runs follow.
  timezone: row.timezone || 'UTC',
  weekday: row.weekday ?? undefined,
})

/** The run instants of `rule` from `firstRun` up to `now`, at most `max`, and the run that follows them. */
export function dueRuns(rule: ScheduleRule, firstRun: Date, now: Date, max = RUNS_PER_SCHEDULE_PER_TICK): { next: Date; runs: Date[] } {
  const runs: Date[] = []
  let next = firstRun
  while (next.getTime() <= now.getTime() && runs.length < max) {
    runs.push(next)
    next = nextRunAfter(rule, next)
  }
  return { next, runs }
}

/** Queues the due runs of active schedules and advances them; answers how many send jobs it queued. */
export async function queueDueReports(req: PayloadRequest, now = new Date()): Promise<number> {
  return inTransaction(req, async () => {
    const db = await transactionDb(req)
    const { rows } = (await db.execute(sql`
      select s.id, s.frequency, s.weekday::int as weekday, s.day_of_month::int as day_of_month, s.send_at, s.next_run_at, t.timezone
      from scheduled_reports s join tenants t on t.id = s.tenant_id
      where s.active and s.next_run_at <= ${now.toISOString()}::timestamptz
      order by s.next_run_at
      limit ${SCHEDULES_PER_TICK}
      for update of s skip locked`)) as { rows: DueRow[] }
    let queued = 0
    for (const row of rows) {
      let due: ReturnType<typeof dueRuns>
      try {
        due = dueRuns(ruleOf(row), new Date(row.next_run_at), now)
      } catch (error) {
        // Only a row written around the collection's validation gets here; the others still go out.
        req.payload.logger.error({ err: error, msg: `Scheduled report ${row.id} has an invalid rule; not queued`, scheduleId: row.id })
        continue
      }
      for (const runAt of due.runs) {
        const input: SendScheduledReportInput = { runAt: runAt.toISOString(), scheduleId: row.id }
        await req.payload.jobs.queue({ input, queue: REPORTS_QUEUE, req, task: SEND_SCHEDULED_REPORT_TASK })
      }
      await db.execute(sql`update scheduled_reports set next_run_at = ${due.next.toISOString()}::timestamptz where id = ${row.id}`)
      queued += due.runs.length
    }
    return queued
  })
}
