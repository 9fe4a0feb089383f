import { APIError, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { conflict, errorResponse, notFound } from '../../utilities/apiErrors'

const silentPayload = { payload: { logger: { error: () => {} } } } as unknown as Parameters<typeof errorResponse>[1]

describe('errorResponse', () => {
  it('maps a zod failure to 400 with one entry per field path', async () => {
    const result = z.object({ email: z.string().email(), nested: z.object({ count: z.number() }) }).safeParse({ email: 'x', nested: { count: 'y' } })
    const response = errorResponse(result.error)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { path: string }[] }
    expect(body.errors.map((error) => error.path)).toEqual(['email', 'nested.count'])
  })

  it('keeps status and code of domain errors', async () => {
    expect(errorResponse(notFound('Gone.')).status).toBe(404)
    const response = errorResponse(conflict('Slot taken.', 'slot_taken'))
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ code: 'slot_taken', errors: [{ message: 'Slot taken.' }] })
  })

  it('passes Payload validation errors through with their paths', async () => {
    const response = errorResponse(new ValidationError({ errors: [{ message: 'Required', path: 'name' }] }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Required', path: 'name' }] })
  })

  it('hides unexpected errors behind a generic 500 with no stack', async () => {
    const response = errorResponse(new Error('secret internals at /srv/app.ts:12'), silentPayload)
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toMatch(/secret|app\.ts|at /)
    expect(errorResponse(new APIError('boom', 500), silentPayload).status).toBe(500)
  })
})
