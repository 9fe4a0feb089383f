'use client'

// The state of the public booking page: the studio and its rooms, the chosen room, duration and week, their
// free slots (priced by the server), the customer's details, and the booking once made.
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react'

import type { Availability, Booked, Day, FieldErrors, FieldName, Form, Load, Room, Slot, Step, Tenant } from './bookingTypes'

import { callApi, describeFailure } from './api'
import { bookingRequest, checkForm, EMPTY_FORM, FIELD_ORDER, type ShownCurrency, spreadErrors } from './detailsForm'
import { addDays, todayIn } from './format'
import { useT } from './messages'

export type BookingPageState = ReturnType<typeof useBookingPage>

export function useBookingPage(tenantSlug: string) {
  const t = useT()
  // The effects read the words of the moment without loading again when the language changes.
  const words = useRef(t)
  useEffect(() => {
    words.current = t
  }, [t])
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [step, setStep] = useState<Step>('room')
  const [room, setRoom] = useState<null | Room>(null)
  const [weekStart, setWeekStart] = useState('')
  const [duration, setDuration] = useState(0)
  const [availability, setAvailability] = useState<Availability>({ state: 'idle' })
  const [reloadKey, setReloadKey] = useState(0)
  const [slot, setSlot] = useState<null | Slot>(null)
  const [timeAlert, setTimeAlert] = useState<null | string>(null)
  const [form, setForm] = useState<Form>(EMPTY_FORM)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formAlert, setFormAlert] = useState<null | string>(null)
  const [submitting, setSubmitting] = useState(false)
  const [booked, setBooked] = useState<Booked | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const shownStep = useRef<Step>(step)
  const idPrefix = useId()
  const fieldId = (name: FieldName) => `${idPrefix}-${name}`

  // The studio and its rooms.
  useEffect(() => {
    const controller = new AbortController()
    void callApi<{ rooms: Room[]; tenant: Tenant }>(`/api/public/tenants/${encodeURIComponent(tenantSlug)}/rooms`, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return
      if (result.ok) setLoad({ rooms: result.data.rooms, state: 'ready', tenant: result.data.tenant, today: todayIn(result.data.tenant.timezone) })
      else if (result.status === 404) setLoad({ message: describeFailure(result, words.current), state: 'notFound' })
      else setLoad({ message: describeFailure(result, words.current), state: 'error' })
    })
    return () => controller.abort()
  }, [tenantSlug])

  // The free slots of the chosen room for the week shown.
  useEffect(() => {
    if (!room || !weekStart || duration === 0) return
    const controller = new AbortController()
    setAvailability({ state: 'loading' })
    const query = new URLSearchParams({ duration: String(duration), from: weekStart, to: addDays(weekStart, 6) })
    void callApi<{ days: Day[] }>(`/api/public/rooms/${room.id}/availability?${query}`, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return
      setAvailability(result.ok ? { days: result.data.days, state: 'ready' } : { message: describeFailure(result, words.current), state: 'error' })
    })
    return () => controller.abort()
  }, [room, weekStart, duration, reloadKey])

  // A new step takes the focus to its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (shownStep.current === step) return
    shownStep.current = step
    headingRef.current?.focus()
  }, [step])

  const chooseRoom = (chosen: Room) => {
    setRoom(chosen)
    setDuration(chosen.minMinutes)
    setWeekStart(load.state === 'ready' ? load.today : '')
    setSlot(null)
    setTimeAlert(null)
    setStep('time')
  }
  const changeRoom = () => {
    setRoom(null)
    setTimeAlert(null)
    setAvailability({ state: 'idle' })
    setStep('room')
  }
  const chooseDuration = (minutes: number) => {
    setDuration(minutes)
    setTimeAlert(null)
  }
  const moveWeek = (weeks: number) => setWeekStart(addDays(weekStart, 7 * weeks))
  const retryAvailability = () => setReloadKey((key) => key + 1)
  const chooseSlot = (chosen: Slot) => {
    setSlot(chosen)
    setTimeAlert(null)
    setFormAlert(null)
    setFieldErrors({})
    setStep('details')
  }
  const backToTimes = () => {
    setSlot(null)
    setFormAlert(null)
    setStep('time')
  }
  const bookAnother = () => {
    setBooked(null)
    setForm((current) => ({ ...current, notes: '' }))
    setAvailability({ state: 'loading' })
    backToTimes()
  }
  const changeField = (name: FieldName) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value
    setForm((current) => ({ ...current, [name]: value }))
    if (fieldErrors[name]) setFieldErrors((current) => ({ ...current, [name]: undefined }))
  }
  const focusFirstInvalid = (errors: FieldErrors) => {
    const first = FIELD_ORDER.find((name) => errors[name])
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  /** Books the chosen slot; `display` is the currency the page showed prices in, when not the studio's. */
  const submit = async (event: FormEvent<HTMLFormElement>, display?: ShownCurrency) => {
    event.preventDefault()
    if (load.state !== 'ready' || !room || !slot || submitting) return
    const problems = checkForm(form, t)
    if (Object.keys(problems).length > 0) {
      setFieldErrors(problems)
      setFormAlert(t('booking.form.correct'))
      focusFirstInvalid(problems)
      return
    }
    setSubmitting(true)
    setFormAlert(null)
    setFieldErrors({})
    const result = await callApi<Booked>('/api/public/booking', {
      body: bookingRequest(form, room, slot, load.tenant, display),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    setSubmitting(false)
    if (result.ok) {
      setBooked(result.data)
      setReloadKey((key) => key + 1)
      setStep('done')
      return
    }
    if (result.status === 409) {
      // Taken meanwhile: back to the times, freshly loaded, with the details kept.
      setSlot(null)
      setTimeAlert(t('booking.form.taken'))
      setAvailability({ state: 'loading' })
      setReloadKey((key) => key + 1)
      setStep('time')
      return
    }
    if (result.status === 400) {
      const { alert, fields } = spreadErrors(result.errors, t)
      setFieldErrors(fields)
      setFormAlert(alert)
      focusFirstInvalid(fields)
      return
    }
    setFormAlert(describeFailure(result, t))
  }

  return {
    availability, backToTimes, bookAnother, booked, changeField, changeRoom, chooseDuration, chooseRoom, chooseSlot, duration, fieldErrors, fieldId, form, formAlert,
    headingRef, idPrefix, load, moveWeek, retryAvailability, room, slot, step, submit, submitting, timeAlert, weekStart,
  }
}
