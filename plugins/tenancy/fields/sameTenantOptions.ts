// A tenant-scoped document may only point at documents of its own tenant. The multi-tenant plugin filters
// relationship pickers by the user's tenants, not by the document's, and leaves `upload` fields alone,
// so an artist in A could list another studio's image in a portfolio that the artist's site then serves.
import type { Field, FilterOptions, FilterOptionsProps, Where } from 'payload'

import { idOf } from '../../../utilities/idOf'

type Ref = number | string | { id: number | string }

const withinOwnTenant =
  (existing: FilterOptions | undefined): FilterOptions =>
  async (args: FilterOptionsProps) => {
    const tenant = (args.data as { tenant?: null | Ref } | undefined)?.tenant
    // No tenant yet: nothing qualifies (the tenant field reports the missing tenant itself).
    if (!tenant) return false
    const own: Where = { tenant: { equals: idOf(tenant) } }
    const inherited = typeof existing === 'function' ? await existing(args) : existing
    if (inherited === false) return false
    return inherited && inherited !== true ? { and: [inherited, own] } : own
  }

/** `fields`, with every relationship or upload field that points at a tenant-scoped collection kept in-tenant. */
export function keepRelationsInTenant(fields: Field[], scopedSlugs: string[]): Field[] {
  return fields.map((field): Field => {
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string' && scopedSlugs.includes(field.relationTo)) {
      return { ...field, filterOptions: withinOwnTenant(field.filterOptions) } as Field
    }
    if (field.type === 'array' || field.type === 'group' || field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: keepRelationsInTenant(field.fields, scopedSlugs) } as Field
    }
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: keepRelationsInTenant(tab.fields, scopedSlugs) })) }
    }
    return field
  })
}
