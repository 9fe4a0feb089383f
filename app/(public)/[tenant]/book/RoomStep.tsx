// Step 1 of the booking page: the studio's rooms, with their capacity, rate and durations.
import type { RefObject } from 'react'

import type { Room } from './bookingTypes'

import styles from './book.module.css'
import { durationLabel } from './format'
import { StepHeading } from './StepHeading'

type Props = { headingRef: RefObject<HTMLHeadingElement | null>; money: (minor: number) => string; onChoose: (room: Room) => void; rooms: Room[] }

export function RoomStep({ headingRef, money, onChoose, rooms }: Props) {
  return (
    <>
      <StepHeading headingRef={headingRef} number={1} text="Choose a room" />
      {rooms.length === 0 ? (
        <p>This studio has no rooms open for booking right now.</p>
      ) : (
        <ul className={styles.list}>
          {rooms.map((candidate) => (
            <li key={candidate.id}>
              <button className={styles.roomButton} onClick={() => onChoose(candidate)} type="button">
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
    </>
  )
}
