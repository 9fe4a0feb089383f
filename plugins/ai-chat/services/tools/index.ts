// The assistant's read-only tools and the one way to run them: as the user, in the conversation's studio, with
// every refusal of access control answered "not permitted" (never another studio's data, never an error's text).
import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'
import { ZodError } from 'zod'

import type { AssistantTool, ToolContext, ToolDefinition, ToolResult } from './types'

import { HttpError } from '../../../../utilities/apiErrors'
import { findAvailability } from './findAvailability'
import { findBookings } from './findBookings'
import { roomInfo } from './roomInfo'
import { revenueSummary } from './revenueSummary'
import { invalidInput, notPermitted } from './scope'

export type { AssistantTool, ToolContext, ToolDefinition, ToolError, ToolResult } from './types'

export const ASSISTANT_TOOLS: readonly AssistantTool[] = [findAvailability, findBookings, roomInfo, revenueSummary]

/** What the model is offered. */
export const toolDefinitions = (): ToolDefinition[] => ASSISTANT_TOOLS.map((tool) => tool.definition)

/** A tool failed for a reason of ours (the database, a bug): logged in full, passed on without details. */
export class ToolFailure extends Error {
  constructor(readonly toolName: string) {
    super(`The tool ${toolName} failed.`)
    this.name = 'ToolFailure'
  }
}

const REFUSED = 'Not permitted: this user may not see that in this studio.'

/** A refusal or a bad input as a tool result, or null for a failure of ours. */
function resultOfError(error: unknown): null | ToolResult {
  const status = error instanceof HttpError || error instanceof APIError ? error.status : undefined
  if (status === 401 || status === 403 || status === 404) return notPermitted(REFUSED)
  if (error instanceof ZodError) return invalidInput('The input does not fit the tool’s schema.')
  // A status of 400 carries our own words (or Payload's about a query), never stored data.
  if (status === 400 || status === 422) return invalidInput((error as Error).message.slice(0, 300))
  // The slot maths refuses impossible rules or durations this way.
  if (error instanceof RangeError) return invalidInput(error.message.slice(0, 300))
  return null
}

/**
 * Runs tool `name` on the model's `rawInput` as `req.user`, in `context.tenantId` (whose membership the caller
 * has checked). Bad input is `invalid_input`; anything access control refuses (Payload's Forbidden or NotFound,
 * our HttpError 401/403/404, a document that exists only in another studio) is `not_permitted`. Anything else
 * is logged and thrown as a `ToolFailure` carrying no detail, for the chat to end the turn on.
 */
export async function runTool(req: PayloadRequest, context: ToolContext, name: string, rawInput: unknown): Promise<ToolResult> {
  const tool = ASSISTANT_TOOLS.find((candidate) => candidate.definition.name === name)
  if (!tool) return invalidInput(`There is no tool named ${JSON.stringify(String(name).slice(0, 64))}.`)
  if (!req.user || !Number.isSafeInteger(context.tenantId) || context.tenantId <= 0) return notPermitted(REFUSED)
  try {
    return await tool.run(req, rawInput, context)
  } catch (error) {
    const result = resultOfError(error)
    if (result) return result
    req.payload.logger.error({ err: error, msg: `AI tool ${name} failed`, tenant: context.tenantId })
    throw new ToolFailure(name)
  }
}
