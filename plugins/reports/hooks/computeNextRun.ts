import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ScheduledReport } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { nextRunAfter, scheduleRuleSchema } from '../services/schedule'

const RULE_FIELDS = ['frequency', 'weekday', 'dayOfMonth', 'sendAt'] as const

/**
 * Checks the rule and sets `nextRunAt` in the studio's zone: on create, when the rule changes, and when a
 * paused schedule is switched back on (from now, so that the runs missed while paused are not sent in a burst).
 * A weekday or day of the month the frequency does not use is cleared rather than refused (the admin form
 * keeps a hidden field's old value).
 */
export const computeNextRun: CollectionBeforeChangeHook<ScheduledReport> = async ({ collection, data, operation, originalDoc, req }) => {
  const frequency = data.frequency ?? originalDoc?.frequency
  if (frequency !== 'WEEKLY' && (data.weekday ?? originalDoc?.weekday) != null) data.weekday = null
  if (frequency !== 'MONTHLY' && (data.dayOfMonth ?? originalDoc?.dayOfMonth) != null) data.dayOfMonth = null
  const merged = { ...originalDoc, ...data }
  const ruleChanged = RULE_FIELDS.some((key) => key in data && data[key] !== originalDoc?.[key])
  const resumed = data.active === true && originalDoc?.active === false
  if (operation !== 'create' && !ruleChanged && !resumed) return data
  // No tenant or frequency yet: the required-field validation that follows reports it.
  if (merged.tenant === null || merged.tenant === undefined || !merged.frequency) return data

  const tenant = await req.payload.findByID({ id: idOf(merged.tenant), collection: 'tenants', depth: 0, overrideAccess: true, req })
  const parsed = scheduleRuleSchema.safeParse({
    frequency: merged.frequency,
    sendAt: merged.sendAt,
    timezone: tenant.timezone || 'UTC',
    ...(merged.frequency === 'WEEKLY' ? { weekday: merged.weekday ?? undefined } : {}),
    ...(merged.frequency === 'MONTHLY' ? { dayOfMonth: merged.dayOfMonth ?? undefined } : {}),
  })
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ message: issue.message, path: String(issue.path[0] ?? 'frequency') }))
    throw new ValidationError({ collection: collection.slug, errors })
  }
  data.nextRunAt = nextRunAfter(parsed.data, new Date()).toISOString()
  return data
}
