// The studio's default theme as a stylesheet in the page's head (React hoists it); nothing when it has none,
// and the platform's look from the public layout then applies.
import config from '@payload-config'
import { getPayload } from 'payload'

import type { Tenant } from '../../payload-types'

import { defaultThemeOf } from '../../plugins/themes'

export async function StudioTheme({ tenant }: { tenant: null | Tenant }) {
  if (!tenant) return null
  const theme = await defaultThemeOf(await getPayload({ config }), tenant.id)
  if (!theme) return null
  const href = `/api/themes/${theme.id}/css?tenant=${encodeURIComponent(tenant.slug)}&v=${theme.version}`
  return <link href={href} precedence="default" rel="stylesheet" />
}
