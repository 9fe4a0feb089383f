import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { SignupPluginOptions } from '../types'

import { createRateLimiter, type RateLimiter } from '../../../utilities/rateLimit'

export const SIGNUP_OPTIONS_KEY = 'atelierSignup'

export type ResolvedSignupOptions = Required<Omit<SignupPluginOptions, 'enabled'>> & {
  signupLimiter: RateLimiter
  slugCheckLimiter: RateLimiter
}

const listOf = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)

export const signupOptionsFromEnv = (env: AtelierEnv): SignupPluginOptions => ({
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
  reservedSlugs: listOf(env.ATELIER_RESERVED_SLUGS),
  responseFloorMs: env.ATELIER_SIGNUP_RESPONSE_FLOOR_MS,
  signupsPerIpPerHour: env.ATELIER_SIGNUPS_PER_IP_PER_HOUR,
  trialDays: env.ATELIER_TRIAL_DAYS,
  unverifiedPerDomainPerHour: env.ATELIER_UNVERIFIED_SIGNUPS_PER_DOMAIN_PER_HOUR,
})

export function resolveSignupOptions(options: SignupPluginOptions): ResolvedSignupOptions {
  const resolved = {
    publicUrl: options.publicUrl,
    reservedSlugs: options.reservedSlugs ?? [],
    responseFloorMs: options.responseFloorMs ?? 1500,
    signupsPerIpPerHour: options.signupsPerIpPerHour ?? 10,
    slugChecksPerMinute: options.slugChecksPerMinute ?? 60,
    trialDays: options.trialDays ?? 14,
    trialReminderDays: options.trialReminderDays ?? 3,
    unverifiedPerDomainPerHour: options.unverifiedPerDomainPerHour ?? 5,
    unverifiedRetentionDays: options.unverifiedRetentionDays ?? 7,
  }
  return {
    ...resolved,
    // Making accounts must not run unlimited when the counters are out of reach; checking a slug may.
    signupLimiter: createRateLimiter({ limit: resolved.signupsPerIpPerHour, name: 'signup', onStoreError: 'refuse', windowMs: 60 * 60_000 }),
    slugCheckLimiter: createRateLimiter({ limit: resolved.slugChecksPerMinute, name: 'signup-slug-check', onStoreError: 'allow', windowMs: 60_000 }),
  }
}

export const signupOptions = (payload: Payload): ResolvedSignupOptions => payload.config.custom[SIGNUP_OPTIONS_KEY] as ResolvedSignupOptions
