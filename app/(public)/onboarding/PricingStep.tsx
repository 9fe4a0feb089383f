// Step 3: the default booking policy: the deposit (a percentage of the price or a fixed amount), how long an
// unpaid booking keeps its slot, and the refund tiers for cancellations.
import { useState } from 'react'

import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { FieldError, InputField, SelectField } from './Field'
import wizard from './onboarding.module.css'
import { StepFrame } from './StepFrame'
import { EMPTY_TIER, type Prefill, pricingBody, pricingForm, type TierForm } from './wizardForms'

type Props = { currency: { code: string; exponent: number }; prefill: Prefill['pricing']; state: WizardState }

const MAX_TIERS = 10

export function PricingStep({ currency, prefill, state }: Props) {
  const [form, setForm] = useState(() => pricingForm(prefill, currency.exponent))
  const set = (name: 'depositAmount' | 'depositPercent' | 'holdMinutes') => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }))
  const setTier = (index: number, change: Partial<TierForm>) =>
    setForm((current) => ({ ...current, tiers: current.tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier)) }))
  const removeTier = (index: number) => setForm((current) => ({ ...current, tiers: current.tiers.filter((_, at) => at !== index) }))
  const addTier = () => setForm((current) => ({ ...current, tiers: [...current.tiers, EMPTY_TIER] }))

  const submit = () => {
    const { body, errors } = pricingBody(form, currency.exponent)
    if (Object.keys(errors).length > 0) return state.refuse(errors)
    void state.answer('pricing', 'complete', body)
  }

  return (
    <StepFrame intro="These terms apply to every room unless a room has its own. Customers see them when they book." onContinue={submit} state={state} step="pricing">
      <fieldset className={wizard.fieldset}>
        <legend className={styles.label}>Deposit</legend>
        {(['percentage', 'fixed'] as const).map((type) => (
          <label className={wizard.check} key={type}>
            <input checked={form.depositType === type} name="depositType" onChange={() => setForm((current) => ({ ...current, depositType: type }))} type="radio" value={type} />
            {type === 'percentage' ? 'Percentage of the price' : 'Fixed amount'}
          </label>
        ))}
        <FieldError path="depositType" state={state} />
        {form.depositType === 'percentage' ? (
          <InputField inputMode="decimal" label="Deposit (%)" onChange={set('depositPercent')} path="depositPercent" state={state} type="text" value={form.depositPercent} />
        ) : (
          <InputField inputMode="decimal" label={`Deposit amount (${currency.code})`} onChange={set('depositAmount')} path="depositAmount" state={state} type="text" value={form.depositAmount} />
        )}
      </fieldset>
      <InputField
        hint="From 5 minutes to 23 hours (1380 minutes)."
        inputMode="numeric"
        label="Hold unpaid bookings for (minutes)"
        onChange={set('holdMinutes')}
        path="holdMinutes"
        state={state}
        type="text"
        value={form.holdMinutes}
      />
      <fieldset className={wizard.fieldset}>
        <legend className={styles.label}>Refunds on cancellation</legend>
        <p className={styles.muted}>The largest notice a cancellation meets applies; with none met, nothing is refunded.</p>
        <FieldError path="cancellationTiers" state={state} />
        {form.tiers.map((tier, index) => (
          <div className={wizard.tierRow} key={index}>
            <InputField inputMode="numeric" label={`Notice for refund ${index + 1}`} onChange={(event) => setTier(index, { noticeAmount: event.target.value })} path={`cancellationTiers.${index}.noticeAmount`} state={state} type="text" value={tier.noticeAmount} />
            <SelectField label={`Unit for refund ${index + 1}`} onChange={(event) => setTier(index, { noticeUnit: event.target.value === 'days' ? 'days' : 'hours' })} path={`cancellationTiers.${index}.noticeUnit`} state={state} value={tier.noticeUnit}>
              <option value="days">days before</option>
              <option value="hours">hours before</option>
            </SelectField>
            <InputField inputMode="decimal" label={`Refund ${index + 1} (%)`} onChange={(event) => setTier(index, { refundPercent: event.target.value })} path={`cancellationTiers.${index}.refundPercent`} state={state} type="text" value={tier.refundPercent} />
            <button className={styles.linkButton} onClick={() => removeTier(index)} type="button">
              Remove refund {index + 1}
            </button>
          </div>
        ))}
        {form.tiers.length < MAX_TIERS && (
          <button className={styles.secondary} onClick={addTier} type="button">
            Add a refund tier
          </button>
        )}
      </fieldset>
    </StepFrame>
  )
}
