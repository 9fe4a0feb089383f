// The customer's details on the booking page: what is missing before asking the server, the body of the
// booking call, and the server's 400 answer spread over the fields. Pure: the words come in as `t`.
import type { ErrorEntry } from './api'
import type { FieldErrors, FieldName, Form, Room, Slot, Tenant } from './bookingTypes'
import type { Translate } from './messages'

import { EMAIL } from './format'

export const EMPTY_FORM: Form = { email: '', name: '', notes: '', phone: '' }
export const FIELD_ORDER: FieldName[] = ['name', 'email', 'phone', 'notes']
const FIELD_OF_PATH: Record<string, FieldName> = { 'customer.email': 'email', 'customer.name': 'name', 'customer.phone': 'phone', notes: 'notes' }

export function checkForm(form: Form, t: Translate): FieldErrors {
  const errors: FieldErrors = {}
  if (form.name.trim() === '') errors.name = t('booking.form.nameMissing')
  if (form.email.trim() === '') errors.email = t('booking.form.emailMissing')
  else if (!EMAIL.test(form.email.trim())) errors.email = t('common.emailInvalid')
  return errors
}

/** The body of POST /api/public/booking (the server prices it; no price is sent). */
/** The currency the page showed prices in beside the studio's, and the day of the rates it used. */
export type ShownCurrency = { currency: string; rateDate: string }

export function bookingRequest(form: Form, room: Room, slot: Slot, tenant: Tenant, display?: ShownCurrency): string {
  const phone = form.phone.trim()
  const notes = form.notes.trim()
  return JSON.stringify({
    customer: { email: form.email.trim(), name: form.name.trim(), ...(phone ? { phone } : {}) },
    ...(display ? { display } : {}),
    end: slot.end,
    room: room.id,
    start: slot.start,
    tenant: tenant.slug,
    ...(notes ? { notes } : {}),
  })
}

/** A 400 answer: messages next to their fields, the rest (times included) in one alert. */
export function spreadErrors(entries: ErrorEntry[], t: Translate): { alert: string; fields: FieldErrors } {
  const fields: FieldErrors = {}
  const general: string[] = []
  for (const entry of entries) {
    const field = entry.path ? FIELD_OF_PATH[entry.path] : undefined
    if (field) fields[field] = fields[field] ? `${fields[field]} ${entry.message}` : entry.message
    else if (entry.path === 'start' || entry.path === 'end') general.push(t('booking.form.chooseAnother', { message: entry.message }))
    else general.push(entry.message)
  }
  return { alert: general.length > 0 ? general.join(' ') : t('booking.form.correct'), fields }
}
