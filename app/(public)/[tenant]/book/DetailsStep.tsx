// Step 3 of the booking page: the chosen time with the price the server quoted for it, then the customer's
// details; errors show next to their fields.
import type { BookingPageState } from './useBookingPage'
import type { FieldName, Room, Slot } from './bookingTypes'
import type { ShownCurrency } from './detailsForm'

import styles from './book.module.css'
import { wallDate } from './format'
import { useFormat, useT } from './messages'
import { StepHeading } from './StepHeading'

type Props = { display?: ShownCurrency; money: (minor: number) => string; room: Room; slot: Slot; state: BookingPageState; timezone: string }
type InputProps = { autoComplete: string; inputMode?: 'email' | 'tel'; type: string }

export function DetailsStep({ display, money, room, slot, state, timezone }: Props) {
  const t = useT()
  const { dayLabel, durationLabel, timeRange } = useFormat()
  const { fieldErrors, fieldId, form } = state
  const describedBy = (name: FieldName) => (fieldErrors[name] ? `${fieldId(name)}-error` : undefined)
  const fieldError = (name: FieldName) =>
    fieldErrors[name] && (
      <p className={styles.fieldError} id={`${fieldId(name)}-error`}>
        {fieldErrors[name]}
      </p>
    )
  const input = (name: FieldName, label: string, props: InputProps) => (
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
        onChange={state.changeField(name)}
        value={form[name]}
        {...props}
      />
      {fieldError(name)}
    </div>
  )
  return (
    <>
      <StepHeading headingRef={state.headingRef} number={3} text={t('booking.details.heading')} />
      <div className={styles.card}>
        <dl className={styles.details}>
          <dt>{t('booking.label.room')}</dt>
          <dd>{room.name}</dd>
          <dt>{t('booking.label.date')}</dt>
          <dd>{dayLabel(wallDate(slot.start))}</dd>
          <dt>{t('booking.label.time')}</dt>
          <dd>
            {timeRange(slot.start, slot.end)} ({durationLabel(state.duration)})
          </dd>
          <dt>{t('booking.label.price')}</dt>
          <dd>{money(slot.price)}</dd>
        </dl>
        <p className={styles.muted} style={{ marginBottom: 0 }}>
          {t('booking.details.note', { zone: timezone })}
        </p>
      </div>
      <button className={styles.linkButton} onClick={state.backToTimes} type="button">
        {t('booking.details.chooseAnother')}
      </button>
      {state.formAlert && (
        <div className={styles.alert} role="alert">
          <p>{state.formAlert}</p>
        </div>
      )}
      <form noValidate onSubmit={(event) => void state.submit(event, display)} style={{ marginTop: '1rem' }}>
        {input('name', t('booking.field.name'), { autoComplete: 'name', type: 'text' })}
        {input('email', t('booking.field.email'), { autoComplete: 'email', inputMode: 'email', type: 'email' })}
        {input('phone', t('booking.field.phone'), { autoComplete: 'tel', inputMode: 'tel', type: 'tel' })}
        <div className={styles.field}>
          <label className={styles.label} htmlFor={fieldId('notes')}>
            {t('booking.field.notes')}
          </label>
          <textarea
            aria-describedby={describedBy('notes')}
            aria-invalid={fieldErrors.notes ? true : undefined}
            className={styles.control}
            id={fieldId('notes')}
            maxLength={2000}
            name="notes"
            onChange={state.changeField('notes')}
            rows={3}
            value={form.notes}
          />
          {fieldError('notes')}
        </div>
        <button aria-disabled={state.submitting} className={styles.primary} type="submit">
          {state.submitting ? t('booking.details.submitting') : t('booking.details.submit')}
        </button>
      </form>
    </>
  )
}
