// The verification link's second half: Payload's verify flow, then a session for the owner, who has just
// proven their address and is sent on to the onboarding wizard.
import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { createLocalReq, getFieldsToSign, jwtSign } from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { randomUUID } from 'node:crypto'

import { IMMEDIATE_QUEUE, runImmediateJobs } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { tenantIdsOf } from '../../../utilities/tenantRoles'
import { SIGNUP_REQUESTS_SLUG } from '../collections/SignupRequests'
import { SIGNUP_MAIL_TASK } from './signupMail'

type RawUser = TypedUser & { _verificationToken?: null | string; sessions?: { createdAt: string; expiresAt: string; id: string }[] }

/**
 * Payload's login needs the password, and this request has the emailed token instead. So the session is
 * added as Payload's login adds it (sessions on the user, `sid` in the JWT), and the cookie is Payload's.
 */
async function startSession(req: PayloadRequest, user: RawUser): Promise<string> {
  const { payload } = req
  const collectionConfig = payload.collections.users.config
  const now = new Date()
  const sid = randomUUID()
  const sessions = (user.sessions ?? []).filter((session) => new Date(session.expiresAt) > now)
  sessions.push({ id: sid, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + collectionConfig.auth.tokenExpiration * 1000).toISOString() })
  await payload.db.updateOne({ id: user.id, collection: 'users', data: { ...user, sessions, updatedAt: null }, req, returning: false })
  const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email, sid, user: { ...user, collection: 'users' } })
  const { token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
  return generatePayloadCookie({ collectionAuthConfig: collectionConfig.auth, cookiePrefix: payload.config.cookiePrefix, token })
}

/** Verifies the address behind `token` and signs its owner in: the Set-Cookie value, or null for an unknown token. */
export async function verifyAndSignIn(payload: Payload, token: string): Promise<null | string> {
  const req = await createLocalReq({}, payload)
  const cookie = await inTransaction(req, async () => {
    const user = (await payload.db.findOne({ collection: 'users', req, where: { _verificationToken: { equals: token } } })) as null | RawUser
    if (!user) return null
    await payload.verifyEmail({ collection: 'users', req, token })
    const tenantIds = tenantIdsOf(user)
    if (tenantIds.length > 0) {
      await payload.update({
        collection: SIGNUP_REQUESTS_SLUG,
        data: { verifiedAt: new Date().toISOString() },
        overrideAccess: true,
        req,
        where: { and: [{ tenant: { in: tenantIds } }, { verifiedAt: { exists: false } }] },
      })
    }
    await payload.jobs.queue({ input: { kind: 'welcome', userId: user.id }, queue: IMMEDIATE_QUEUE, req, task: SIGNUP_MAIL_TASK })
    const verified = (await payload.db.findOne({ collection: 'users', req, where: { id: { equals: user.id } } })) as RawUser
    return startSession(req, verified)
  })
  if (cookie) await runImmediateJobs(payload)
  return cookie
}
