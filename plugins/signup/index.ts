// Signup: self-serve studios. The slug check, the atomic signup (tenant, owner, default policy, onboarding,
// and every registered provisioner in one transaction), email verification, the onboarding wizard's API,
// the trial lifecycle and the purge of signups never verified.
// List it after booking (it creates a default policy) and before billing (which registers a provisioner).
import type { CollectionConfig, Config } from 'payload'

import type { SignupPluginOptions } from './types'

import { SignupRequests } from './collections/SignupRequests'
import { checkSlugEndpoint } from './endpoints/checkSlug'
import { onboardingEndpoint, updateOnboardingEndpoint } from './endpoints/onboarding'
import { signupEndpoint } from './endpoints/signup'
import { tenantSignupFields } from './fields/tenantSignupFields'
import { verifySelfSignupsOnly } from './hooks/verifySelfSignupsOnly'
import { purgeUnverifiedSignupsTask } from './jobs/purgeUnverifiedSignups'
import { sendSignupEmailTask } from './jobs/sendSignupEmail'
import { trialLifecycleTask } from './jobs/trialLifecycle'
import { resolveSignupOptions, SIGNUP_OPTIONS_KEY } from './services/options'

export { ONBOARDING_STEPS, type OnboardingStep } from './fields/tenantSignupFields'
export { isTenantPaid, registerPaidCheck, registerProvisioner, type PaidCheck, type Provisioner, type ProvisionerArgs } from './services/seams'
export { registerPlanChooser, type PlanChoice, type PlanChooser } from './services/seams'
export { signupOptionsFromEnv } from './services/options'
export { purgeUnverifiedSignups } from './services/purgeUnverified'
export { signupSchema, type SignupInput } from './services/schemas'
export { signUp } from './services/signUp'
export { APP_PATH_SEGMENTS, slugFormatVerdict } from './services/slugs'
export { pendingOwnerFor, verifyAndSignIn, type VerificationOutcome } from './services/verifyAndSignIn'
export type { SignupPluginOptions } from './types'

const withTenantFields = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'tenants' ? { ...collection, fields: [...collection.fields, ...tenantSignupFields] } : collection

// Self-signed-up owners prove their address (Payload's auth.verify); invited and operator-made accounts are verified by how they came.
const withVerification = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'users' && typeof collection.auth === 'object'
    ? {
        ...collection,
        auth: { ...collection.auth, verify: true },
        hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), verifySelfSignupsOnly] },
      }
    : collection

export const signupPlugin =
  (options: SignupPluginOptions) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      collections: [...(config.collections ?? []).map(withTenantFields).map(withVerification), SignupRequests],
      custom: { ...config.custom, [SIGNUP_OPTIONS_KEY]: resolveSignupOptions(options) },
      endpoints: [...(config.endpoints ?? []), checkSlugEndpoint, signupEndpoint, onboardingEndpoint, updateOnboardingEndpoint],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), sendSignupEmailTask, purgeUnverifiedSignupsTask, trialLifecycleTask] },
    }
  }
