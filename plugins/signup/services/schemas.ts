import { z } from 'zod'

import { isCurrencyCode, isIanaTimeZone } from '../../../fields/validators'
import { CONTENT_LOCALES } from '../../../utilities/locales'

export const PASSWORD_MIN_LENGTH = 10

/** POST /api/signup and the /signup form. `website` is a honeypot: people leave it empty (it is hidden). */
export const signupSchema = z
  .object({
    currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'An ISO 4217 currency code, e.g. EUR.').default('EUR'),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('A valid email address.')),
    locale: z.enum(CONTENT_LOCALES.map(({ code }) => code) as [string, ...string[]]).default('en'),
    name: z.string().trim().min(1).max(200).optional(),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(256, 'At most 256 characters.'),
    slug: z.string().trim().toLowerCase().min(1, 'Choose the address of your booking page.').max(200),
    studioName: z.string().trim().min(2, 'At least 2 characters.').max(120, 'At most 120 characters.'),
    timezone: z.string().trim().max(64).refine(isIanaTimeZone, 'An IANA time zone, e.g. Europe/Paris.').default('Europe/Paris'),
    website: z.string().max(2000).optional(),
  })
  .strict()
  .refine((input) => input.password.toLowerCase() !== input.email, { message: 'The password may not be your email address.', path: ['password'] })

export type SignupInput = z.infer<typeof signupSchema>
