import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ScheduledReport } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { compileReport } from '../services/compile'
import { takesOwnership } from '../services/scheduleChanges'
import { scheduledSpec } from '../services/scheduledSpec'
import { reportScope } from '../services/scope'

/**
 * Whoever creates a schedule or changes what it sends (and so becomes its owner, setScheduleOwner) must be
 * able to export its report now, in its studio: otherwise every send would fail. 403 without reports:read and
 * reports:export or the source's read permission, or for personal fields without reports:read-personal (the
 * compiler's own check). Checked again at every send, since permissions change.
 */
export const requireExportPermission: CollectionBeforeChangeHook<ScheduledReport> = async ({ collection, data, operation, originalDoc, req }) => {
  if (!req.user || !takesOwnership(operation, data, originalDoc)) return data
  const merged = { ...originalDoc, ...data }
  // Missing: the required-field validation that follows reports it.
  if (merged.tenant === null || merged.tenant === undefined || !merged.name) return data
  const spec = await scheduledSpec(req, { name: merged.name, savedTemplate: merged.savedTemplate, template: merged.template, tenant: idOf(merged.tenant) })
  if (!spec) {
    if (merged.template) return data // an unknown key: the template field's validation names the keys
    throw new ValidationError({ collection: collection.slug, errors: [{ message: 'Not a saved report of this studio.', path: 'savedTemplate' }] })
  }
  compileReport(spec, await reportScope(req, spec, 'export'))
  return data
}
