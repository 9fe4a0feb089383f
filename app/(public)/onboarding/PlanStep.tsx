// Step 5: the plan. Staying on the trial is always a choice; billing adds its plans through the API, each with
// the checkout that follows its choice.
import { useState } from 'react'

import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { FieldError } from './Field'
import wizard from './onboarding.module.css'
import { StepFrame } from './StepFrame'
import { type Prefill } from './wizardForms'

type Props = { prefill: Prefill['plan']; state: WizardState; trialEndsAt: null | string }

const dateLabel = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(iso))

export function PlanStep({ prefill, state, trialEndsAt }: Props) {
  const [plan, setPlan] = useState(prefill.choices[0]?.id ?? 'trial')
  // A paid plan is paid for next: the server's checkout link takes the owner to the payment page.
  const choose = async () => {
    const checkoutUrl = prefill.choices.find((choice) => choice.id === plan)?.checkoutUrl
    if ((await state.answer('plan', 'complete', { plan })) && checkoutUrl) window.location.assign(checkoutUrl)
  }
  return (
    <StepFrame
      continueLabel="Finish"
      intro={trialEndsAt ? `Your trial runs until ${dateLabel(trialEndsAt)}.` : undefined}
      onContinue={() => void choose()}
      state={state}
      step="plan"
    >
      <fieldset className={wizard.fieldset}>
        <legend className={styles.label}>Plan</legend>
        {prefill.choices.map((choice) => (
          <label className={wizard.choice} key={choice.id}>
            <input checked={plan === choice.id} id={state.fieldId(`plan-${choice.id}`)} name="plan" onChange={() => setPlan(choice.id)} type="radio" value={choice.id} />
            <span>
              <strong>{choice.name}</strong>
              {choice.description && <span className={wizard.description}>{choice.description}</span>}
            </span>
          </label>
        ))}
        <FieldError path="plan" state={state} />
      </fieldset>
    </StepFrame>
  )
}
