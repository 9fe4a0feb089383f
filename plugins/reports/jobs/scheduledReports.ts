// The scheduled reports' job tasks; the work they run lives in services/.
import type { TaskConfig } from 'payload'

import { queueDueReports, REPORTS_QUEUE, SEND_SCHEDULED_REPORT_TASK, type SendScheduledReportInput } from '../services/queueDueReports'
import { sendScheduledReport } from '../services/sendScheduledReport'

/** Every five minutes: queues one send per due run and moves each schedule's next run on. */
export const dueScheduledReportsTask: TaskConfig = {
  slug: 'dueScheduledReports',
  handler: async ({ req }) => ({ output: { queued: await queueDueReports(req) } }),
  outputSchema: [{ name: 'queued', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '*/5 * * * *', queue: REPORTS_QUEUE }],
}

/**
 * Builds and emails one run. Retried on a failure (SMTP, the database); never sent twice for a period
 * (the run ledger); stopped without a retry when the owner may no longer export the report.
 */
export const sendScheduledReportTask: TaskConfig = {
  slug: SEND_SCHEDULED_REPORT_TASK,
  handler: async ({ input, req }) => ({ output: await sendScheduledReport(req.payload, input as SendScheduledReportInput) }),
  inputSchema: [
    { name: 'scheduleId', type: 'number', required: true },
    { name: 'runAt', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'recipients', type: 'number' },
    { name: 'rows', type: 'checkbox' },
  ],
  retries: 3,
}
