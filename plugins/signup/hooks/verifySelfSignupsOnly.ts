import type { CollectionBeforeOperationHook } from 'payload'

import { SELF_SIGNUP } from '../context'

/**
 * Email verification is for people who sign themselves up. Accounts made by a platform operator or by an
 * invitation (whose set-password link proves the address) are verified as they are created, and Payload's
 * verification email is not sent to them.
 */
export const verifySelfSignupsOnly: CollectionBeforeOperationHook<'users'> = ({ args, operation, req }) => {
  if (operation !== 'create' || req.context[SELF_SIGNUP]) return args
  return { ...args, data: { ...args.data, _verified: true }, disableVerificationEmail: true }
}
