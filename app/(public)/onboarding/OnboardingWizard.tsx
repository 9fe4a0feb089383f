'use client'

// The onboarding wizard: five steps (studio, first room, pricing, team, plan), each saved or skipped through
// /api/onboarding with the session cookie, then the live booking page. It opens at the step the studio
// stopped at; the state lives in `useOnboarding`, each step in its own component.
import styles from '../[tenant]/book/book.module.css'
import { DoneStep } from './DoneStep'
import wizard from './onboarding.module.css'
import { STEP_TITLES, STEPS } from './onboardingTypes'
import { PlanStep } from './PlanStep'
import { PricingStep } from './PricingStep'
import { RoomStep } from './RoomStep'
import { StaffStep } from './StaffStep'
import { useOnboarding } from './useOnboarding'
import { WelcomeStep } from './WelcomeStep'

const LOGIN = '/admin/login?redirect=/onboarding'

export function OnboardingWizard({ tenantId }: { tenantId?: string }) {
  const state = useOnboarding(tenantId)
  const { data, load, shown } = state

  if (load.state === 'loading') {
    return (
      <main className={styles.page}>
        <p aria-live="polite" className={styles.status} role="status">
          Loading your studio…
        </p>
      </main>
    )
  }
  if (load.state === 'choose') {
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>Which studio do you want to set up?</h1>
        <ul className={wizard.members}>
          {load.tenants.map((tenant) => (
            <li key={tenant.id}>
              <a href={`/onboarding?tenant=${tenant.id}`}>{tenant.name}</a>
            </li>
          ))}
        </ul>
      </main>
    )
  }
  if (load.state === 'error' || !data) {
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>Studio setup is unavailable</h1>
        <div className={styles.alert} role="alert">
          <p>{load.state === 'error' ? load.message : 'Something went wrong.'}</p>
        </div>
        {state.signedOut && <a href={LOGIN}>Sign in</a>}
      </main>
    )
  }

  const { currency, onboarding, prefill } = data
  const stepShown =
    shown === 'welcome' ? (
      <WelcomeStep prefill={prefill.welcome} state={state} />
    ) : shown === 'room' ? (
      <RoomStep currency={currency} prefill={prefill.room} state={state} />
    ) : shown === 'pricing' ? (
      <PricingStep currency={currency} prefill={prefill.pricing} state={state} />
    ) : shown === 'staff' ? (
      <StaffStep prefill={prefill.staff} state={state} />
    ) : shown === 'plan' ? (
      <PlanStep prefill={prefill.plan} state={state} trialEndsAt={data.tenant.trialEndsAt} />
    ) : (
      <DoneStep data={data} state={state} />
    )

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Set up your studio</p>
        <h1 className={styles.title}>{data.tenant.name}</h1>
      </header>
      <nav aria-label="Setup progress">
        <ol className={wizard.progress}>
          {STEPS.map((step) => {
            const status = onboarding.completed.includes(step) ? 'done' : onboarding.skipped.includes(step) ? 'skipped' : 'to do'
            return (
              <li aria-current={shown === step ? 'step' : undefined} className={wizard.progressItem} data-status={status} key={step}>
                {STEP_TITLES[step]} <span className={styles.srOnly}>({status})</span>
              </li>
            )
          })}
        </ol>
      </nav>
      {state.signedOut && (
        <p>
          <a href={LOGIN}>Sign in again</a>
        </p>
      )}
      {stepShown}
    </main>
  )
}
