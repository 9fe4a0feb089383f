import { idOf } from '../../../utilities/idOf'

type Doc = Record<string, unknown> & { id?: number | string }

/** The tenant an audited document belongs to; a user's first membership stands for the user. */
export function tenantOf(collection: string, doc: Doc | undefined): null | number | string {
  if (!doc) return null
  if (collection === 'tenants') return doc.id ?? null
  const tenant = doc.tenant as null | number | string | { id: number | string } | undefined
  if (tenant !== undefined && tenant !== null) return idOf(tenant)
  const memberships = doc.tenants as { tenant: number | { id: number } }[] | undefined
  return memberships?.[0]?.tenant ? idOf(memberships[0].tenant) : null
}

// Keys that change along with a membership without being an account change of their own.
const MEMBERSHIP_OR_BOOKKEEPING = new Set(['_verificationToken', '_verified', 'hash', 'salt', 'sessions', 'tenants', 'updatedAt'])

type Membership = { role?: null | string; tenant?: null | number | { id: number } }
const rolesByTenant = (doc: Doc | undefined) =>
  new Map(((doc?.tenants ?? []) as Membership[]).flatMap((row) => (row.tenant ? [[String(idOf(row.tenant)), row.role ?? null] as const] : [])))

/**
 * The tenant a change to a person's account is filed under. A membership change belongs to the tenant
 * whose membership changed; a change to the account itself to its only tenant. A person in several
 * studios would otherwise have one studio's changes shown in another's log: those go to the platform
 * (no tenant, super admins only).
 */
export function tenantOfAccountChange(previous: Doc | undefined, doc: Doc, changedKeys: string[]): null | number | string {
  const before = rolesByTenant(previous)
  const after = rolesByTenant(doc)
  const changedTenants = [...new Set([...before.keys(), ...after.keys()])].filter((tenant) => before.get(tenant) !== after.get(tenant))
  const otherChanges = changedKeys.some((key) => !MEMBERSHIP_OR_BOOKKEEPING.has(key))
  const asId = (key: string) => (/^\d+$/.test(key) ? Number(key) : key)
  if (changedTenants.length === 1 && !otherChanges) return asId(changedTenants[0]!)
  const onlyTenant = after.size === 1 ? [...after.keys()][0]! : undefined
  if (onlyTenant && changedTenants.every((tenant) => tenant === onlyTenant)) return asId(onlyTenant)
  return null
}
