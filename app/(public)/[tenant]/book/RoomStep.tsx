// Step 1 of the booking page: the studio's rooms, with their capacity, rate and durations.
import type { RefObject } from 'react'

import type { Room } from './bookingTypes'

import styles from './book.module.css'
import { useFormat, useT } from './messages'
import { StepHeading } from './StepHeading'

type Props = { headingRef: RefObject<HTMLHeadingElement | null>; money: (minor: number) => string; onChoose: (room: Room) => void; rooms: Room[] }

export function RoomStep({ headingRef, money, onChoose, rooms }: Props) {
  const t = useT()
  const { durationLabel, one } = useFormat()
  return (
    <>
      <StepHeading headingRef={headingRef} number={1} text={t('booking.room.heading')} />
      {rooms.length === 0 ? (
        <p>{t('booking.room.none')}</p>
      ) : (
        <ul className={styles.list}>
          {rooms.map((candidate) => (
            <li key={candidate.id}>
              <button className={styles.roomButton} onClick={() => onChoose(candidate)} type="button">
                <span className={styles.roomName}>{candidate.name}</span>
                <span className={styles.muted}>
                  {t(one(candidate.capacity) ? 'booking.room.capacity.one' : 'booking.room.capacity.other', { count: candidate.capacity })} ·{' '}
                  {t('booking.room.perHour', { price: money(candidate.hourlyRate) })} ·{' '}
                  {candidate.minMinutes === candidate.maxMinutes
                    ? durationLabel(candidate.minMinutes)
                    : t('booking.room.durationRange', { max: durationLabel(candidate.maxMinutes), min: durationLabel(candidate.minMinutes) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
