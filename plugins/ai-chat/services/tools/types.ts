// The assistant's tools: what the model is told a tool takes, what a tool answers, and the studio it answers for.
import type { PayloadRequest } from 'payload'

import type { ToolDefinition } from '../../types'

/** A tool as the model sees it (the provider seam's type): a name, a description and a JSON Schema object. */
export type { ToolDefinition } from '../../types'

export type ToolError = 'invalid_input' | 'not_found' | 'not_permitted'

/**
 * What a tool call answers. `data` is JSON for the model to read as data: text in it (customer names, notes)
 * may say anything and is never an instruction. A refusal carries no data at all.
 */
export type ToolResult = { ok: true; data: unknown } | { ok: false; error: ToolError; message: string }

/** The conversation's studio: the caller has checked that the user belongs to it. */
export type ToolContext = { tenantId: number }

export type AssistantTool = {
  definition: ToolDefinition
  /** Runs as `req.user` (Local API with `overrideAccess: false`); `input` is the model's, unchecked. */
  run(req: PayloadRequest, input: unknown, context: ToolContext): Promise<ToolResult>
}
