import type { CollectionConfig } from 'payload'

import { describe, expect, it } from 'vitest'

import { withPerTenantIndexes } from '../../plugins/tenancy'

describe('withPerTenantIndexes', () => {
  it('adds a compound unique index on tenant + field for each field asked', () => {
    const rooms: CollectionConfig = {
      slug: 'rooms',
      custom: { tenantScoped: { uniquePerTenant: ['slug', 'code'] } },
      fields: [],
      indexes: [{ fields: ['name'] }],
    }
    expect(withPerTenantIndexes(rooms).indexes).toEqual([
      { fields: ['name'] },
      { fields: ['tenant', 'slug'], unique: true },
      { fields: ['tenant', 'code'], unique: true },
    ])
  })

  it('leaves other collections as they are', () => {
    const plain: CollectionConfig = { slug: 'plain', custom: { tenantScoped: true }, fields: [] }
    expect(withPerTenantIndexes(plain)).toBe(plain)
  })
})
