// A spec as a saved template holds it: no studio (the template's tenant is the studio) and no fixed period
// unless the owner wants one; a run may pass its own period. Its names are checked against the registry on
// save; who may read what is checked again at each run, with the runner's permissions.
import type { z } from 'zod'

import { HttpError } from '../../../utilities/apiErrors'
import { compileReport } from './compile'
import { SOURCES } from './sources'
import { reportSpecSchema } from './spec'

export const savedSpecSchema = reportSpecSchema.refine((spec) => spec.tenant === undefined, {
  message: 'A saved report runs for its own studio: leave "tenant" out.',
  path: ['tenant'],
})

export type SavedSpec = z.infer<typeof savedSpecSchema>

const ANY_PERIOD = { from: '2000-01-01', to: '2000-01-02' }

/** A saved spec as the compiler checks it: one without a period gets any, since a run brings its own. */
export const checkableSpec = <Spec extends SavedSpec>(spec: Spec): Spec => ({ ...spec, period: spec.period ?? ANY_PERIOD })

/** What is wrong with a spec to save, or null: its shape, then every name it uses. */
export function savedSpecProblem(value: unknown): null | string {
  const parsed = savedSpecSchema.safeParse(value)
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'spec'}: ${issue.message}`).join('; ')
  const spec = checkableSpec(parsed.data)
  try {
    compileReport(spec, { personal: true, source: SOURCES[spec.source]!, tenant: { id: 0, name: '', timezone: 'UTC' } })
    return null
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    const where = error.entries[0]?.path
    return where ? `${where}: ${error.message}` : error.message
  }
}
