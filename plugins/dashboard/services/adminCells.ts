// Money, studio times and statuses shown as people read them, in every list and document view that has
// them. The fields are named here, by collection, so the lower plugins (booking, payments) stay unaware of
// the admin components.
import type { CollectionConfig, Config, Field } from 'payload'

type Kind = 'money' | 'status' | 'time'

/** collection → field path (top-level or `group.field`) → how it is shown. */
export const ADMIN_CELLS: Record<string, Record<string, Kind>> = {
  'booking-policies': { depositAmount: 'money' },
  bookings: { amountPaid: 'money', blockedUntil: 'time', deposit: 'money', end: 'time', holdExpiresAt: 'time', price: 'money', start: 'time', status: 'status' },
  payments: { amount: 'money', amountRefunded: 'money', expiresAt: 'time', paidAt: 'time', status: 'status' },
  refunds: { amount: 'money', status: 'status' },
  rooms: { hourlyRate: 'money' },
  sessions: { blockedUntil: 'time', end: 'time', start: 'time', status: 'status' },
}

const COMPONENTS: Record<Kind, { Cell: string; Description?: string; Field?: string }> = {
  money: { Cell: '/plugins/dashboard/admin/cells#MoneyCell', Field: '/plugins/dashboard/admin/fields#MoneyField' },
  status: { Cell: '/plugins/dashboard/admin/cells#StatusPillCell' },
  time: { Cell: '/plugins/dashboard/admin/cells#ZonedDateCell', Description: '/plugins/dashboard/admin/fields#ZoneDescription' },
}

function decorate(fields: Field[], kinds: Record<string, Kind>, prefix = ''): Field[] {
  return fields.map((field) => {
    if ('name' in field && field.type === 'group') return { ...field, fields: decorate(field.fields, kinds, `${prefix}${field.name}.`) }
    if (!('name' in field) && 'fields' in field) return { ...field, fields: decorate(field.fields, kinds, prefix) } as Field
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: decorate(tab.fields, kinds, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix) })) }
    const kind = 'name' in field ? kinds[`${prefix}${field.name}`] : undefined
    if (!kind) return field
    const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
    return { ...field, admin: { ...admin, components: { ...admin.components, ...COMPONENTS[kind] } } } as Field
  })
}

/** The collections of `ADMIN_CELLS` with their cells and fields attached; the others unchanged. */
export const withAdminCells = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection: CollectionConfig) => {
    const kinds = ADMIN_CELLS[collection.slug]
    return kinds ? { ...collection, fields: decorate(collection.fields, kinds) } : collection
  }),
})
