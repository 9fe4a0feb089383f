// Step 2: the first room (name, capacity, hourly rate in the studio currency) and its weekly opening hours,
// Mon–Sat 09:00–19:00 unless the room has hours already.
import { useState } from 'react'

import type { Weekday } from './onboardingTypes'
import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { FieldError, InputField } from './Field'
import wizard from './onboarding.module.css'
import { WEEKDAYS } from './onboardingTypes'
import { StepFrame } from './StepFrame'
import { type DayHours, hoursFitTheWizard, openDays, type Prefill, roomBody, roomForm, WEEKDAY_LABELS } from './wizardForms'

type Props = { currency: { code: string; exponent: number }; prefill: Prefill['room']; state: WizardState }

export function RoomStep({ currency, prefill, state }: Props) {
  const [form, setForm] = useState(() => roomForm(prefill, currency.exponent))
  const editableHours = hoursFitTheWizard(prefill.openingHours)
  const set = (name: 'capacity' | 'hourlyRate' | 'name') => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }))
  const setDay = (day: Weekday, change: Partial<DayHours>) => setForm((current) => ({ ...current, days: { ...current.days, [day]: { ...current.days[day], ...change } } }))
  // The server names ranges by their place in the list sent, which holds the open days in order.
  const rangeIndex = (day: Weekday) => openDays(form).indexOf(day)

  const timeInput = (day: Weekday, which: 'closes' | 'opens') => {
    const path = `openingHours.${rangeIndex(day)}.${which}`
    const error = state.fieldErrors[path]
    return (
      <input
        aria-describedby={error ? `${state.fieldId(path)}-error` : undefined}
        aria-invalid={error ? true : undefined}
        aria-label={`${WEEKDAY_LABELS[day]} ${which}`}
        className={`${styles.control} ${wizard.time}`}
        id={state.fieldId(path)}
        onChange={(event) => {
          state.clearError(path)
          setDay(day, { [which]: event.target.value })
        }}
        type="time"
        value={form.days[day][which]}
      />
    )
  }

  const submit = () => {
    const { body, errors } = roomBody(form, currency.exponent, editableHours)
    if (Object.keys(errors).length > 0) return state.refuse(errors)
    void state.answer('room', 'complete', body)
  }

  return (
    <StepFrame intro="Customers book rooms by the hour. Add the first one now; more can follow in the admin." onContinue={submit} state={state} step="room">
      <InputField label="Room name" maxLength={120} onChange={set('name')} path="name" state={state} type="text" value={form.name} />
      <InputField inputMode="numeric" label="Capacity (people)" onChange={set('capacity')} path="capacity" state={state} type="text" value={form.capacity} />
      <InputField
        hint={currency.exponent === 0 ? `Whole ${currency.code}.` : `For example 25.${'0'.repeat(currency.exponent)}.`}
        inputMode="decimal"
        label={`Hourly rate (${currency.code})`}
        onChange={set('hourlyRate')}
        path="hourlyRate"
        state={state}
        type="text"
        value={form.hourlyRate}
      />
      {editableHours ? (
        <fieldset className={wizard.fieldset}>
          <legend className={styles.label}>Opening hours</legend>
          <FieldError path="openingHours" state={state} />
          {WEEKDAYS.map((day) => {
            const hours = form.days[day]
            const index = rangeIndex(day)
            return (
              <div className={wizard.dayRow} key={day}>
                <label className={wizard.check}>
                  <input checked={hours.open} onChange={(event) => setDay(day, { open: event.target.checked })} type="checkbox" />
                  Open on {WEEKDAY_LABELS[day]}
                </label>
                {hours.open && (
                  <>
                    {timeInput(day, 'opens')}
                    <span aria-hidden="true">–</span>
                    {timeInput(day, 'closes')}
                    {(['opens', 'closes', 'weekday'] as const).map((part) => (
                      <FieldError key={part} path={`openingHours.${index}.${part}`} state={state} />
                    ))}
                  </>
                )}
              </div>
            )
          })}
        </fieldset>
      ) : (
        <p className={styles.muted}>This room has detailed opening hours set in the admin; they stay as they are.</p>
      )}
    </StepFrame>
  )
}
