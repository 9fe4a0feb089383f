// What the onboarding wizard shows: the studio, its progress, and what each step starts from, read as the
// caller (their own access applies), so the page never recomputes a rule or shows what they may not read.
import type { PayloadRequest } from 'payload'

import type { BookingPolicy, Room, Tenant } from '../../../payload-types'

import { studioPageUrl } from '../../booking'
import { membershipChangeRefusal } from '../../rbac'
import { currencyExponent } from '../../../utilities/currencyExponent'
import { roleIn, TENANT_ROLES, type TenantRole } from '../../../utilities/tenantRoles'
import { ONBOARDING_STEPS } from '../fields/tenantSignupFields'
import { type OnboardingProgress, progressOf } from './onboardingProgress'
import { DEFAULT_OPENING_HOURS, type OpeningRange, TRIAL_PLAN } from './onboardingSchemas'
import { type PlanChoice, planChoosersOf } from './seams'

export type OnboardingState = {
  /** Its code and exponent: amounts are minor units (2500 = 25.00 EUR). */
  currency: { code: string; exponent: number }
  onboarding: OnboardingProgress
  prefill: {
    plan: { choices: PlanChoice[] }
    pricing: Pick<BookingPolicy, 'depositAmount' | 'depositPercent' | 'depositType' | 'holdMinutes'> & {
      cancellationTiers: { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }[]
      /** The default policy, or null until the step creates it. */
      id: null | number
    }
    room: { capacity: number; hourlyRate: null | number; id: null | number; name: string; openingHours: OpeningRange[] }
    staff: { members: { email: string; id: number; name: null | string; role: TenantRole }[]; roles: TenantRole[] }
    welcome: { defaultCurrency: string; name: string; timezone: string }
  }
  publicBookingUrl: string
  steps: typeof ONBOARDING_STEPS
  tenant: Pick<Tenant, 'defaultCurrency' | 'id' | 'name' | 'slug' | 'status' | 'timezone' | 'trialEndsAt'>
}

/** The room the wizard edits: the studio's first one. */
export async function firstRoom(req: PayloadRequest, tenant: Tenant): Promise<Room | undefined> {
  const { docs } = await req.payload.find({ collection: 'rooms', depth: 0, limit: 1, overrideAccess: false, req, sort: 'id', where: { tenant: { equals: tenant.id } } })
  return docs[0]
}

export async function defaultPolicy(req: PayloadRequest, tenant: Tenant): Promise<BookingPolicy | undefined> {
  const { docs } = await req.payload.find({
    collection: 'booking-policies',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    req,
    where: { and: [{ tenant: { equals: tenant.id } }, { isDefault: { equals: true } }] },
  })
  return docs[0]
}

/** "Stay on the trial" first and always, then whatever billing offers. */
export async function planChoices(req: PayloadRequest, tenant: Tenant): Promise<PlanChoice[]> {
  const trial: PlanChoice = { description: 'Keep every feature until the trial ends; choose a plan later.', id: TRIAL_PLAN, name: 'Stay on the trial' }
  const offered = await Promise.all(planChoosersOf(req.payload).map((chooser) => chooser.list({ req, tenant })))
  return [trial, ...offered.flat().filter((choice) => choice.id !== TRIAL_PLAN)]
}

async function members(req: PayloadRequest, tenant: Tenant): Promise<OnboardingState['prefill']['staff']['members']> {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 100,
    overrideAccess: false,
    req,
    select: { name: true, email: true, tenants: true },
    sort: 'email',
    where: { 'tenants.tenant': { equals: tenant.id } },
  })
  return docs.flatMap((user) => {
    const role = roleIn(user, tenant.id)
    return role ? [{ id: user.id, name: user.name ?? null, email: user.email, role }] : []
  })
}

/** The membership roles the caller may hand out here (an admin cannot make an owner). */
async function assignableRoles(req: PayloadRequest, tenant: Tenant): Promise<TenantRole[]> {
  const refusals = await Promise.all(TENANT_ROLES.map((role) => membershipChangeRefusal(req, tenant.id, undefined, role)))
  return TENANT_ROLES.filter((_, index) => refusals[index] === undefined)
}

export async function onboardingState(req: PayloadRequest, tenant: Tenant): Promise<OnboardingState> {
  const [room, policy, staff, roles, choices] = await Promise.all([
    firstRoom(req, tenant),
    defaultPolicy(req, tenant),
    members(req, tenant),
    assignableRoles(req, tenant),
    planChoices(req, tenant),
  ])
  return {
    currency: { code: tenant.defaultCurrency, exponent: currencyExponent(tenant.defaultCurrency) },
    onboarding: progressOf(tenant),
    prefill: {
      plan: { choices },
      pricing: {
        // The collection's defaults until the step writes the policy.
        cancellationTiers: (policy ? (policy.cancellationTiers ?? []) : [
          { noticeAmount: 7, noticeUnit: 'days' as const, refundPercent: 100 },
          { noticeAmount: 48, noticeUnit: 'hours' as const, refundPercent: 50 },
        ]).map(({ noticeAmount, noticeUnit, refundPercent }) => ({ noticeAmount, noticeUnit, refundPercent })),
        depositAmount: policy?.depositAmount ?? null,
        depositPercent: policy ? (policy.depositPercent ?? null) : 30,
        depositType: policy?.depositType ?? 'percentage',
        holdMinutes: policy?.holdMinutes ?? 30,
        id: policy?.id ?? null,
      },
      room: room
        ? {
            capacity: room.capacity,
            hourlyRate: room.hourlyRate,
            id: room.id,
            name: room.name,
            openingHours: (room.openingHours ?? []).map(({ closes, opens, weekday }) => ({ closes, opens, weekday })),
          }
        : { capacity: 1, hourlyRate: null, id: null, name: '', openingHours: DEFAULT_OPENING_HOURS },
      staff: { members: staff, roles },
      welcome: { name: tenant.name, defaultCurrency: tenant.defaultCurrency, timezone: tenant.timezone },
    },
    publicBookingUrl: await studioPageUrl(req, tenant),
    steps: ONBOARDING_STEPS,
    tenant: {
      id: tenant.id,
      name: tenant.name,
      defaultCurrency: tenant.defaultCurrency,
      slug: tenant.slug,
      status: tenant.status,
      timezone: tenant.timezone,
      trialEndsAt: tenant.trialEndsAt ?? null,
    },
  }
}
