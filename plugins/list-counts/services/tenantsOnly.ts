import type { Where } from 'payload'

/** Every row, whatever its studio: the query has no condition at all. */
export const ALL_TENANTS = 'all' as const

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const tenantIds = (value: unknown): null | number[] => {
  const values = Array.isArray(value) ? value : [value]
  const ids = values.map((item) => (typeof item === 'string' && /^\d{1,10}$/.test(item) ? Number(item) : item))
  return ids.every((id): id is number => Number.isSafeInteger(id) && (id as number) > 0) ? ids : null
}

const intersect = (left: Set<number> | typeof ALL_TENANTS, right: Set<number>) =>
  left === ALL_TENANTS ? right : new Set([...left].filter((id) => right.has(id)))

/**
 * The studios a query keeps when its only conditions are on `tenant` (`equals`/`in`, under `and` at any depth),
 * as Payload combines a list's filter with the access result; `ALL_TENANTS` for no condition at all. Null for
 * anything else (`or`, another field, another operator): that query's total is counted as Payload counts it.
 */
export function tenantsOnly(where: undefined | Where): null | Set<number> | typeof ALL_TENANTS {
  if (where === undefined) return ALL_TENANTS
  if (!isPlainObject(where)) return null
  let kept: Set<number> | typeof ALL_TENANTS = ALL_TENANTS
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and') {
      if (!Array.isArray(condition)) return null
      for (const part of condition) {
        const inner = tenantsOnly(part as Where)
        if (inner === null) return null
        if (inner !== ALL_TENANTS) kept = intersect(kept, inner)
      }
    } else if (key === 'tenant' && isPlainObject(condition)) {
      for (const [operator, value] of Object.entries(condition)) {
        if (operator !== 'equals' && operator !== 'in') return null
        const ids = tenantIds(value)
        if (!ids) return null
        kept = intersect(kept, new Set(ids))
      }
    } else return null
  }
  return kept
}
