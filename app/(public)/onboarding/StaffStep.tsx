// Step 4: who else works at the studio. Each person gets an email with a link to set their password; people
// who already have an Atelier account just join.
import { useState } from 'react'

import type { Role } from './onboardingTypes'
import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'
import { InputField, SelectField } from './Field'
import wizard from './onboarding.module.css'
import { StepFrame } from './StepFrame'
import { type InviteForm, type Prefill, staffBody } from './wizardForms'

type Props = { prefill: Prefill['staff']; state: WizardState }

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', artist: 'Artist', editor: 'Editor', owner: 'Owner', staff: 'Staff' }
const MAX_INVITES = 20

export function StaffStep({ prefill, state }: Props) {
  const defaultRole: Role = prefill.roles.includes('staff') ? 'staff' : (prefill.roles[0] ?? 'staff')
  const [invites, setInvites] = useState<InviteForm[]>([{ email: '', role: defaultRole }])
  const setInvite = (index: number, change: Partial<InviteForm>) => setInvites((current) => current.map((invite, at) => (at === index ? { ...invite, ...change } : invite)))
  const remove = (index: number) => setInvites((current) => current.filter((_, at) => at !== index))

  return (
    <StepFrame
      intro="Invite the people who run the studio with you. Leave the list empty to do it later."
      onContinue={() => void state.answer('staff', 'complete', staffBody(invites).body)}
      state={state}
      step="staff"
    >
      {prefill.members.length > 0 && (
        <div className={styles.card}>
          <p className={styles.label} style={{ marginTop: 0 }}>
            Already in the studio
          </p>
          <ul className={wizard.members}>
            {prefill.members.map((member) => (
              <li key={member.id}>
                {member.name ? `${member.name} · ` : ''}
                {member.email} ({ROLE_LABELS[member.role]})
              </li>
            ))}
          </ul>
        </div>
      )}
      {invites.map((invite, index) => (
        <div className={wizard.inviteRow} key={index}>
          <InputField autoComplete="off" inputMode="email" label={`Email of person ${index + 1}`} onChange={(event) => setInvite(index, { email: event.target.value })} path={`invites.${index}.email`} state={state} type="email" value={invite.email} />
          <SelectField label={`Role of person ${index + 1}`} onChange={(event) => setInvite(index, { role: event.target.value as Role })} path={`invites.${index}.role`} state={state} value={invite.role}>
            {prefill.roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <button className={styles.linkButton} onClick={() => remove(index)} type="button">
            Remove person {index + 1}
          </button>
        </div>
      ))}
      {invites.length < MAX_INVITES && (
        <button className={styles.secondary} onClick={() => setInvites((current) => [...current, { email: '', role: defaultRole }])} type="button">
          Add a person
        </button>
      )}
    </StepFrame>
  )
}
