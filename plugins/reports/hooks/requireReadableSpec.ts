import type { CollectionBeforeChangeHook } from 'payload'

import type { ReportTemplate } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { compileReport } from '../services/compile'
import { checkableSpec, savedSpecSchema } from '../services/savedSpec'
import { reportScope } from '../services/scope'

/**
 * A saved report may only ask for what its author could run now, in its studio: reports:read, the source's
 * read permission, and reports:read-personal for personal fields (403 otherwise). Without this, someone who
 * may edit saved reports but not read customers could turn a colleague's report into a customer listing.
 */
export const requireReadableSpec: CollectionBeforeChangeHook<ReportTemplate> = async ({ data, originalDoc, req }) => {
  if (!req.user) return data
  const merged = { ...originalDoc, ...data }
  const parsed = savedSpecSchema.safeParse(merged.spec)
  // Missing or malformed: the field's own validation reports it.
  if (!parsed.success || merged.tenant === null || merged.tenant === undefined) return data
  const spec = { ...checkableSpec(parsed.data), tenant: Number(idOf(merged.tenant)) }
  compileReport(spec, await reportScope(req, spec, 'read'))
  return data
}
