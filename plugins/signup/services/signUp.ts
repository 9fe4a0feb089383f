// Self-serve signup: one transaction makes the studio, its owner, its default policy and whatever the
// registered provisioners add; an address that already has an account gets the same answer and a notice.
import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'
import { pbkdf2, randomBytes, randomInt } from 'node:crypto'
import { promisify } from 'node:util'

import type { User } from '../../../payload-types'

import { HttpError } from '../../../utilities/apiErrors'
import { IMMEDIATE_QUEUE, runImmediateJobs } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { requestMeta } from '../../../utilities/requestMeta'
import { SIGNUP_REQUESTS_SLUG } from '../collections/SignupRequests'
import { SELF_SIGNUP } from '../context'
import { signupOptions } from './options'
import type { SignupInput } from './schemas'
import { provisionersOf } from './seams'
import { SIGNUP_MAIL_TASK, type SignupMailKind } from './signupMail'
import { isPublicMailDomain } from './publicMailDomains'
import { isSlugTaken, slugFormatVerdict } from './slugs'

const DAY_MS = 86_400_000

export const slugTaken = () => new HttpError(409, 'That address is already taken: choose another.', [{ message: 'That address is already taken: choose another.', path: 'slug' }], { code: 'slug_taken' })

const slugRefusal = (reason: 'invalid' | 'reserved') =>
  reason === 'reserved'
    ? new HttpError(400, 'That address is reserved: choose another.', [{ message: 'That address is reserved: choose another.', path: 'slug' }], { code: 'slug_reserved' })
    : new HttpError(400, 'Use 3 to 63 lowercase letters, digits and single hyphens.', [{ message: 'Use 3 to 63 lowercase letters, digits and single hyphens.', path: 'slug' }], { code: 'slug_invalid' })

/** A concurrent signup committed the same value first: a unique index (tenants, signup requests, users) said so. */
const collidesOn = (error: unknown, path: string) => error instanceof ValidationError && error.data.errors.some((entry) => entry.path === path)

// The answer to an address with an account must take as long as a fresh signup, which hashes a password.
const pbkdf2Async = promisify(pbkdf2)
const hashLikePayload = (password: string) => pbkdf2Async(password, randomBytes(32).toString('hex'), 25_000, 512, 'sha256')

async function refuseBusyDomain(req: PayloadRequest, emailDomain: string, limit: number, now: Date) {
  // On a public mail service the domain says nothing about who signs up: a count there would let five
  // requests an hour shut everyone on it out. The per-IP limit still holds.
  if (isPublicMailDomain(emailDomain)) return
  const { totalDocs } = await req.payload.count({
    collection: SIGNUP_REQUESTS_SLUG,
    overrideAccess: true,
    req,
    where: { and: [{ emailDomain: { equals: emailDomain } }, { verifiedAt: { exists: false } }, { createdAt: { greater_than: new Date(now.getTime() - 3_600_000).toISOString() } }] },
  })
  if (totalDocs >= limit) {
    throw new HttpError(429, 'Too many signups from this email domain: try again in an hour.', undefined, {}, { 'Retry-After': '3600' })
  }
}

async function createStudio(req: PayloadRequest, input: SignupInput, now: Date) {
  const { trialDays } = signupOptions(req.payload)
  const tenant = await req.payload.create({
    collection: 'tenants',
    data: {
      defaultCurrency: input.currency,
      defaultLocale: input.locale as 'en' | 'fr',
      name: input.studioName,
      slug: input.slug,
      status: 'trial',
      timezone: input.timezone,
      trialEndsAt: new Date(now.getTime() + trialDays * DAY_MS).toISOString(),
    },
    overrideAccess: true,
    req,
  })
  req.context[SELF_SIGNUP] = true
  let owner: User
  try {
    owner = await req.payload.create({
      collection: 'users',
      data: { name: input.name, email: input.email, languagePreference: input.locale as 'en' | 'fr', password: input.password, tenants: [{ role: 'owner', tenant: tenant.id }] },
      disableVerificationEmail: true,
      overrideAccess: true,
      req,
    })
  } finally {
    delete req.context[SELF_SIGNUP]
  }
  await req.payload.create({
    collection: 'booking-policies',
    data: { name: input.locale === 'fr' ? 'Conditions standard' : 'Standard terms', depositType: 'percentage', holdMinutes: 30, isDefault: true, tenant: tenant.id },
    overrideAccess: true,
    req,
  })
  const studio = { currency: input.currency, locale: input.locale, studioName: input.studioName, timezone: input.timezone }
  for (const provision of provisionersOf(req.payload)) await provision({ input: studio, owner, req, tenant })
  return { owner, tenant }
}

/**
 * Signs a studio up, or answers as if it did. Throws 400 (format, reserved slug), 409 `slug_taken`, 429.
 * Resolves the same way for a fresh address and for one that already has an account.
 */
export async function signUp(req: PayloadRequest, input: SignupInput, now = new Date()): Promise<void> {
  const started = Date.now()
  try {
    await signUpNow(req, input, now)
  } finally {
    // A fresh studio takes longer to make than a notice to send: every answer waits out the same floor.
    const { responseFloorMs } = signupOptions(req.payload)
    const left = responseFloorMs - (Date.now() - started)
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left + randomInt(0, 50)))
  }
}

async function signUpNow(req: PayloadRequest, input: SignupInput, now: Date): Promise<void> {
  const options = signupOptions(req.payload)
  await options.signupLimiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
  // A bot that filled the hidden field is told what people are told, and nothing is made.
  if (input.website) return void (await hashLikePayload(input.password))
  const format = slugFormatVerdict(input.slug, options.reservedSlugs)
  if (!format.available) throw slugRefusal(format.reason === 'reserved' ? 'reserved' : 'invalid')
  const emailDomain = input.email.slice(input.email.lastIndexOf('@') + 1)

  try {
    await inTransaction(req, async () => {
      await refuseBusyDomain(req, emailDomain, options.unverifiedPerDomainPerHour, now)
      if (await isSlugTaken(req, input.slug)) throw slugTaken()
      // Holds the slug whichever way this goes, so a later check cannot tell the two cases apart.
      const request = await req.payload.create({ collection: SIGNUP_REQUESTS_SLUG, data: { emailDomain, slug: input.slug }, overrideAccess: true, req })
      const { docs } = await req.payload.find({ collection: 'users', depth: 0, limit: 1, overrideAccess: true, req, where: { email: { equals: input.email } } })
      const existing = docs[0]
      let next: { kind: SignupMailKind; userId: number }
      if (existing) {
        await hashLikePayload(input.password)
        next = { kind: 'existing_account', userId: existing.id }
      } else {
        const { owner, tenant } = await createStudio(req, input, now)
        await req.payload.update({ id: request.id, collection: SIGNUP_REQUESTS_SLUG, data: { tenant: tenant.id }, overrideAccess: true, req })
        next = { kind: 'verify', userId: owner.id }
      }
      await req.payload.jobs.queue({ input: next, queue: IMMEDIATE_QUEUE, req, task: SIGNUP_MAIL_TASK })
    })
  } catch (error) {
    if (collidesOn(error, 'slug')) throw slugTaken()
    // The same address signed up a moment ago, in another request: the answer an existing account gets.
    if (collidesOn(error, 'email')) return
    throw error
  }
  await runImmediateJobs(req.payload)
}
