import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { signupSchema } from '../services/schemas'
import { signUp } from '../services/signUp'

/** The one answer to an accepted signup, whether or not the address already had an account. */
export const SIGNUP_ACCEPTED = { status: 'check_your_email' } as const

/**
 * POST /api/signup `{ studioName, slug, email, password, name?, timezone?, currency?, locale? }`: 202
 * `{ status: 'check_your_email' }`; 400 with field paths, 409 `slug_taken`, 429 with `Retry-After`.
 */
export const signupEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    await signUp(req, await parseBody(req, signupSchema))
    return Response.json(SIGNUP_ACCEPTED, { headers: { 'Cache-Control': 'no-store' }, status: 202 })
  }),
  method: 'post',
  path: '/signup',
}
