'use client'

// The public booking flow: room, then a time from the room's availability (in the studio's zone), then the
// customer's details, then the confirmation. It talks only to the public REST API on the same origin.
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react'

import { callApi, describeFailure } from './api'
import { type Booked, BookedStep } from './BookedStep'
import styles from './book.module.css'
import {
  addDays,
  dayLabel,
  durationLabel,
  durationsOf,
  estimatePrice,
  formatMoney,
  shortDayLabel,
  todayIn,
  wallDate,
  wallTime,
} from './format'

type Tenant = { currency: string; locale: string; name: string; slug: string; timezone: string }
type Room = { capacity: number; hourlyRate: number; id: number; maxMinutes: number; minMinutes: number; name: string; slotStepMinutes: number; slug: string }
type Slot = { end: string; start: string }
type Day = { date: string; slots: Slot[] }

const TAKEN_MESSAGE = 'Sorry, that time was just booked by someone else. The times below are up to date: please choose another.'



type Step = 'details' | 'done' | 'room' | 'time'
type Load = { message: string; state: 'error' | 'notFound' } | { rooms: Room[]; state: 'ready'; tenant: Tenant; today: string } | { state: 'loading' }
type Availability = { days: Day[]; state: 'ready' } | { message: string; state: 'error' } | { state: 'idle' } | { state: 'loading' }
type FieldName = 'email' | 'name' | 'notes' | 'phone'
type Form = Record<FieldName, string>

const EMPTY_FORM: Form = { email: '', name: '', notes: '', phone: '' }
const FIELD_OF_PATH: Record<string, FieldName> = { 'customer.email': 'email', 'customer.name': 'name', 'customer.phone': 'phone', notes: 'notes' }
const FIELD_ORDER: FieldName[] = ['name', 'email', 'phone', 'notes']
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function checkForm(form: Form): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {}
  if (form.name.trim() === '') errors.name = 'Enter your name.'
  if (form.email.trim() === '') errors.email = 'Enter your email address.'
  else if (!EMAIL.test(form.email.trim())) errors.email = 'Enter an email address like name@example.com.'
  return errors
}

/** "10:00 – 11:00", with the end date when a booking runs past midnight. */
function timeRange(slot: Slot): string {
  const endsAnotherDay = wallDate(slot.end) !== wallDate(slot.start)
  return `${wallTime(slot.start)} – ${endsAnotherDay ? `${shortDayLabel(wallDate(slot.end))}, ` : ''}${wallTime(slot.end)}`
}

const minutesBetween = (slot: Slot) => Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000)

