// The spec a schedule runs: its predefined template's, or its saved template's, for the schedule's own
// studio, titled with the schedule's name (the attachment's name and the PDF header carry it).
import type { PayloadRequest } from 'payload'

import type { ReportSpec } from './spec'

import { idOf } from '../../../utilities/idOf'
import { savedSpecSchema } from './savedSpec'
import { predefinedTemplate } from './templates'

export type ScheduledChoice = { name: string; savedTemplate?: null | number | { id: number }; template?: null | string; tenant: number }

/**
 * The spec, or null when the report is gone or is not the studio's (a saved template of another studio, an
 * unknown key). `period` is the run's; without one (checks at save time) the spec has none.
 */
export async function scheduledSpec(req: PayloadRequest, choice: ScheduledChoice, period?: { from: string; to: string }): Promise<null | ReportSpec> {
  const run = { tenant: choice.tenant, title: choice.name, ...(period ? { period } : {}) }
  if (choice.template) {
    const template = predefinedTemplate(choice.template)
    return template ? { ...template.spec, ...run } : null
  }
  if (choice.savedTemplate === null || choice.savedTemplate === undefined) return null
  const saved = await req.payload.findByID({ id: idOf(choice.savedTemplate), collection: 'report-templates', depth: 0, disableErrors: true, overrideAccess: true, req })
  if (!saved || idOf(saved.tenant ?? null) !== choice.tenant) return null
  const parsed = savedSpecSchema.safeParse(saved.spec)
  if (!parsed.success) return null
  const { period: _ownPeriod, ...spec } = parsed.data
  return { ...spec, ...run }
}
