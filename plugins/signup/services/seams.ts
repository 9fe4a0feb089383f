// The seams later plugins plug into: provisioners run inside the signup transaction; paid checks tell the
// trial job that a tenant pays; plan choosers offer plans in the onboarding wizard (billing registers both).
import type { Config, Payload, PayloadRequest } from 'payload'

import type { Tenant, User } from '../../../payload-types'

export type ProvisionerArgs = {
  /** What the owner typed, already validated. */
  input: { currency: string; locale: string; studioName: string; timezone: string }
  owner: User
  /** The signup's request: pass it to every Local API call so the write joins the transaction. */
  req: PayloadRequest
  tenant: Tenant
}
/** Adds what a new studio needs from one plugin (a default theme, a billing customer). Throwing undoes the signup. */
export type Provisioner = (args: ProvisionerArgs) => Promise<void> | void

/** Whether `tenant` pays for Atelier, so that its trial's end does not suspend it. */
export type PaidCheck = (args: { req: PayloadRequest; tenant: Tenant }) => Promise<boolean> | boolean

/** A plan the onboarding wizard offers beside staying on the trial. */
export type PlanChoice = {
  /** Where the owner pays for the plan once it is chosen (a same-origin path the wizard then opens). */
  checkoutUrl?: string
  description?: string
  id: string
  name: string
}
/** Lists the plans a studio may pick in the wizard, and takes the pick (inside the wizard's transaction). */
export type PlanChooser = {
  choose: (args: { plan: string; req: PayloadRequest; tenant: Tenant }) => Promise<void> | void
  list: (args: { req: PayloadRequest; tenant: Tenant }) => PlanChoice[] | Promise<PlanChoice[]>
}

const PROVISIONERS_KEY = 'atelierSignupProvisioners'
const PAID_CHECKS_KEY = 'atelierSignupPaidChecks'
const PLAN_CHOOSERS_KEY = 'atelierSignupPlanChoosers'

/** Registers `provisioner`, to run for every new studio after the built-in ones, inside the same transaction. */
export const registerProvisioner = (config: Config, provisioner: Provisioner): Config => ({
  ...config,
  custom: { ...config.custom, [PROVISIONERS_KEY]: [...((config.custom?.[PROVISIONERS_KEY] as Provisioner[]) ?? []), provisioner] },
})

/** Registers `check`: a tenant is paid when any registered check says so. */
export const registerPaidCheck = (config: Config, check: PaidCheck): Config => ({
  ...config,
  custom: { ...config.custom, [PAID_CHECKS_KEY]: [...((config.custom?.[PAID_CHECKS_KEY] as PaidCheck[]) ?? []), check] },
})

/** Registers `chooser`: its plans are offered after "stay on the trial", which is always a choice. */
export const registerPlanChooser = (config: Config, chooser: PlanChooser): Config => ({
  ...config,
  custom: { ...config.custom, [PLAN_CHOOSERS_KEY]: [...((config.custom?.[PLAN_CHOOSERS_KEY] as PlanChooser[]) ?? []), chooser] },
})

export const planChoosersOf = (payload: Payload): PlanChooser[] => (payload.config.custom?.[PLAN_CHOOSERS_KEY] as PlanChooser[]) ?? []

export const provisionersOf = (payload: Payload): Provisioner[] => (payload.config.custom?.[PROVISIONERS_KEY] as Provisioner[]) ?? []

/** False until a plugin (billing) registers a check that says otherwise. */
export async function isTenantPaid(req: PayloadRequest, tenant: Tenant): Promise<boolean> {
  for (const check of (req.payload.config.custom?.[PAID_CHECKS_KEY] as PaidCheck[]) ?? []) {
    if (await check({ req, tenant })) return true
  }
  return false
}
