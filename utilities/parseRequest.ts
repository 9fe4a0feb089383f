// zod at the trust boundary: request bodies and query strings become typed values or a 400.
import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { badRequest } from './apiErrors'

export async function parseBody<Schema extends z.ZodType>(req: PayloadRequest, schema: Schema): Promise<z.infer<Schema>> {
  const raw = typeof req.text === 'function' ? await req.text() : ''
  let json: unknown
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    throw badRequest('The request body is not valid JSON.')
  }
  return schema.parse(json)
}

export function parseQuery<Schema extends z.ZodType>(req: PayloadRequest, schema: Schema): z.infer<Schema> {
  const url = new URL(req.url ?? 'http://localhost/')
  return schema.parse(Object.fromEntries(url.searchParams))
}
