import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { OnboardingWizard } from './OnboardingWizard'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Set up your studio' }

/**
 * /onboarding: the new studio's setup, for a signed-in owner or admin (the API decides which studio and
 * whether they may). Signed out, it sends them to the admin login, which brings them back here.
 */
export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ tenant?: string | string[] }> }) {
  const { tenant } = await searchParams
  const tenantId = typeof tenant === 'string' && /^\d{1,10}$/.test(tenant) ? tenant : undefined
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) redirect(`/admin/login?redirect=${tenantId ? encodeURIComponent(`/onboarding?tenant=${tenantId}`) : '/onboarding'}`)
  return <OnboardingWizard tenantId={tenantId} />
}
