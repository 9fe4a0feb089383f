// The schedule form as the body of POST /api/reports/scheduled: only the day field its frequency takes (the
// endpoint's rule is strict), numbers as numbers, recipients as user ids. Pure, browser-safe.
import type { ScheduleFrequency } from './schedule'

export type ScheduleFormat = 'csv' | 'pdf' | 'xlsx'

export type ScheduleFormState = {
  dayOfMonth: string
  format: ScheduleFormat
  frequency: ScheduleFrequency
  name: string
  recipients: number[]
  /** HH:MM, the studio's local time. */
  sendAt: string
  /** A predefined template's key. */
  template: string
  /** ISO weekday as text, '1' (Monday) to '7'. */
  weekday: string
}

export type ScheduleBody = {
  dayOfMonth?: number
  format: ScheduleFormat
  frequency: ScheduleFrequency
  name: string
  recipients: number[]
  sendAt: string
  template: string
  tenant?: number
  weekday?: number
}

export type ScheduleProblemCode = 'dayOfMonth' | 'name' | 'recipients' | 'sendAt' | 'template' | 'weekday'

export type ScheduleResult = { body: ScheduleBody; ok: true } | { ok: false; problems: ScheduleProblemCode[] }

const wholeIn = (text: string, low: number, high: number): null | number => {
  if (!/^\d{1,2}$/.test(text.trim())) return null
  const value = Number(text)
  return value >= low && value <= high ? value : null
}

export function scheduleBody(form: ScheduleFormState, tenant: number | undefined): ScheduleResult {
  const problems: ScheduleProblemCode[] = []
  const name = form.name.trim()
  if (!name) problems.push('name')
  if (!form.template) problems.push('template')
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.sendAt)) problems.push('sendAt')
  if (form.recipients.length === 0) problems.push('recipients')
  const weekday = form.frequency === 'WEEKLY' ? wholeIn(form.weekday, 1, 7) : null
  if (form.frequency === 'WEEKLY' && weekday === null) problems.push('weekday')
  const dayOfMonth = form.frequency === 'MONTHLY' ? wholeIn(form.dayOfMonth, 1, 31) : null
  if (form.frequency === 'MONTHLY' && dayOfMonth === null) problems.push('dayOfMonth')
  if (problems.length > 0) return { ok: false, problems }
  return {
    body: {
      ...(dayOfMonth === null ? {} : { dayOfMonth }),
      format: form.format,
      frequency: form.frequency,
      name,
      recipients: [...new Set(form.recipients)],
      sendAt: form.sendAt,
      template: form.template,
      ...(tenant === undefined ? {} : { tenant }),
      ...(weekday === null ? {} : { weekday }),
    },
    ok: true,
  }
}

export const initialScheduleForm = (template: string): ScheduleFormState => ({
  dayOfMonth: '1',
  format: 'pdf',
  frequency: 'MONTHLY',
  name: '',
  recipients: [],
  sendAt: '08:00',
  template,
  weekday: '1',
})
