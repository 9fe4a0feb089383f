// What completing each onboarding step writes, as the caller through the Local API (the collections' own
// access and validation run too), inside the PATCH's transaction; then the progress, which only this plugin
// writes. A collection's refusal comes back as a 400 whose paths start at `data`, like the schemas' own.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { ValidationError } from 'payload'

import type { Tenant } from '../../../payload-types'

import { membershipChangeRefusal } from '../../rbac'
import { setMembership } from '../../../collections/Tenants/members'
import { badRequest, HttpError } from '../../../utilities/apiErrors'
import { roleIn } from '../../../utilities/tenantRoles'
import { transactionDb } from '../../../utilities/transactionDb'
import { type OnboardingStep } from '../fields/tenantSignupFields'
import { advance, progressOf, roomSlugCandidates } from './onboardingProgress'
import {
  DEFAULT_OPENING_HOURS,
  type OnboardingAction,
  parseStepData,
  planSchema,
  pricingSchema,
  roomSchema,
  staffSchema,
  type StepData,
  TRIAL_PLAN,
  welcomeSchema,
} from './onboardingSchemas'
import { defaultPolicy, firstRoom, planChoices } from './onboardingState'
import { planChoosersOf } from './seams'

/** Runs a Local API write; its validation errors are reported under `prefix` (the field as the client sent it). */
async function reportedAt<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const entries = error.data.errors.map(({ message, path }) => ({ message, path: `${prefix}.${path}` }))
    throw new HttpError(400, entries[0]?.message ?? error.message, entries)
  }
}

const writeWelcome = (req: PayloadRequest, tenant: Tenant, data: StepData['welcome']) =>
  reportedAt('data', () => req.payload.update({ id: tenant.id, collection: 'tenants', data, depth: 0, overrideAccess: false, req }))

// A new room's booking settings: the collection's defaults, spelled out because its generated type requires them.
const NEW_ROOM_SETTINGS = { active: true, bufferMinutes: 0, leadTimeMinutes: 120, maxMinutes: 240, minMinutes: 60, slotStepMinutes: 30 }

/** The studio's first room: created once, then updated, so that the step can be repeated. Its slug stays as created (links keep working). */
async function writeRoom(req: PayloadRequest, tenant: Tenant, data: StepData['room']) {
  const existing = await firstRoom(req, tenant)
  if (existing) {
    return reportedAt('data', () => req.payload.update({ id: existing.id, collection: 'rooms', data, depth: 0, overrideAccess: false, req }))
  }
  const candidates = roomSlugCandidates(data.name)
  // Slugs are unique per studio, rooms the caller cannot read included.
  const { docs } = await req.payload.find({
    collection: 'rooms',
    depth: 0,
    limit: candidates.length,
    overrideAccess: true,
    req,
    select: { slug: true },
    where: { and: [{ tenant: { equals: tenant.id } }, { slug: { in: candidates } }] },
  })
  const taken = new Set(docs.map((room) => room.slug))
  const slug = candidates.find((candidate) => !taken.has(candidate))
  if (!slug) throw badRequest('This studio already has many rooms with that name: choose another.', 'data.name')
  return reportedAt('data', () =>
    req.payload.create({
      collection: 'rooms',
      data: { ...NEW_ROOM_SETTINGS, ...data, openingHours: data.openingHours ?? DEFAULT_OPENING_HOURS, slug, tenant: tenant.id },
      depth: 0,
      overrideAccess: false,
      req,
    }),
  )
}

/** The studio's default policy (the signup makes one; an older studio may have none yet). */
async function writePricing(req: PayloadRequest, tenant: Tenant, data: StepData['pricing']) {
  // The other kind of deposit is cleared, so the stored policy says one thing.
  const terms = data.depositType === 'percentage' ? { ...data, depositAmount: null } : { ...data, depositPercent: null }
  const existing = await defaultPolicy(req, tenant)
  if (existing) {
    return reportedAt('data', () => req.payload.update({ id: existing.id, collection: 'booking-policies', data: terms, depth: 0, overrideAccess: false, req }))
  }
  return reportedAt('data', () =>
    req.payload.create({
      collection: 'booking-policies',
      data: { ...terms, name: 'Default policy', isDefault: true, tenant: tenant.id },
      depth: 0,
      overrideAccess: false,
      req,
    }),
  )
}

/**
 * Every invitation is checked before any is written: Payload mails the set-password link during the write,
 * so a refusal found halfway would leave links already sent for accounts the rollback removed.
 */
async function writeStaff(req: PayloadRequest, tenant: Tenant, data: StepData['staff']) {
  for (const [index, invite] of data.invites.entries()) {
    const { docs } = await req.payload.find({ collection: 'users', depth: 0, limit: 1, overrideAccess: true, req, where: { email: { equals: invite.email } } })
    const refusal = await membershipChangeRefusal(req, tenant.id, docs[0] ? roleIn(docs[0], tenant.id) : undefined, invite.role)
    if (refusal) throw new HttpError(403, refusal, [{ message: refusal, path: `data.invites.${index}.role` }])
  }
  for (const [index, invite] of data.invites.entries()) {
    await reportedAt(`data.invites.${index}`, () => setMembership(req, { ...invite, tenant }))
  }
}

/** Staying on the trial changes nothing; another plan is its chooser's to handle. */
async function writePlan(req: PayloadRequest, tenant: Tenant, { plan }: StepData['plan']) {
  if (plan === TRIAL_PLAN) return
  for (const chooser of planChoosersOf(req.payload)) {
    const offered = await chooser.list({ req, tenant })
    if (offered.some((choice) => choice.id === plan)) return chooser.choose({ plan, req, tenant })
  }
  const known = (await planChoices(req, tenant)).map((choice) => choice.id)
  throw badRequest(`Unknown plan. Choose one of: ${known.join(', ')}.`, 'data.plan')
}

async function writeStep(req: PayloadRequest, tenant: Tenant, step: OnboardingStep, data: unknown): Promise<void> {
  switch (step) {
    case 'welcome':
      return void (await writeWelcome(req, tenant, parseStepData(welcomeSchema, data)))
    case 'room':
      return void (await writeRoom(req, tenant, parseStepData(roomSchema, data)))
    case 'pricing':
      return void (await writePricing(req, tenant, parseStepData(pricingSchema, data)))
    case 'staff':
      return writeStaff(req, tenant, parseStepData(staffSchema, data))
    case 'plan':
      return writePlan(req, tenant, parseStepData(planSchema, data))
  }
}

/**
 * Completes (writing `data`) or skips `step`, then records it. Call inside a transaction: the tenant's row is
 * locked first, so two submissions of one step (a double click) run one after the other and make one room.
 */
export async function answerStep(req: PayloadRequest, tenant: Tenant, step: OnboardingStep, action: OnboardingAction, data: unknown, now = new Date()): Promise<Tenant> {
  const db = await transactionDb(req)
  await db.execute(sql`select id from tenants where id = ${tenant.id} for update`)
  // Read again under the lock: another submission may have moved the progress meanwhile.
  const current = await req.payload.findByID({ id: tenant.id, collection: 'tenants', depth: 0, overrideAccess: true, req })
  if (action === 'complete') await writeStep(req, current, step, data)
  return req.payload.update({
    id: tenant.id,
    collection: 'tenants',
    data: { onboarding: advance(progressOf(current), step, action, now) },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
