// The wizard's forms: what each starts from (the server's prefill), the body it sends, the few checks that need
// no server (amounts typed in the studio currency become minor units here), and the 400 answer spread over the
// fields. Pure.
import type { ErrorEntry } from '../[tenant]/book/api'
import type { FieldErrors, OnboardingState, OpeningRange, Role, Tier, Weekday } from './onboardingTypes'

import { WEEKDAYS } from './onboardingTypes'

export type Prefill = OnboardingState['prefill']
type Checked<Body> = { body: Body; errors: FieldErrors }

/** "25.50" in a currency of `exponent` decimals → 2550; null when it is not such an amount. */
export function toMinor(text: string, exponent: number): null | number {
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim())
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > exponent) return null
  const minor = Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0')
  return Number.isSafeInteger(minor) ? minor : null
}

/** 2550 → "25.50" (two decimals), 2550 → "2550" (none). */
export function fromMinor(minor: null | number, exponent: number): string {
  if (minor === null) return ''
  if (exponent === 0) return String(minor)
  const digits = String(minor).padStart(exponent + 1, '0')
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

const wholeNumber = (text: string): null | number => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null)
const decimalNumber = (text: string): null | number => (/^\d{1,3}(?:[.,]\d{1,2})?$/.test(text.trim()) ? Number(text.trim().replace(',', '.')) : null)

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  friday: 'Friday', monday: 'Monday', saturday: 'Saturday', sunday: 'Sunday', thursday: 'Thursday', tuesday: 'Tuesday', wednesday: 'Wednesday',
}

// --- room
export type DayHours = { closes: string; open: boolean; opens: string }
export type RoomForm = { capacity: string; days: Record<Weekday, DayHours>; hourlyRate: string; name: string }

/**
 * The wizard edits one range a day within the day (a time field cannot show 24:00); a room with more (set in
 * the admin) keeps its hours untouched.
 */
export const hoursFitTheWizard = (hours: OpeningRange[]) =>
  hours.every((range) => range.closes !== '24:00') && WEEKDAYS.every((day) => hours.filter((range) => range.weekday === day).length <= 1)

export function roomForm(room: Prefill['room'], exponent: number): RoomForm {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const range = room.openingHours.find((candidate) => candidate.weekday === day)
      return [day, range ? { closes: range.closes, open: true, opens: range.opens } : { closes: '19:00', open: false, opens: '09:00' }]
    }),
  ) as Record<Weekday, DayHours>
  return { name: room.name, capacity: String(room.capacity), days, hourlyRate: fromMinor(room.hourlyRate, exponent) }
}

/** The days sent, in order: the server's `openingHours.<n>` errors belong to the n-th of them. */
export const openDays = (form: RoomForm): Weekday[] => WEEKDAYS.filter((day) => form.days[day].open)

export function roomBody(form: RoomForm, exponent: number, withHours: boolean): Checked<Record<string, unknown>> {
  const errors: FieldErrors = {}
  const capacity = wholeNumber(form.capacity)
  const hourlyRate = toMinor(form.hourlyRate, exponent)
  if (capacity === null) errors.capacity = 'Enter a whole number of people.'
  if (hourlyRate === null) errors.hourlyRate = exponent === 0 ? 'Enter a whole amount, like 2500.' : `Enter an amount like 25.${'0'.repeat(exponent)}.`
  const openingHours = openDays(form).map((weekday) => ({ closes: form.days[weekday].closes, opens: form.days[weekday].opens, weekday }))
  return { body: { name: form.name, capacity, hourlyRate, ...(withHours ? { openingHours } : {}) }, errors }
}

// --- pricing
export type TierForm = { noticeAmount: string; noticeUnit: Tier['noticeUnit']; refundPercent: string }
export type PricingForm = { depositAmount: string; depositPercent: string; depositType: 'fixed' | 'percentage'; holdMinutes: string; tiers: TierForm[] }

export const pricingForm = (pricing: Prefill['pricing'], exponent: number): PricingForm => ({
  depositAmount: fromMinor(pricing.depositAmount, exponent),
  depositPercent: pricing.depositPercent === null ? '' : String(pricing.depositPercent),
  depositType: pricing.depositType,
  holdMinutes: String(pricing.holdMinutes),
  tiers: pricing.cancellationTiers.map((tier) => ({ noticeAmount: String(tier.noticeAmount), noticeUnit: tier.noticeUnit, refundPercent: String(tier.refundPercent) })),
})

export const EMPTY_TIER: TierForm = { noticeAmount: '24', noticeUnit: 'hours', refundPercent: '50' }

export function pricingBody(form: PricingForm, exponent: number): Checked<Record<string, unknown>> {
  const errors: FieldErrors = {}
  const holdMinutes = wholeNumber(form.holdMinutes)
  if (holdMinutes === null) errors.holdMinutes = 'Enter a whole number of minutes.'
  const cancellationTiers = form.tiers.map((tier, index) => {
    const noticeAmount = wholeNumber(tier.noticeAmount)
    const refundPercent = decimalNumber(tier.refundPercent)
    if (noticeAmount === null) errors[`cancellationTiers.${index}.noticeAmount`] = 'Enter a whole number.'
    if (refundPercent === null) errors[`cancellationTiers.${index}.refundPercent`] = 'Enter a percentage between 0 and 100.'
    return { noticeAmount, noticeUnit: tier.noticeUnit, refundPercent }
  })
  const terms = { cancellationTiers, holdMinutes }
  if (form.depositType === 'fixed') {
    const depositAmount = toMinor(form.depositAmount, exponent)
    if (depositAmount === null) errors.depositAmount = 'Enter an amount in the studio currency.'
    return { body: { depositAmount, depositType: 'fixed', ...terms }, errors }
  }
  const depositPercent = decimalNumber(form.depositPercent)
  if (depositPercent === null) errors.depositPercent = 'Enter a percentage between 0 and 100.'
  return { body: { depositPercent, depositType: 'percentage', ...terms }, errors }
}

// --- staff
export type InviteForm = { email: string; role: Role }

export function staffBody(invites: InviteForm[]): Checked<Record<string, unknown>> {
  const errors: FieldErrors = {}
  // An empty row is one nobody filled in: not an invitation.
  const kept = invites.map((invite) => ({ email: invite.email.trim(), role: invite.role })).filter((invite) => invite.email !== '')
  return { body: { invites: kept }, errors }
}

// --- the server's answer
export const CORRECT_FIELDS = 'Please correct the fields marked below.'

/** Entries whose path is in the step's data go beside their field; the rest into one alert. */
export function spreadErrors(entries: ErrorEntry[]): { alert: null | string; fields: FieldErrors } {
  const fields: FieldErrors = {}
  const general: string[] = []
  for (const entry of entries) {
    const path = entry.path?.startsWith('data.') ? entry.path.slice('data.'.length) : undefined
    if (path) fields[path] = fields[path] ? `${fields[path]} ${entry.message}` : entry.message
    else general.push(entry.message)
  }
  return { alert: general.length > 0 ? general.join(' ') : Object.keys(fields).length > 0 ? CORRECT_FIELDS : null, fields }
}
