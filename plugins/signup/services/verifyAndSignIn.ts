// The verification link's second half. The owner proves the mailbox (the emailed token) and the account
// (the password chosen at signup): a link alone would let whoever signed up with someone else's address
// keep their password on the account its real owner then uses. Then Payload's own verify and login.
import type { Payload } from 'payload'

import { AuthenticationError, createLocalReq, LockedAuth, UnverifiedEmail } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { IMMEDIATE_QUEUE, runImmediateJobs } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { tenantIdsOf } from '../../../utilities/tenantRoles'
import { SIGNUP_REQUESTS_SLUG } from '../collections/SignupRequests'
import { SIGNUP_MAIL_TASK } from './signupMail'

export type VerificationOutcome = { cookie: string; status: 'signed_in' } | { status: 'invalid' | 'locked' | 'wrong_password' }

type PendingOwner = { email: string; id: number; tenantIds: (number | string)[] }

/** The unverified self-signup behind `token`, if it is still waiting: accounts made any other way never qualify. */
export async function pendingOwnerFor(payload: Payload, token: string): Promise<null | PendingOwner> {
  const user = (await payload.db.findOne({ collection: 'users', where: { _verificationToken: { equals: token } } })) as null | {
    _verified?: boolean | null
    email: string
    id: number
    tenants?: { tenant?: number | { id: number } | null }[] | null
  }
  if (!user || user._verified !== false) return null
  const tenantIds = tenantIdsOf(user)
  const { totalDocs } = await payload.count({
    collection: SIGNUP_REQUESTS_SLUG,
    overrideAccess: true,
    where: { and: [{ tenant: { in: tenantIds } }, { verifiedAt: { exists: false } }] },
  })
  return totalDocs > 0 ? { email: user.email, id: user.id, tenantIds } : null
}

/** Whether `password` is the account's, without signing in: Payload's login checks it before refusing the unverified. */
async function passwordVerdict(payload: Payload, email: string, password: string): Promise<'locked' | 'ok' | 'wrong_password'> {
  try {
    await payload.login({ collection: 'users', data: { email, password } })
    return 'ok'
  } catch (error) {
    if (error instanceof UnverifiedEmail) return 'ok'
    if (error instanceof LockedAuth) return 'locked'
    if (error instanceof AuthenticationError) return 'wrong_password'
    throw error
  }
}

export async function verifyAndSignIn(payload: Payload, token: string, password: string): Promise<VerificationOutcome> {
  const owner = await pendingOwnerFor(payload, token)
  if (!owner) return { status: 'invalid' }
  const verdict = await passwordVerdict(payload, owner.email, password)
  if (verdict !== 'ok') return { status: verdict }

  const req = await createLocalReq({}, payload)
  const verified = await inTransaction(req, async () => {
    // Two clicks at once: the second finds no token any more and verifies nothing.
    if (!(await payload.db.findOne({ collection: 'users', req, where: { _verificationToken: { equals: token } } }))) return false
    await payload.verifyEmail({ collection: 'users', req, token })
    await payload.update({
      collection: SIGNUP_REQUESTS_SLUG,
      data: { verifiedAt: new Date().toISOString() },
      overrideAccess: true,
      req,
      where: { and: [{ tenant: { in: owner.tenantIds } }, { verifiedAt: { exists: false } }] },
    })
    await payload.jobs.queue({ input: { kind: 'welcome', userId: owner.id }, queue: IMMEDIATE_QUEUE, req, task: SIGNUP_MAIL_TASK })
    return true
  })
  if (!verified) return { status: 'invalid' }
  await runImmediateJobs(payload)
  const { token: jwt } = await payload.login({ collection: 'users', data: { email: owner.email, password } })
  if (!jwt) return { status: 'invalid' }
  const collectionAuthConfig = payload.collections.users.config.auth
  return { cookie: generatePayloadCookie({ collectionAuthConfig, cookiePrefix: payload.config.cookiePrefix, token: jwt }), status: 'signed_in' }
}
