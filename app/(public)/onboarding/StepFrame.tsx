// One wizard step: "Step n of 5", its heading (which takes the focus), the alert, and the form with Continue,
// Skip and Back. The step's fields come as children.
import type { ReactNode } from 'react'

import type { Step } from './onboardingTypes'
import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { STEP_TITLES, STEPS } from './onboardingTypes'

type Props = { children: ReactNode; continueLabel?: string; intro?: ReactNode; onContinue: () => void; state: WizardState; step: Step }

export function StepFrame({ children, continueLabel = 'Continue', intro, onContinue, state, step }: Props) {
  const index = STEPS.indexOf(step)
  return (
    <>
      <p className={styles.step}>
        Step {index + 1} of {STEPS.length}
      </p>
      <h2 className={styles.stepHeading} ref={state.headingRef} tabIndex={-1}>
        {STEP_TITLES[step]}
      </h2>
      {intro && <p className={styles.muted}>{intro}</p>}
      {state.alert && (
        <div className={styles.alert} role="alert">
          <p>{state.alert}</p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!state.submitting) onContinue()
        }}
      >
        {children}
        <div className={styles.actions}>
          <button aria-disabled={state.submitting} className={styles.primary} type="submit">
            {state.submitting ? 'Saving…' : continueLabel}
          </button>
          <button className={styles.secondary} disabled={state.submitting} onClick={() => void state.answer(step, 'skip')} type="button">
            Skip this step
          </button>
          {index > 0 && (
            <button className={styles.linkButton} onClick={state.back} type="button">
              Back
            </button>
          )}
        </div>
      </form>
    </>
  )
}
