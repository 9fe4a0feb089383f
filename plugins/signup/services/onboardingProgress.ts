// The onboarding wizard's progress and the first room's slug: how a completed or skipped step moves the
// tenant's `onboarding` group, and which slug a new room takes. Pure.
import type { Tenant } from '../../../payload-types'
import type { OnboardingAction } from './onboardingSchemas'

import { slugify } from '../../../fields/validators'
import { ONBOARDING_STEPS, type OnboardingStep } from '../fields/tenantSignupFields'

export type OnboardingProgress = { completed: OnboardingStep[]; completedAt: null | string; skipped: OnboardingStep[]; step: OnboardingStep }

/** The stored group as the wizard reads it; a tenant made before signup existed has none yet. */
export function progressOf(tenant: Pick<Tenant, 'onboarding'>): OnboardingProgress {
  const stored = tenant.onboarding ?? {}
  return {
    completed: stored.completed ?? [],
    completedAt: stored.completedAt ?? null,
    skipped: stored.skipped ?? [],
    step: stored.step ?? ONBOARDING_STEPS[0],
  }
}

const inStepOrder = (steps: OnboardingStep[]) => ONBOARDING_STEPS.filter((step) => steps.includes(step))

/**
 * Records `step` as completed or skipped (the latest answer wins, so a step is never both), then points at the
 * first step not yet answered: a step revisited later does not send the wizard back. Once every step is
 * answered, `step` stays on the last one and `completedAt` is set, the first time only.
 */
export function advance(progress: OnboardingProgress, step: OnboardingStep, action: OnboardingAction, now: Date): OnboardingProgress {
  const others = (steps: OnboardingStep[]) => steps.filter((other) => other !== step)
  const completed = inStepOrder(action === 'complete' ? [...others(progress.completed), step] : others(progress.completed))
  const skipped = inStepOrder(action === 'skip' ? [...others(progress.skipped), step] : others(progress.skipped))
  const open = ONBOARDING_STEPS.find((candidate) => !completed.includes(candidate) && !skipped.includes(candidate))
  return {
    completed,
    completedAt: progress.completedAt ?? (open ? null : now.toISOString()),
    skipped,
    step: open ?? ONBOARDING_STEPS[ONBOARDING_STEPS.length - 1]!,
  }
}

const SLUG_ATTEMPTS = 20

/** Slugs to try for a room called `name`, in order: `studio-a`, `studio-a-2`, … (each within the 63 characters of a slug). */
export function roomSlugCandidates(name: string): string[] {
  const base = slugify(name).slice(0, 59).replace(/-+$/, '') || 'room'
  return [base, ...Array.from({ length: SLUG_ATTEMPTS - 1 }, (_, index) => `${base}-${index + 2}`)]
}
