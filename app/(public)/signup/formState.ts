// What the signup form posts and what the server action answers with.
export const SIGNUP_FIELDS = ['studioName', 'slug', 'name', 'email', 'password', 'timezone', 'currency', 'locale', 'website'] as const
export type SignupField = (typeof SIGNUP_FIELDS)[number]

export type SignupFormState =
  | { email: string; status: 'sent' }
  | { fieldErrors: Record<string, string>; status: 'invalid'; values: Record<string, string> }
  | { status: 'idle' }

export const CURRENCIES = ['EUR', 'GBP', 'CHF', 'USD', 'CAD', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY'] as const
export const TIME_ZONES = [
  'Europe/Paris', 'Europe/London', 'Europe/Brussels', 'Europe/Zurich', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome',
  'Europe/Lisbon', 'Europe/Amsterdam', 'Europe/Stockholm', 'America/Montreal', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo',
] as const
