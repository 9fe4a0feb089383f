'use client'

// The public booking flow: room, then a time from the room's availability (in the studio's zone), then the
// customer's details, then the confirmation. It talks only to the public REST API on the same origin, which
// prices every duration and slot; the state lives in `useBookingPage`, each step in its own component. Its
// words come from the `MessagesProvider` the server page wraps it in.
import styles from './book.module.css'
import { BookedStep } from './BookedStep'
import { DetailsStep } from './DetailsStep'
import { CurrencyMenu } from './CurrencyMenu'
import { LanguageMenu, type LanguageOption } from './LanguageMenu'
import { useT } from './messages'
import { RoomStep } from './RoomStep'
import { TimeStep } from './TimeStep'
import { useBookingPage } from './useBookingPage'
import { useCurrencyChoice } from './useCurrencyChoice'

export function BookingPage({ languages, tenantSlug }: { languages: LanguageOption[]; tenantSlug: string }) {
  const t = useT()
  const state = useBookingPage(tenantSlug)
  const { load, room, slot, step } = state
  const choice = useCurrencyChoice(load.state === 'ready' ? load.tenant.currency : null)

  if (load.state === 'loading') {
    return (
      <main className={styles.page}>
        <p aria-live="polite" className={styles.status} role="status">
          {t('booking.loading')}
        </p>
      </main>
    )
  }
  if (load.state !== 'ready') {
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>{t(load.state === 'notFound' ? 'booking.notFound.title' : 'booking.unavailable.title')}</h1>
        <div className={styles.alert} role="alert">
          <p>{load.state === 'notFound' ? t('booking.notFound.text', { slug: tenantSlug }) : t('booking.unavailable.text', { reason: load.message })}</p>
        </div>
        <LanguageMenu languages={languages} />
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
        <p className={styles.eyebrow}>{t('booking.eyebrow')}</p>
        <h1 className={styles.title}>{tenant.name}</h1>
        <CurrencyMenu choice={choice} />
        <LanguageMenu languages={languages} />
      </header>
      {stepShown}
    </main>
  )
}
