// What the signup plugin keeps on each tenant: the onboarding wizard's progress and the trial job's marks.
// Only the plugin's own endpoints and jobs write them (with overrideAccess).
import type { Field } from 'payload'

import { nobody } from '../../../access/nobody'

export const ONBOARDING_STEPS = ['welcome', 'room', 'pricing', 'staff', 'plan'] as const
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number]

const stepOptions = ONBOARDING_STEPS.map((step) => ({ label: step, value: step }))
const writtenByThePlugin = { create: nobody, update: nobody }

export const tenantSignupFields: Field[] = [
  {
    name: 'onboarding',
    type: 'group',
    access: writtenByThePlugin,
    admin: { position: 'sidebar', readOnly: true },
    fields: [
      { name: 'step', type: 'select', defaultValue: 'welcome', options: stepOptions },
      { name: 'completed', type: 'select', hasMany: true, options: stepOptions },
      { name: 'skipped', type: 'select', hasMany: true, options: stepOptions },
      { name: 'completedAt', type: 'date' },
    ],
  },
  {
    name: 'trialReminderSentAt',
    type: 'date',
    access: writtenByThePlugin,
    admin: { hidden: true },
  },
]
