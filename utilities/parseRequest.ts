// zod at the trust boundary: request bodies and query strings become typed values or a 400.
import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { badRequest } from './apiErrors'

// PostgreSQL text cannot hold U+0000: refused here, as bad input, rather than failing on write as a 500.
function rejectNul(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw badRequest('Text may not contain NUL characters.', path.join('.') || undefined)
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => rejectNul(item, [...path, String(index)]))
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) rejectNul(item, [...path, key])
  }
}

export async function parseBody<Schema extends z.ZodType>(req: PayloadRequest, schema: Schema): Promise<z.infer<Schema>> {
  const raw = typeof req.text === 'function' ? await req.text() : ''
  let json: unknown
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    throw badRequest('The request body is not valid JSON.')
  }
  rejectNul(json)
  return schema.parse(json)
}

export function parseQuery<Schema extends z.ZodType>(req: PayloadRequest, schema: Schema): z.infer<Schema> {
  const url = new URL(req.url ?? 'http://localhost/')
  const query = Object.fromEntries(url.searchParams)
  rejectNul(query)
  return schema.parse(query)
}
