// Step 2 of the booking page: a duration, then a start time from the room's free slots, a week at a time, in
// the studio's zone.
import type { BookingPageState } from './useBookingPage'
import type { Room } from './bookingTypes'

import styles from './book.module.css'
import { addDays, wallTime } from './format'
import { useFormat, useT } from './messages'
import { StepHeading } from './StepHeading'
import week from './timeStep.module.css'

type Props = { money: (minor: number) => string; room: Room; state: BookingPageState; timezone: string; today: string }

export function TimeStep({ money, room, state, timezone, today }: Props) {
  const t = useT()
  const { dayLabel, durationLabel, shortDayLabel } = useFormat()
  const { availability, duration, idPrefix, weekStart } = state
  const days = availability.state === 'ready' ? availability.days : []
  const weekDates = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index))
  const weekText = `${shortDayLabel(weekDates[0]!)} – ${shortDayLabel(weekDates[6]!)}`
  return (
    <>
      <StepHeading headingRef={state.headingRef} number={2} text={t('booking.time.heading')} />
      <div className={styles.row}>
        <p>
          <strong>{room.name}</strong> · {t('booking.room.perHour', { price: money(room.hourlyRate) })}
        </p>
        <button className={styles.linkButton} onClick={state.changeRoom} type="button">
          {t('booking.time.changeRoom')}
        </button>
      </div>
      {state.timeAlert && (
        <div className={styles.alert} role="alert">
          <p>{state.timeAlert}</p>
        </div>
      )}
      {room.durations.length > 1 && (
        <div className={`${styles.field} ${styles.selectField}`}>
          <label className={styles.label} htmlFor={`${idPrefix}-duration`}>
            {t('booking.time.duration')}
          </label>
          <select className={styles.control} id={`${idPrefix}-duration`} onChange={(event) => state.chooseDuration(Number(event.target.value))} value={duration}>
            {room.durations.map((offered) => (
              <option key={offered.minutes} value={offered.minutes}>
                {durationLabel(offered.minutes)} · {money(offered.price)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className={week.zone}>{t('booking.time.zone', { zone: timezone })}</p>
      <nav aria-label={t('booking.time.weeks')} className={week.weekNav}>
        <button className={styles.secondary} disabled={weekStart <= today} onClick={() => state.moveWeek(-1)} type="button">
          <span aria-hidden="true">← </span>
          {t('booking.time.previousWeek')}
        </button>
        <p className={week.weekLabel}>{weekText}</p>
        <button className={styles.secondary} onClick={() => state.moveWeek(1)} type="button">
          {t('booking.time.nextWeek')}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p aria-live="polite" className={styles.status} role="status">
        {availability.state === 'loading' && t('booking.time.loading')}
        {availability.state === 'ready' && <span className={styles.srOnly}>{t('booking.time.showing', { week: weekText })}</span>}
      </p>
      {availability.state === 'error' && (
        <div className={styles.alert} role="alert">
          <p>{availability.message}</p>
          <button className={styles.secondary} onClick={state.retryAvailability} style={{ marginTop: '0.5rem' }} type="button">
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {availability.state === 'ready' && (
        <fieldset className={week.fieldset}>
          <legend className={week.legend}>{t('booking.time.legend', { duration: durationLabel(duration) })}</legend>
          {weekDates.map((date) => {
            const slots = days.find((day) => day.date === date)?.slots ?? []
            const headingId = `${idPrefix}-day-${date}`
            return (
              <div aria-labelledby={headingId} className={week.day} data-date={date} key={date} role="group">
                <h3 className={week.dayHeading} id={headingId}>
                  {dayLabel(date)}
                </h3>
                {slots.length === 0 ? (
                  <p className={week.noSlots}>{t('booking.time.noSlots')}</p>
                ) : (
                  <ul className={week.slotList}>
                    {slots.map((candidate) => (
                      <li key={candidate.start}>
                        <button className={week.slotButton} data-start={candidate.start} onClick={() => state.chooseSlot(candidate)} type="button">
                          {wallTime(candidate.start)}
                          <span className={styles.srOnly}> {t('booking.time.slotEnd', { end: wallTime(candidate.end) })}</span>
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
    </>
  )
}
