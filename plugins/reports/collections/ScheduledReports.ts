import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { computeNextRun } from '../hooks/computeNextRun'
import { rejectOutsideRecipients } from '../hooks/rejectOutsideRecipients'
import { requireExportPermission } from '../hooks/requireExportPermission'
import { requireOneTemplate } from '../hooks/requireOneTemplate'
import { setScheduleOwner } from '../hooks/setScheduleOwner'
import { PREDEFINED_TEMPLATES, predefinedTemplate } from '../services/templates'

export const SCHEDULED_REPORTS_SLUG = 'scheduled-reports'
export const MAX_RECIPIENTS = 20

// Written by the hooks and the send job only: a client neither picks the owner nor moves the next run.
const serverWritten = { create: nobody, update: nobody }
const serverField = (field: Field): Field => ({ ...field, access: serverWritten, admin: { ...field.admin, readOnly: true } }) as Field

/**
 * A studio's report emailed on a rule (daily, weekly on a weekday, monthly on a day) at a local time. It runs
 * with its owner's permissions as they stand at each send, so revoking the owner's access stops it; each
 * (schedule, period) is sent once, recorded in the `scheduled_report_runs` ledger (see the migration).
 */
export const ScheduledReports: CollectionConfig = {
  slug: SCHEDULED_REPORTS_SLUG,
  access: {
    create: can(SCHEDULED_REPORTS_SLUG, 'create'),
    delete: can(SCHEDULED_REPORTS_SLUG, 'delete'),
    read: can(SCHEDULED_REPORTS_SLUG, 'read'),
    update: can(SCHEDULED_REPORTS_SLUG, 'update'),
  },
  admin: { defaultColumns: ['name', 'frequency', 'format', 'nextRunAt', 'lastSentAt', 'active'], group: 'Reports', useAsTitle: 'name' },
  custom: { tenantScoped: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    {
      name: 'template',
      type: 'text',
      admin: { description: `A predefined report: ${PREDEFINED_TEMPLATES.map(({ key }) => key).join(', ')}. Or choose a saved report below.` },
      validate: (value: null | string | undefined) =>
        !value || Boolean(predefinedTemplate(value)) || `Not a predefined report; use one of ${PREDEFINED_TEMPLATES.map(({ key }) => key).join(', ')}.`,
    },
    // Kept in the schedule's own studio by the tenancy plugin's filter, checked again on save.
    { name: 'savedTemplate', type: 'relationship', relationTo: 'report-templates' },
    {
      name: 'format',
      type: 'select',
      defaultValue: 'xlsx',
      options: [
        { label: 'CSV', value: 'csv' },
        { label: 'Excel (XLSX)', value: 'xlsx' },
        { label: 'PDF', value: 'pdf' },
      ],
      required: true,
    },
    {
      name: 'frequency',
      type: 'select',
      options: [
        { label: 'Daily (reports the day before)', value: 'DAILY' },
        { label: 'Weekly (reports the week before)', value: 'WEEKLY' },
        { label: 'Monthly (reports the month before)', value: 'MONTHLY' },
      ],
      required: true,
    },
    {
      name: 'weekday',
      type: 'number',
      admin: { condition: (data) => data?.frequency === 'WEEKLY', description: '1 = Monday … 7 = Sunday.' },
      max: 7,
      min: 1,
    },
    {
      name: 'dayOfMonth',
      type: 'number',
      admin: { condition: (data) => data?.frequency === 'MONTHLY', description: 'Past the month’s end it means its last day (31 → 30 April).' },
      max: 31,
      min: 1,
    },
    { name: 'sendAt', type: 'text', admin: { description: 'Local time in the studio’s zone, HH:MM (24-hour).' }, required: true },
    {
      name: 'recipients',
      type: 'relationship',
      admin: { description: `Members of this studio, 1 to ${MAX_RECIPIENTS}.` },
      hasMany: true,
      maxRows: MAX_RECIPIENTS,
      minRows: 1,
      relationTo: 'users',
      required: true,
    },
    // Not required: deleting a person leaves their schedules without an owner (they stop) rather than failing.
    serverField({ name: 'owner', type: 'relationship', admin: { description: 'The report runs with this person’s permissions.' }, relationTo: 'users' }),
    { name: 'active', type: 'checkbox', defaultValue: true },
    serverField({ name: 'nextRunAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, index: true }),
    serverField({ name: 'lastSentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverField({ name: 'lastPeriod', type: 'text', admin: { description: 'The period last sent: 2026-03-29, 2026-W13 or 2026-03.' } }),
  ],
  hooks: {
    beforeChange: [setScheduleOwner, requireOneTemplate, computeNextRun, rejectOutsideRecipients, requireExportPermission],
  },
}