export function BookingPage({ tenantSlug }: { tenantSlug: string }) {
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
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({})
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
      else if (result.status === 404) setLoad({ message: describeFailure(result), state: 'notFound' })
      else setLoad({ message: describeFailure(result), state: 'error' })
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
      setAvailability(result.ok ? { days: result.data.days, state: 'ready' } : { message: describeFailure(result), state: 'error' })
    })
    return () => controller.abort()
  }, [room, weekStart, duration, reloadKey])

  // A new step takes the focus to its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (shownStep.current === step) return
    shownStep.current = step
    headingRef.current?.focus()
  }, [step])

  if (load.state === 'loading') {
    return (
      <main className={styles.page}>
        <p aria-live="polite" className={styles.status} role="status">
          Loading the studio…
        </p>
      </main>
    )
  }
  if (load.state !== 'ready') {
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>{load.state === 'notFound' ? 'Studio not found' : 'Booking is unavailable'}</h1>
        <div className={styles.alert} role="alert">
          <p>
            {load.state === 'notFound'
              ? `There is no studio at the address “${tenantSlug}”. Check the link the studio gave you.`
              : `We could not load this studio. ${load.message}`}
          </p>
        </div>
      </main>
    )
  }

  const { rooms, tenant, today } = load
  const money = (minor: number) => formatMoney(minor, tenant.currency)
  const zoneNote = <p className={styles.zone}>Times are in {tenant.timezone}</p>

  const chooseRoom = (chosen: Room) => {
    setRoom(chosen)
    setDuration(chosen.minMinutes)
    setWeekStart(today)
    setSlot(null)
    setTimeAlert(null)
    setStep('time')
  }
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
  const changeField = (name: FieldName) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value
    setForm((current) => ({ ...current, [name]: value }))
    if (fieldErrors[name]) setFieldErrors((current) => ({ ...current, [name]: undefined }))
  }
  const focusFirstInvalid = (errors: Partial<Record<FieldName, string>>) => {
    const first = FIELD_ORDER.find((name) => errors[name])
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!room || !slot || submitting) return
    const problems = checkForm(form)
    if (Object.keys(problems).length > 0) {
      setFieldErrors(problems)
      setFormAlert('Please correct the fields marked below.')
      focusFirstInvalid(problems)
      return
    }
    setSubmitting(true)
    setFormAlert(null)
    setFieldErrors({})
    const phone = form.phone.trim()
    const notes = form.notes.trim()
    const result = await callApi<Booked>('/api/public/booking', {
      body: JSON.stringify({
        customer: { email: form.email.trim(), name: form.name.trim(), ...(phone ? { phone } : {}) },
        end: slot.end,
        room: room.id,
        start: slot.start,
        tenant: tenant.slug,
        ...(notes ? { notes } : {}),
      }),
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
      setTimeAlert(TAKEN_MESSAGE)
      setAvailability({ state: 'loading' })
      setReloadKey((key) => key + 1)
      setStep('time')
      return
    }
    if (result.status === 400) {
      const errors: Partial<Record<FieldName, string>> = {}
      const general: string[] = []
      for (const entry of result.errors) {
        const field = entry.path ? FIELD_OF_PATH[entry.path] : undefined
        if (field) errors[field] = errors[field] ? `${errors[field]} ${entry.message}` : entry.message
        else if (entry.path === 'start' || entry.path === 'end') general.push(`${entry.message} Please choose another time.`)
        else general.push(entry.message)
      }
      setFieldErrors(errors)
      setFormAlert(general.length > 0 ? general.join(' ') : 'Please correct the fields marked below.')
      focusFirstInvalid(errors)
      return
    }
    setFormAlert(describeFailure(result))
  }

  const stepHeading = (text: string, number: number) => (
    <>
      <p className={styles.step}>Step {number} of 3</p>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {text}
      </h2>
    </>
  )

  const header = (
    <header className={styles.header}>
      <p className={styles.eyebrow}>Book a room</p>
      <h1 className={styles.title}>{tenant.name}</h1>
    </header>
  )

  if (step === 'room' || !room) {
    return (
      <main className={styles.page}>
        {header}
        {stepHeading('Choose a room', 1)}
        {rooms.length === 0 ? (
          <p>This studio has no rooms open for booking right now.</p>
        ) : (
          <ul className={styles.list}>
            {rooms.map((candidate) => (
              <li key={candidate.id}>
                <button className={styles.roomButton} onClick={() => chooseRoom(candidate)} type="button">
                  <span className={styles.roomName}>{candidate.name}</span>
                  <span className={styles.muted}>
                    Up to {candidate.capacity} {candidate.capacity === 1 ? 'person' : 'people'} · {money(candidate.hourlyRate)} per hour ·{' '}
                    {candidate.minMinutes === candidate.maxMinutes
                      ? durationLabel(candidate.minMinutes)
                      : `${durationLabel(candidate.minMinutes)} to ${durationLabel(candidate.maxMinutes)}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
    )
  }

  if (step === 'done' && booked) {
    return (
      <main className={styles.page}>
        {header}
        <BookedStep
          booked={booked}
          email={form.email.trim()}
          headingRef={headingRef}
          onBookAnother={() => {
            setBooked(null)
            setForm((current) => ({ ...current, notes: '' }))
            setAvailability({ state: 'loading' })
            backToTimes()
          }}
          roomName={room.name}
          timezone={tenant.timezone}
        />
      </main>
    )
  }

  if (step === 'details' && slot) {
    const minutes = minutesBetween(slot)
    const describedBy = (name: FieldName) => (fieldErrors[name] ? `${fieldId(name)}-error` : undefined)
    const input = (name: FieldName, label: string, props: { autoComplete: string; inputMode?: 'email' | 'tel'; type: string }) => (
      <div className={styles.field}>
        <label className={styles.label} htmlFor={fieldId(name)}>
          {label}
        </label>
        <input
          aria-describedby={describedBy(name)}
          aria-invalid={fieldErrors[name] ? true : undefined}
          className={styles.control}
          id={fieldId(name)}
          name={name}
          onChange={changeField(name)}
          value={form[name]}
          {...props}
        />
        {fieldErrors[name] && (
          <p className={styles.fieldError} id={`${fieldId(name)}-error`}>
            {fieldErrors[name]}
          </p>
        )}
      </div>
    )
    return (
      <main className={styles.page}>
        {header}
        {stepHeading('Your details', 3)}
        <div className={styles.card}>
          <dl className={styles.details}>
            <dt>Room</dt>
            <dd>{room.name}</dd>
            <dt>Date</dt>
            <dd>{dayLabel(wallDate(slot.start))}</dd>
            <dt>Time</dt>
            <dd>
              {timeRange(slot)} ({durationLabel(minutes)})
            </dd>
            <dt>Price</dt>
            <dd>{money(estimatePrice(room.hourlyRate, minutes))}</dd>
          </dl>
          <p className={styles.muted} style={{ marginBottom: 0 }}>
            Times are in {tenant.timezone}. The deposit, if any, is shown once you book.
          </p>
        </div>
        <button className={styles.linkButton} onClick={backToTimes} type="button">
          Choose another time
        </button>
        {formAlert && (
          <div className={styles.alert} role="alert">
            <p>{formAlert}</p>
          </div>
        )}
        <form noValidate onSubmit={(event) => void submit(event)} style={{ marginTop: '1rem' }}>
          {input('name', 'Name', { autoComplete: 'name', type: 'text' })}
          {input('email', 'Email', { autoComplete: 'email', inputMode: 'email', type: 'email' })}
          {input('phone', 'Phone (optional)', { autoComplete: 'tel', inputMode: 'tel', type: 'tel' })}
          <div className={styles.field}>
            <label className={styles.label} htmlFor={fieldId('notes')}>
              Notes (optional)
            </label>
            <textarea
              aria-describedby={describedBy('notes')}
              aria-invalid={fieldErrors.notes ? true : undefined}
              className={styles.control}
              id={fieldId('notes')}
              maxLength={2000}
              name="notes"
              onChange={changeField('notes')}
              rows={3}
              value={form.notes}
            />
            {fieldErrors.notes && (
              <p className={styles.fieldError} id={`${fieldId('notes')}-error`}>
                {fieldErrors.notes}
              </p>
            )}
          </div>
          <button aria-disabled={submitting} className={styles.primary} type="submit">
            {submitting ? 'Booking…' : 'Book this time'}
          </button>
        </form>
      </main>
    )
  }

  // The time step.
  const days = availability.state === 'ready' ? availability.days : []
  const weekDates = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index))
  const weekText = `${shortDayLabel(weekDates[0]!)} – ${shortDayLabel(weekDates[6]!)}`
  const durations = durationsOf(room)
  return (
    <main className={styles.page}>
      {header}
      {stepHeading('Choose a time', 2)}
      <div className={styles.row}>
        <p>
          <strong>{room.name}</strong> · {money(room.hourlyRate)} per hour
        </p>
        <button
          className={styles.linkButton}
          onClick={() => {
            setRoom(null)
            setTimeAlert(null)
            setAvailability({ state: 'idle' })
            setStep('room')
          }}
          type="button"
        >
          Change room
        </button>
      </div>
      {timeAlert && (
        <div className={styles.alert} role="alert">
          <p>{timeAlert}</p>
        </div>
      )}
      {durations.length > 1 && (
        <div className={`${styles.field} ${styles.selectField}`}>
          <label className={styles.label} htmlFor={`${idPrefix}-duration`}>
            Duration
          </label>
          <select
            className={styles.control}
            id={`${idPrefix}-duration`}
            onChange={(event) => {
              setDuration(Number(event.target.value))
              setTimeAlert(null)
            }}
            value={duration}
          >
            {durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {durationLabel(minutes)} · {money(estimatePrice(room.hourlyRate, minutes))}
              </option>
            ))}
          </select>
        </div>
      )}
      {zoneNote}
      <nav aria-label="Weeks" className={styles.weekNav}>
        <button className={styles.secondary} disabled={weekStart <= today} onClick={() => setWeekStart(addDays(weekStart, -7))} type="button">
          <span aria-hidden="true">← </span>Previous week
        </button>
        <p className={styles.weekLabel}>{weekText}</p>
        <button className={styles.secondary} onClick={() => setWeekStart(addDays(weekStart, 7))} type="button">
          Next week<span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p aria-live="polite" className={styles.status} role="status">
        {availability.state === 'loading' && 'Loading free times…'}
        {availability.state === 'ready' && <span className={styles.srOnly}>Showing {weekText}.</span>}
      </p>
      {availability.state === 'error' && (
        <div className={styles.alert} role="alert">
          <p>{availability.message}</p>
          <button className={styles.secondary} onClick={() => setReloadKey((key) => key + 1)} style={{ marginTop: '0.5rem' }} type="button">
            Try again
          </button>
        </div>
      )}
      {availability.state === 'ready' && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Start times, {durationLabel(duration)} each</legend>
          {weekDates.map((date) => {
            const slots = days.find((day) => day.date === date)?.slots ?? []
            const headingId = `${idPrefix}-day-${date}`
            return (
              <div aria-labelledby={headingId} className={styles.day} data-date={date} key={date} role="group">
                <h3 className={styles.dayHeading} id={headingId}>
                  {dayLabel(date)}
                </h3>
                {slots.length === 0 ? (
                  <p className={styles.noSlots}>No free times on this day.</p>
                ) : (
                  <ul className={styles.slotList}>
                    {slots.map((candidate) => (
                      <li key={candidate.start}>
                        <button className={styles.slotButton} data-start={candidate.start} onClick={() => chooseSlot(candidate)} type="button">
                          {wallTime(candidate.start)}
                          <span className={styles.srOnly}> to {wallTime(candidate.end)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )
          })}
        </fieldset>
      )}
    </main>
  )
}
