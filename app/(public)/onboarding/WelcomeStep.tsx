// Step 1: the studio's name, time zone and currency, as the signup set them.
import { useMemo, useState } from 'react'

import type { WizardState } from './useOnboarding'
import type { Prefill } from './wizardForms'

import { InputField, SelectField } from './Field'
import { StepFrame } from './StepFrame'

type Props = { prefill: Prefill['welcome']; state: WizardState }

/** The runtime's zones and currencies, the current value always among them; the server has the last word. */
function choices(kind: 'currency' | 'timeZone', current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf(kind) : []
  return known.includes(current) ? known : [current, ...known]
}

function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code
  } catch {
    return code
  }
}

export function WelcomeStep({ prefill, state }: Props) {
  const [form, setForm] = useState(prefill)
  const zones = useMemo(() => choices('timeZone', prefill.timezone), [prefill.timezone])
  const currencies = useMemo(() => choices('currency', prefill.defaultCurrency), [prefill.defaultCurrency])
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }))

  return (
    <StepFrame
      intro="Check how your studio appears to customers. You can change all of this later in the admin."
      onContinue={() => void state.answer('welcome', 'complete', form)}
      state={state}
      step="welcome"
    >
      <InputField autoComplete="organization" label="Studio name" maxLength={120} onChange={set('name')} path="name" state={state} type="text" value={form.name} />
      <SelectField hint="Opening hours and bookings are in this zone." label="Time zone" onChange={set('timezone')} path="timezone" state={state} value={form.timezone}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </SelectField>
      <SelectField hint="Prices and deposits are charged in this currency." label="Currency" onChange={set('defaultCurrency')} path="defaultCurrency" state={state} value={form.defaultCurrency}>
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code} · {currencyName(code)}
          </option>
        ))}
      </SelectField>
    </StepFrame>
  )
}
