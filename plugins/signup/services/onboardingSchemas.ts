// What each onboarding step accepts: the bounds of the collection it writes (tenants, rooms, booking-policies,
// memberships), checked before any write so that bad input is a 400 naming its field. The Local API checks
// again when it writes. Pure.
import { z } from 'zod'

import { isCurrencyCode, isIanaTimeZone } from '../../../fields/validators'
import { TENANT_ROLES } from '../../../utilities/tenantRoles'
import { ONBOARDING_STEPS } from '../fields/tenantSignupFields'

/** Tenant ids are PostgreSQL `integer`s: anything larger is not an id (and would fail in the query). */
const MAX_ID = 2_147_483_647
export const tenantIdSchema = z.int().positive().max(MAX_ID)

export const onboardingQuerySchema = z
  .object({ tenant: z.string().regex(/^\d{1,10}$/, 'A tenant id.').transform(Number).pipe(tenantIdSchema).optional() })
  .strict()

export const ONBOARDING_ACTIONS = ['complete', 'skip'] as const
export type OnboardingAction = (typeof ONBOARDING_ACTIONS)[number]

/** The envelope of PATCH /api/onboarding; `data` is read by the step's own schema once the caller is known. */
export const onboardingPatchSchema = z
  .object({
    action: z.enum(ONBOARDING_ACTIONS),
    data: z.unknown().optional(),
    step: z.enum(ONBOARDING_STEPS),
    tenant: tenantIdSchema.optional(),
  })
  .strict()

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

// The rooms collection's rules: opening at 00:00–23:59, closing up to 24:00 and after the opening.
const OPENS = /^(?:[01]\d|2[0-3]):[0-5]\d$/
const CLOSES = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/

const openingRange = z
  .object({
    closes: z.string().regex(CLOSES, 'HH:MM (24:00 for midnight)'),
    opens: z.string().regex(OPENS, 'HH:MM'),
    weekday: z.enum(WEEKDAYS),
  })
  .strict()
  .refine((range) => range.closes > range.opens, { message: 'Must be after the opening time.', path: ['closes'] })

export type OpeningRange = z.infer<typeof openingRange>

/** Mon–Sat 09:00–19:00: the room step's hours when none are given. */
export const DEFAULT_OPENING_HOURS: OpeningRange[] = WEEKDAYS.filter((weekday) => weekday !== 'sunday').map((weekday) => ({
  closes: '19:00',
  opens: '09:00',
  weekday,
}))

const name = (max: number) => z.string().trim().min(1, 'Required.').max(max)

export const welcomeSchema = z
  .object({
    defaultCurrency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Must be an ISO 4217 currency code, e.g. EUR.'),
    // The tenants collection sets no length; 120 is what rooms and policies allow for a name.
    name: name(120),
    // Length first: a huge string is not a zone, and Intl need not parse it.
    timezone: z
      .string()
      .trim()
      .refine((zone) => zone.length <= 64 && isIanaTimeZone(zone), 'Must be an IANA time zone, e.g. Europe/Paris.'),
  })
  .strict()

export const roomSchema = z
  .object({
    capacity: z.int('A whole number.').min(1, 'At least 1.'),
    /** Minor units of the studio currency; z.int() keeps it a safe integer, as the price maths requires. */
    hourlyRate: z.int('A whole number of minor units.').min(0, 'Cannot be negative.'),
    name: name(120),
    // A week of ranges, several a day, is far below this; more is not a room's hours.
    openingHours: z.array(openingRange).max(50, 'At most 50 ranges.').optional(),
  })
  .strict()

const cancellationTier = z
  .object({
    // The collection only says ≥ 0; a notice beyond a year of hours only makes the refund date unreachable.
    noticeAmount: z.int('A whole number.').min(0, 'Cannot be negative.').max(8_760, 'At most 8760.'),
    noticeUnit: z.enum(['days', 'hours']),
    refundPercent: z.number('A percentage.').min(0, 'Between 0 and 100.').max(100, 'Between 0 and 100.'),
  })
  .strict()

const policyTerms = {
  cancellationTiers: z.array(cancellationTier).max(10, 'At most 10 tiers.'),
  holdMinutes: z.int('A whole number of minutes.').min(5, 'At least 5 minutes.').max(23 * 60, 'At most 1380 minutes (23 hours).'),
}

export const pricingSchema = z.discriminatedUnion('depositType', [
  z.object({ depositPercent: z.number('A percentage.').min(0, 'Between 0 and 100.').max(100, 'Between 0 and 100.'), depositType: z.literal('percentage'), ...policyTerms }).strict(),
  z.object({ depositAmount: z.int('A whole number of minor units.').min(0, 'Cannot be negative.'), depositType: z.literal('fixed'), ...policyTerms }).strict(),
])

const invite = z
  .object({
    email: z.string().trim().toLowerCase().email('An email address, like name@example.com.').max(254),
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(TENANT_ROLES),
  })
  .strict()

export const staffSchema = z
  .object({ invites: z.array(invite).max(20, 'At most 20 people at a time.') })
  .strict()
  .superRefine(({ invites }, context) => {
    invites.forEach((entry, index) => {
      if (invites.findIndex((other) => other.email === entry.email) < index) {
        context.addIssue({ code: 'custom', message: 'This address is already in the list.', path: ['invites', index, 'email'] })
      }
    })
  })

export const TRIAL_PLAN = 'trial'
export const planSchema = z.object({ plan: z.string().trim().min(1).max(64) }).strict()

export type StepData = {
  plan: z.output<typeof planSchema>
  pricing: z.output<typeof pricingSchema>
  room: z.output<typeof roomSchema>
  staff: z.output<typeof staffSchema>
  welcome: z.output<typeof welcomeSchema>
}

/** A step's data, or a ZodError whose paths start at `data`, as the client sent it. */
export function parseStepData<Schema extends z.ZodType>(schema: Schema, data: unknown): z.output<Schema> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] })))
}
