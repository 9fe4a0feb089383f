// withAdminCells: every field marked `custom.money`, `zonedTime` or `statusPill` gets the dashboard's cell
// (and field or zone note), at any depth, in the real config and in a made-up one.
import type { CollectionConfig, Config, Field } from 'payload'

import { describe, expect, it } from 'vitest'

import { withAdminCells } from '../../plugins/dashboard/services/adminCells'

type Marked = { components: Record<string, unknown>; custom: NonNullable<Field['custom']>; path: string }

/** Every field with a `custom` mark, as `collection.path`, through groups, rows, tabs, arrays and blocks. */
function markedFields(collections: Pick<CollectionConfig, 'fields' | 'slug'>[]): Map<string, Marked> {
  const found = new Map<string, Marked>()
  const walk = (fields: Field[], prefix: string) => {
    for (const field of fields) {
      const path = 'name' in field ? `${prefix}${field.name}` : prefix
      if ('name' in field && (field.custom?.money || field.custom?.zonedTime || field.custom?.statusPill)) {
        const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
        found.set(path, { components: admin.components ?? {}, custom: field.custom, path })
      }
      if ('fields' in field) walk(field.fields, 'name' in field && field.name ? `${path}.` : prefix)
      if (field.type === 'tabs') field.tabs.forEach((tab) => walk(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
      if (field.type === 'blocks') field.blocks.forEach((block) => walk(block.fields, `${path}.`))
    }
  }
  for (const collection of collections) walk(collection.fields, `${collection.slug}.`)
  return found
}

const pathOf = (component: unknown) => (typeof component === 'string' ? component : (component as { path?: string } | undefined)?.path)

describe('withAdminCells on the real config', async () => {
  const config = await (await import('../../payload.config')).default
  const marked = markedFields(config.collections)

  it('finds the money, time and status fields of booking and payments marked', () => {
    const expected = [
      'booking-policies.depositAmount',
      'bookings.amountPaid',
      'bookings.blockedUntil',
      'bookings.deposit',
      'bookings.end',
      'bookings.holdExpiresAt',
      'bookings.price',
      'bookings.start',
      'bookings.status',
      'payments.amount',
      'payments.amountRefunded',
      'payments.status',
      'refunds.amount',
      'refunds.status',
      'rooms.hourlyRate',
      'sessions.blockedUntil',
      'sessions.end',
      'sessions.start',
      'sessions.status',
    ]
    expect([...marked.keys()]).toEqual(expect.arrayContaining(expected))
  })

  it('attaches the cell, and the field or zone note, to every marked field', () => {
    for (const { components, custom, path } of marked.values()) {
      if (custom.money) {
        expect(pathOf(components.Cell), path).toBe('/plugins/dashboard/admin/MoneyCell#MoneyCell')
        expect(pathOf(components.Field), path).toBe('/plugins/dashboard/admin/MoneyField#MoneyField')
        const currencyField = custom.money === true ? undefined : custom.money.currencyField
        expect((components.Field as { clientProps?: unknown }).clientProps, path).toEqual({ currencyField })
      } else if (custom.zonedTime) {
        expect(pathOf(components.Cell), path).toBe('/plugins/dashboard/admin/ZonedDateCell#ZonedDateCell')
        expect(pathOf(components.Description), path).toBe('/plugins/dashboard/admin/ZonedDateCell#ZoneDescription')
      } else {
        expect(pathOf(components.Cell), path).toBe('/plugins/dashboard/admin/StatusPill#StatusPill')
      }
    }
  })

  it('keeps booking status read-only in the form, with labels in English and French', () => {
    const status = config.collections.find(({ slug }) => slug === 'bookings')?.fields.find((field) => 'name' in field && field.name === 'status')
    expect((status?.admin as { readOnly?: boolean } | undefined)?.readOnly).toBe(true)
    expect(status && 'options' in status ? status.options[0] : null).toEqual({ label: { en: 'Pending', fr: 'En attente' }, value: 'pending' })
  })
})

describe('withAdminCells on nested fields', () => {
  const collection: CollectionConfig = {
    slug: 'orders',
    fields: [
      { name: 'total', type: 'number', custom: { money: { currencyField: 'currency' } } },
      { name: 'currency', type: 'text' },
      { type: 'row', fields: [{ name: 'fee', type: 'number', custom: { money: true } }] },
      { name: 'totals', type: 'group', fields: [{ name: 'net', type: 'number', custom: { money: { currencyField: 'code' } } }] },
      { type: 'collapsible', fields: [{ name: 'when', type: 'date', custom: { zonedTime: true } }], label: 'When' },
      { type: 'tabs', tabs: [{ fields: [{ name: 'state', type: 'select', custom: { statusPill: true }, options: ['open'] }], label: 'A' }, { name: 'meta', fields: [{ name: 'at', type: 'date', custom: { zonedTime: true } }] }] },
      { name: 'lines', type: 'array', fields: [{ name: 'price', type: 'number', custom: { money: { currencyField: 'currency' } } }] },
      { name: 'parts', type: 'blocks', blocks: [{ slug: 'part', fields: [{ name: 'cost', type: 'number', custom: { money: true } }] }] },
      { name: 'own', type: 'date', admin: { components: { Cell: '/somewhere#Mine' } }, custom: { zonedTime: true } },
      { name: 'plain', type: 'number' },
    ],
  }
  const decorated = markedFields((withAdminCells({ collections: [collection] } as Config).collections ?? []) as CollectionConfig[])

  it('reaches rows, groups, collapsibles, tabs, arrays and blocks, with the list cell’s currency path', () => {
    const expected = ['orders.fee', 'orders.lines.price', 'orders.meta.at', 'orders.own', 'orders.parts.cost', 'orders.state', 'orders.total', 'orders.totals.net', 'orders.when']
    expect([...decorated.keys()].sort()).toEqual(expected)
    for (const { components, path } of decorated.values()) expect(components.Cell, path).toBeDefined()
    expect(decorated.get('orders.total')?.components.Cell).toEqual({ clientProps: { currencyPath: 'currency' }, path: '/plugins/dashboard/admin/MoneyCell#MoneyCell' })
    expect(decorated.get('orders.totals.net')?.components.Cell).toEqual({ clientProps: { currencyPath: 'totals.code' }, path: '/plugins/dashboard/admin/MoneyCell#MoneyCell' })
    expect(decorated.get('orders.fee')?.components.Field).toEqual({ clientProps: { currencyField: undefined }, path: '/plugins/dashboard/admin/MoneyField#MoneyField' })
    expect(pathOf(decorated.get('orders.parts.cost')?.components.Cell)).toBe('/plugins/dashboard/admin/MoneyCell#MoneyCell')
    expect(pathOf(decorated.get('orders.meta.at')?.components.Description)).toBe('/plugins/dashboard/admin/ZonedDateCell#ZoneDescription')
    expect(pathOf(decorated.get('orders.state')?.components.Cell)).toBe('/plugins/dashboard/admin/StatusPill#StatusPill')
  })

  it('leaves a component the collection chose itself, and refuses a mark on the wrong kind of field', () => {
    expect(decorated.get('orders.own')?.components.Cell).toBe('/somewhere#Mine')
    const wrong: CollectionConfig = { slug: 'wrong', fields: [{ name: 'amount', type: 'text', custom: { money: true } }] }
    expect(() => withAdminCells({ collections: [wrong] } as Config)).toThrow(/wrong\.amount: custom\.money needs a number field/)
  })
})
