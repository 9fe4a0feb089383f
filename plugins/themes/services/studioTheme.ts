// A studio's default theme: found for its public pages, made for a new studio at signup.
import type { Payload } from 'payload'

import type { ProvisionerArgs } from '../../signup'

import { DEFAULT_DARK, DEFAULT_LIGHT } from './tokens'

export type ThemeReference = { id: number; version: string }

/** The studio's default theme, with a version that changes on every edit (the stylesheet URL's cache buster). */
export async function defaultThemeOf(payload: Payload, tenantId: number): Promise<null | ThemeReference> {
  const { docs } = await payload.find({
    collection: 'themes',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    select: { updatedAt: true },
    where: { and: [{ tenant: { equals: tenantId } }, { isDefault: { equals: true } }] },
  })
  const theme = docs[0]
  return theme ? { id: theme.id, version: String(Date.parse(theme.updatedAt)) } : null
}

/** Signup's provisioner: every new studio starts with the platform's look as its own default theme. */
export async function provisionDefaultTheme({ req, tenant }: ProvisionerArgs): Promise<void> {
  await req.payload.create({
    collection: 'themes',
    data: { dark: DEFAULT_DARK, isDefault: true, light: DEFAULT_LIGHT, name: 'Default', tenant: tenant.id },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
