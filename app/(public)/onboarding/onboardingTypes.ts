// The onboarding API's answer as the wizard reads it (GET and PATCH /api/onboarding answer the same shape).

export const STEPS = ['welcome', 'room', 'pricing', 'staff', 'plan'] as const
export type Step = (typeof STEPS)[number]

export const STEP_TITLES: Record<Step, string> = {
  plan: 'Choose a plan',
  pricing: 'Deposit and cancellations',
  room: 'Your first room',
  staff: 'Invite your team',
  welcome: 'Welcome to Atelier',
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export type OpeningRange = { closes: string; opens: string; weekday: Weekday }

export type Tier = { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }
export type Role = 'admin' | 'artist' | 'editor' | 'owner' | 'staff'

export type OnboardingState = {
  currency: { code: string; exponent: number }
  onboarding: { completed: Step[]; completedAt: null | string; skipped: Step[]; step: Step }
  prefill: {
    plan: { choices: { checkoutUrl?: string; description?: string; id: string; name: string }[] }
    pricing: {
      cancellationTiers: Tier[]
      depositAmount: null | number
      depositPercent: null | number
      depositType: 'fixed' | 'percentage'
      holdMinutes: number
      id: null | number
    }
    room: { capacity: number; hourlyRate: null | number; id: null | number; name: string; openingHours: OpeningRange[] }
    staff: { members: { email: string; id: number; name: null | string; role: Role }[]; roles: Role[] }
    welcome: { defaultCurrency: string; name: string; timezone: string }
  }
  publicBookingUrl: string
  steps: Step[]
  tenant: { defaultCurrency: string; id: number; name: string; slug: string; status: string; timezone: string; trialEndsAt: null | string }
}

/** Messages by field, keyed by the API's path without its `data.` prefix (`name`, `invites.0.email`). */
export type FieldErrors = Record<string, string | undefined>

export type Load =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'choose'; tenants: { id: number; name: string }[] }
  | { message: string; state: 'error' }
