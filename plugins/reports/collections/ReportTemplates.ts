import type { CollectionConfig } from 'payload'

import { can } from '../../rbac'
import { requireReadableSpec } from '../hooks/requireReadableSpec'
import { takeOverSchedules } from '../hooks/takeOverSchedules'
import { savedSpecProblem } from '../services/savedSpec'

/**
 * A studio's saved report: a name and a ReportSpec without a studio (the template's own tenant is the
 * studio it runs for). Checked by the spec schema on save; what it may reach is checked again each time it
 * runs, with the permissions of whoever runs it.
 */
export const ReportTemplates: CollectionConfig = {
  slug: 'report-templates',
  access: {
    create: can('report-templates', 'create'),
    delete: can('report-templates', 'delete'),
    read: can('report-templates', 'read'),
    update: can('report-templates', 'update'),
  },
  admin: { defaultColumns: ['name', 'updatedAt'], group: 'Reports', useAsTitle: 'name' },
  custom: { tenantScoped: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    { name: 'description', type: 'textarea', maxLength: 500 },
    {
      name: 'spec',
      type: 'json',
      required: true,
      validate: (value: unknown) => savedSpecProblem(value) ?? true,
    },
  ],
  hooks: { afterChange: [takeOverSchedules], beforeChange: [requireReadableSpec] },
}
