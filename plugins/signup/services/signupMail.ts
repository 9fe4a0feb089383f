// Builds and sends the signup's emails from what the database holds now (run from the mail task).
import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { studioPageUrl } from '../../booking'
import { emailLocaleOf } from '../../../utilities/locales'
import { tenantIdsOf } from '../../../utilities/tenantRoles'
import { existingAccountEmail, verificationEmail, welcomeEmail, type Email } from '../emails/signupEmails'
import { signupOptions } from './options'

export const SIGNUP_MAIL_TASK = 'sendSignupEmail'
export type SignupMailKind = 'existing_account' | 'verify' | 'welcome'

/** Payload keeps the verification token hidden from every read; the raw row has it until verification. */
async function verificationTokenOf(req: PayloadRequest, userId: number): Promise<string | undefined> {
  const row = (await req.payload.db.findOne({ collection: 'users', req, where: { id: { equals: userId } } })) as { _verificationToken?: null | string } | null
  return row?._verificationToken ?? undefined
}

/** Sends `kind` to the user; false when there is nothing to send any more (verified meanwhile, deleted). */
export async function sendSignupMail(req: PayloadRequest, kind: SignupMailKind, userId: number): Promise<boolean> {
  const { publicUrl } = signupOptions(req.payload)
  const user = await req.payload.findByID({ id: userId, collection: 'users', depth: 0, disableErrors: true, overrideAccess: true, req })
  if (!user) return false
  const locale = emailLocaleOf(user.languagePreference)
  const tenantId = tenantIdsOf(user)[0]
  const tenant: null | Tenant = tenantId
    ? await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, disableErrors: true, overrideAccess: true, req })
    : null

  let email: Email
  if (kind === 'existing_account') {
    email = existingAccountEmail({ locale, signInUrl: `${publicUrl}/admin/login` })
  } else if (kind === 'verify') {
    const token = await verificationTokenOf(req, user.id)
    if (!token || !tenant) return false
    email = verificationEmail({ link: `${publicUrl}/signup/verify?token=${encodeURIComponent(token)}`, locale, studioName: tenant.name })
  } else {
    if (!tenant) return false
    email = welcomeEmail({
      adminUrl: `${publicUrl}/admin`,
      bookingUrl: await studioPageUrl(req, tenant),
      locale,
      studioName: tenant.name,
      timeZone: tenant.timezone,
      trialEndsAt: new Date(tenant.trialEndsAt ?? Date.now()),
    })
  }
  await req.payload.sendEmail({ ...email, to: user.email })
  return true
}
