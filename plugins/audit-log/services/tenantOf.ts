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
