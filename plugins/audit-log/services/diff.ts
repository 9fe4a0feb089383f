// Field-level diff of two versions of a document, with secrets redacted. Pure.

export type FieldChange = { from: unknown; to: unknown }
export type Changes = Record<string, FieldChange>

export const REDACTED = '[redacted]'
const SECRET_KEY = /pass(word)?|hash|salt|token|secret|api[-_]?key|^key$|Key$/i
const IGNORED = new Set(['updatedAt', 'createdAt', 'loginAttempts', 'lockUntil', 'sessions'])

export const isSecretKey = (key: string) => SECRET_KEY.test(key)

/** Replaces the values of secret-looking keys, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isSecretKey(key) ? REDACTED : redact(inner)]))
  }
  return value
}

/** A populated relationship (a whole document) stands for its id, so depth does not show as a change. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    if ('id' in value && 'createdAt' in value) return (value as { id: unknown }).id
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalize(inner)]))
  }
  return value
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Top-level fields whose value changed, old and new, secrets redacted (only that they changed shows). */
export function diffDocuments(previous: Record<string, unknown> | undefined, next: Record<string, unknown>): Changes {
  const changes: Changes = {}
  const keys = new Set([...Object.keys(previous ?? {}), ...Object.keys(next)])
  for (const key of keys) {
    if (IGNORED.has(key)) continue
    const before = normalize(previous?.[key])
    const after = normalize(next[key])
    if (same(before, after)) continue
    changes[key] = isSecretKey(key) ? { from: REDACTED, to: REDACTED } : { from: redact(before), to: redact(after) }
  }
  return changes
}
