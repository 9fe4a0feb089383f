import type { PayloadRequest } from 'payload'

import { unauthorized } from './apiErrors'

/** The signed-in person (a user, not an API key of another collection), or 401. */
export function signedInUser(req: PayloadRequest) {
  if (!req.user || req.user.collection !== 'users') throw unauthorized()
  return req.user
}
