'use client'

// The public booking flow: room, then a time from the room's availability (in the studio's zone), then the
// customer's details, then the confirmation. It talks only to the public REST API on the same origin, which
// prices every duration and slot; the state lives in `useBookingPage`, each step in its own component.
import styles from './book.module.css'
import { BookedStep } from './BookedStep'
import { DetailsStep } from './DetailsStep'
import { CurrencyMenu } from './CurrencyMenu'
import { RoomStep } from './RoomStep'
import { TimeStep } from './TimeStep'
import { useBookingPage } from './useBookingPage'
import { useCurrencyChoice } from './useCurrencyChoice'

export function BookingPage({ tenantSlug }: { tenantSlug: string }) {
  const state = useBookingPage(tenantSlug)
  const { load, room, slot, step } = state
  const choice = useCurrencyChoice(load.state === 'ready' ? load.tenant.currency : null)

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
  const { money } = choice
  const stepShown =
    step === 'room' || !room ? (
      <RoomStep headingRef={state.headingRef} money={money} onChoose={state.chooseRoom} rooms={rooms} />
    ) : step === 'done' && state.booked ? (
      <BookedStep
        booked={state.booked}
        email={state.form.email.trim()}
        headingRef={state.headingRef}
        onBookAnother={state.bookAnother}
        roomName={room.name}
        timezone={tenant.timezone}
      />
    ) : step === 'details' && slot ? (
      <DetailsStep display={choice.display} money={money} room={room} slot={slot} state={state} timezone={tenant.timezone} />
    ) : (
      <TimeStep money={money} room={room} state={state} timezone={tenant.timezone} today={today} />
    )

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Book a room</p>
        <h1 className={styles.title}>{tenant.name}</h1>
        <CurrencyMenu choice={choice} />
      </header>
      {stepShown}
    </main>
  )
}
