// Money, studio times and statuses shown as people read them, in every list and document view. Collections mark
// their fields with `custom` (`money`, `zonedTime`, `statusPill`); this attaches the admin components, so the
// plugins that own those collections (booking, payments) never import the dashboard.
import type { CollectionConfig, Config, Field, PayloadComponent } from 'payload'

declare module 'payload' {
  interface FieldCustom {
    /**
     * A number of minor units. `true`: in the studio's default currency; `{ currencyField }`: in the currency held
     * by that sibling field (the studio's while it is empty).
     */
    money?: { currencyField: string } | true
    /** A select shown in lists as a coloured pill, labelled with its option's label. */
    statusPill?: true
    /** An instant shown in the studio's zone with the zone's name; the document view names the zone. */
    zonedTime?: true
  }
}

const ADMIN = '/plugins/dashboard/admin'

export const ADMIN_COMPONENTS = {
  MoneyCell: `${ADMIN}/MoneyCell#MoneyCell`,
  MoneyField: `${ADMIN}/MoneyField#MoneyField`,
  StatusPill: `${ADMIN}/StatusPill#StatusPill`,
  ZoneDescription: `${ADMIN}/ZonedDateCell#ZoneDescription`,
  ZonedDateCell: `${ADMIN}/ZonedDateCell#ZonedDateCell`,
} as const

type Level = {
  collection: string
  /** Where this level's values sit in a list row (`totals.`), for a cell reading its currency there. */
  prefix: string
}

function componentsFor(field: Field, level: Level): null | Record<string, PayloadComponent> {
  if (!('name' in field) || !field.custom) return null
  const { money, statusPill, zonedTime } = field.custom
  const refuse = (mark: string, type: string) => new Error(`withAdminCells: ${level.collection}.${level.prefix}${field.name}: custom.${mark} needs a ${type} field.`)
  if (money) {
    if (field.type !== 'number' || field.hasMany) throw refuse('money', 'number')
    // Without a currency field the components read the studio's default currency.
    const currencyField = money === true ? undefined : money.currencyField
    return {
      Cell: { clientProps: { currencyPath: currencyField ? `${level.prefix}${currencyField}` : undefined }, path: ADMIN_COMPONENTS.MoneyCell },
      Field: { clientProps: { currencyField }, path: ADMIN_COMPONENTS.MoneyField },
    }
  }
  if (zonedTime) {
    if (field.type !== 'date') throw refuse('zonedTime', 'date')
    return { Cell: ADMIN_COMPONENTS.ZonedDateCell, Description: ADMIN_COMPONENTS.ZoneDescription }
  }
  if (statusPill) {
    if (field.type !== 'select' || field.hasMany) throw refuse('statusPill', 'select')
    return { Cell: ADMIN_COMPONENTS.StatusPill }
  }
  return null
}

const nested = (level: Level, name: string): Level => ({ ...level, prefix: `${level.prefix}${name}.` })

function decorate(fields: Field[], level: Level): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') {
      const tabs = field.tabs.map((tab) => {
        const named = 'name' in tab && tab.name ? tab.name : null
        return { ...tab, fields: decorate(tab.fields, named ? nested(level, named) : level) }
      })
      return { ...field, tabs }
    }
    if (field.type === 'blocks') {
      const blocks = field.blocks.map((block) => ({ ...block, fields: decorate(block.fields, nested(level, field.name)) }))
      return { ...field, blocks }
    }
    if ('fields' in field) {
      // Groups and arrays with a name start a level; rows, collapsibles and unnamed groups stay in this one.
      const inner = 'name' in field && field.name ? nested(level, field.name) : level
      return { ...field, fields: decorate(field.fields, inner) } as Field
    }
    const ours = componentsFor(field, level)
    if (!ours) return field
    const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
    // A component a collection sets itself wins over the mark's.
    return { ...field, admin: { ...admin, components: { ...ours, ...admin.components } } } as Field
  })
}

/** Every collection with the admin components of its marked fields attached; fields without a mark unchanged. */
export const withAdminCells = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(
    (collection: CollectionConfig): CollectionConfig => ({ ...collection, fields: decorate(collection.fields, { collection: collection.slug, prefix: '' }) }),
  ),
})
