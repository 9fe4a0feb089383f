// The end of the wizard: the studio's live booking page, and what was left for later.
import type { OnboardingState } from './onboardingTypes'
import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { STEP_TITLES } from './onboardingTypes'

type Props = { data: OnboardingState; state: WizardState }

export function DoneStep({ data, state }: Props) {
  const skipped = data.onboarding.skipped
  return (
    <>
      <p className={styles.step}>All {data.steps.length} steps answered</p>
      <h2 className={styles.stepHeading} ref={state.headingRef} tabIndex={-1}>
        Your studio is ready
      </h2>
      <div className={styles.card}>
        <p style={{ marginTop: 0 }}>Customers can book at your public booking page:</p>
        <p style={{ marginBottom: 0, overflowWrap: 'anywhere' }}>
          <a href={data.publicBookingUrl}>{data.publicBookingUrl}</a>
        </p>
      </div>
      {skipped.length > 0 && (
        <p className={styles.muted}>
          You skipped: {skipped.map((step) => STEP_TITLES[step]).join(', ')}. You can come back to them here or in the admin.
        </p>
      )}
      <div className={styles.actions}>
        <a className={styles.primary} href="/admin" style={{ display: 'inline-flex', alignItems: 'center', textDecoration: 'none' }}>
          Open the admin
        </a>
        <button className={styles.secondary} onClick={() => state.show('welcome')} type="button">
          Review the steps
        </button>
      </div>
    </>
  )
}
