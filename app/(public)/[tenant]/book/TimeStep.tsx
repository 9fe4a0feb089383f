// Step 2 of the booking page: a duration, then a start time from the room's free slots, a week at a time, in
// the studio's zone.
import type { BookingPageState } from './useBookingPage'
import type { Room } from './bookingTypes'

import styles from './book.module.css'
import { addDays, dayLabel, durationLabel, shortDayLabel, wallTime } from './format'
import { StepHeading } from './StepHeading'
import week from './timeStep.module.css'

type Props = { money: (minor: number) => string; room: Room; state: BookingPageState; timezone: string; today: string }

export function TimeStep({ money, room, state, timezone, today }: Props) {
  const { availability, duration, idPrefix, weekStart } = state
  const days = availability.state === 'ready' ? availability.days : []
  const weekDates = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index))
  const weekText = `${shortDayLabel(weekDates[0]!)} – ${shortDayLabel(weekDates[6]!)}`
  return (
    <>
      <StepHeading headingRef={state.headingRef} number={2} text="Choose a time" />
      <div className={styles.row}>
        <p>
          <strong>{room.name}</strong> · {money(room.hourlyRate)} per hour
        </p>
        <button className={styles.linkButton} onClick={state.changeRoom} type="button">
          Change room
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
            Duration
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
      <p className={week.zone}>Times are in {timezone}</p>
      <nav aria-label="Weeks" className={week.weekNav}>
        <button className={styles.secondary} disabled={weekStart <= today} onClick={() => state.moveWeek(-1)} type="button">
          <span aria-hidden="true">← </span>Previous week
        </button>
        <p className={week.weekLabel}>{weekText}</p>
        <button className={styles.secondary} onClick={() => state.moveWeek(1)} type="button">
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
          <button className={styles.secondary} onClick={state.retryAvailability} style={{ marginTop: '0.5rem' }} type="button">
            Try again
          </button>
        </div>
      )}
      {availability.state === 'ready' && (
        <fieldset className={week.fieldset}>
          <legend className={week.legend}>Start times, {durationLabel(duration)} each</legend>
          {weekDates.map((date) => {
            const slots = days.find((day) => day.date === date)?.slots ?? []
            const headingId = `${idPrefix}-day-${date}`
            return (
              <div aria-labelledby={headingId} className={week.day} data-date={date} key={date} role="group">
                <h3 className={week.dayHeading} id={headingId}>
                  {dayLabel(date)}
                </h3>
                {slots.length === 0 ? (
                  <p className={week.noSlots}>No free times on this day.</p>
                ) : (
                  <ul className={week.slotList}>
                    {slots.map((candidate) => (
                      <li key={candidate.start}>
                        <button className={week.slotButton} data-start={candidate.start} onClick={() => state.chooseSlot(candidate)} type="button">
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
    </>
  )
}
