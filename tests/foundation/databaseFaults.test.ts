// Which failures mean the database could not answer, and what a client then gets.
import type { PayloadRequest } from 'payload'

import { DrizzleQueryError } from 'drizzle-orm'
import { APIError, ValidationError } from 'payload'
import { DatabaseError } from 'pg'
import { describe, expect, it } from 'vitest'

import { answerRestErrorsInProjectShape, errorResponse } from '../../utilities/apiErrors'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../utilities/databaseFaults'

const postgresError = (code: string, message = 'server error') => Object.assign(new DatabaseError(message, 0, 'error'), { code })
const socketError = (code: string, port?: number) => Object.assign(new Error(`connect ${code} 127.0.0.1:${port ?? 0}`), { code, syscall: 'connect', ...(port ? { address: '127.0.0.1', port } : {}) })
const failedQuery = (cause: unknown) => new DrizzleQueryError('select 1', [], cause as Error)

const quietPayload = { db: { pool: { options: { connectionString: 'postgres://u@127.0.0.1:5432/atelier' } } }, logger: { error: () => {}, info: () => {}, warn: () => {} } }
const quietReq = { payload: quietPayload } as unknown as PayloadRequest

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a terminated backend (57P01), under drizzle', failedQuery(postgresError('57P01', 'terminating connection due to administrator command'))],
    ['a crash shutdown (57P02)', postgresError('57P02')],
    ['a server starting up (57P03)', postgresError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', postgresError('08006')],
    ['too many connections (53300)', postgresError('53300', 'sorry, too many clients already')],
    ['node-postgres: connection terminated', new Error('Connection terminated unexpectedly')],
    ['node-postgres: a dead client', failedQuery(new Error('Client has encountered a connection error and is not queryable'))],
    ['pg-pool: no connection in time', new Error('timeout exceeded when trying to connect')],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a reset socket under a query', failedQuery(socketError('ECONNRESET'))],
    ['a refused connection on the database port', socketError('ECONNREFUSED', 5432)],
    ['a database closed to connections (55000)', postgresError('55000', 'database "atelier" is not currently accepting connections')],
    ["Payload's begin, which keeps only the words", new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432')],
  ])('%s: yes', (_, error) => {
    expect(isDatabaseUnavailable(error, { port: 5432 })).toBe(true)
  })

  it.each([
    ['a unique violation (23505)', failedQuery(postgresError('23505'))],
    ['an overlap (23P01)', postgresError('23P01')],
    ['a statement timeout (57014)', postgresError('57014', 'canceling statement due to statement timeout')],
    ['a refused connection to another service', socketError('ECONNREFUSED', 443)],
    ['a reset socket of another service', socketError('ECONNRESET')],
    ['a validation error', new ValidationError({ errors: [{ message: 'Required', path: 'name' }] })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s: no', (_, error) => {
    expect(isDatabaseUnavailable(error, { port: 5432 })).toBe(false)
  })
})

describe('a database that could not answer, as the client sees it', () => {
  const dropped = failedQuery(postgresError('57P01', 'terminating connection due to administrator command'))

  it('custom endpoints: 503 database_unavailable with Retry-After, no stack', async () => {
    const response = errorResponse(dropped, quietReq)
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(Number(response.headers.get('Retry-After'))).toBeLessThanOrEqual(5)
    const body = (await response.json()) as { code: string; errors: { message: string }[] }
    expect(body.code).toBe('database_unavailable')
    expect(body.errors).toHaveLength(1)
    expect(JSON.stringify(body)).not.toMatch(/administrator|select|at /)
  })

  it("Payload's REST (afterError): the same status, code and Retry-After", async () => {
    const req = { ...quietReq } as PayloadRequest
    const result = await answerRestErrorsInProjectShape({ context: {}, error: dropped, req } as Parameters<typeof answerRestErrorsInProjectShape>[0])
    expect(result).toMatchObject({ response: { code: 'database_unavailable' }, status: 503 })
    expect(req.responseHeaders?.get('Retry-After')).toBe(String(DATABASE_RETRY_AFTER_SECONDS))
  })

  it('leaves every other failure as it was', async () => {
    expect(errorResponse(new APIError('boom', 500), quietReq).status).toBe(500)
    const req = { ...quietReq } as PayloadRequest
    expect(await answerRestErrorsInProjectShape({ context: {}, error: new Error('boom'), req } as Parameters<typeof answerRestErrorsInProjectShape>[0])).toBeUndefined()
  })
})

