// Whether a write makes its author a schedule's owner, whose permissions the report then runs with: creating
// it, changing what it sends or to whom, or taking over one whose owner was deleted. Pure.
import { idOf } from '../../../utilities/idOf'

type Ref = null | number | undefined | { id: number }

const CONTENT_FIELDS = ['template', 'savedTemplate', 'recipients'] as const

type ScheduleContent = { owner?: Ref; recipients?: null | Ref[]; savedTemplate?: Ref; template?: null | string }

const normalised = (value: unknown): string =>
  JSON.stringify(Array.isArray(value) ? value.map((item) => idOf(item as Ref)).sort() : (idOf(value as Ref) ?? null))

export function takesOwnership(operation: string, data: Partial<ScheduleContent>, originalDoc: ScheduleContent | undefined): boolean {
  if (operation === 'create' || originalDoc?.owner === null || originalDoc?.owner === undefined) return true
  return CONTENT_FIELDS.some((key) => key in data && normalised(data[key]) !== normalised(originalDoc[key]))
}
