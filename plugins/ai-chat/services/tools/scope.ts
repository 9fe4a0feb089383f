// What every tool does before answering: the conversation's studio as the user sees it, the user's permission
// there, and one answer for a document outside it ("not permitted", whichever studio holds it).
import type { CollectionSlug, PayloadRequest, Where } from 'payload'
import type { ZodError } from 'zod'

import type { Room, Tenant } from '../../../../payload-types'
import type { ToolContext, ToolResult } from './types'

import { findVisible } from '../../../../utilities/findVisible'
import { requirePermission } from '../../../rbac'

export const invalidInput = (message: string): ToolResult => ({ error: 'invalid_input', message, ok: false })
export const notFound = (message: string): ToolResult => ({ error: 'not_found', message, ok: false })
export const notPermitted = (message = 'Not permitted.'): ToolResult => ({ error: 'not_permitted', message, ok: false })

/** Zod's issues as one line for the model: where and what, never the input echoed back. */
export const zodMessage = (error: ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')

/**
 * The conversation's studio, read as the user (404 when they cannot see it), after checking that they hold
 * `resource:read` there for each resource (403 otherwise). Both refusals become "not permitted" in `runTool`.
 */
export async function studioFor(req: PayloadRequest, context: ToolContext, resources: string[]): Promise<Tenant> {
  const tenant = await findVisible(req, 'tenants', context.tenantId, 'Studio not found.')
  for (const resource of resources) await requirePermission(req, resource, 'read', tenant.id)
  return tenant
}

/**
 * Whether a document matching `where` exists in any studio. Only for telling "not permitted" from "not
 * found" after the user's own query came back empty: nothing of the document is returned.
 */
export async function existsAnywhere(req: PayloadRequest, collection: CollectionSlug, where: Where): Promise<boolean> {
  const { totalDocs } = await req.payload.count({ collection, overrideAccess: true, req, where })
  return totalDocs > 0
}

/** Run as the user: `overrideAccess: false`, so collection and field access apply as in the panel. */
export const asUser = (req: PayloadRequest) => ({ overrideAccess: false, req, user: req.user }) as const

const roomMatch = (reference: number | string): Where =>
  typeof reference === 'number' || /^\d{1,10}$/.test(reference)
    ? { id: { equals: Number(reference) } }
    : { or: [{ name: { like: reference } }, { slug: { equals: reference.toLowerCase() } }] }

/**
 * The studio's room named by `reference` (an id, a name or a slug) as the user may read it; `not_permitted`
 * when it exists only in another studio (or the user may not read it), `not_found` when no studio has it.
 * A name matching several rooms is `invalid_input`, listing their names.
 */
export async function roomFor(req: PayloadRequest, tenant: Tenant, reference: number | string): Promise<Room | ToolResult> {
  const match = roomMatch(reference)
  const { docs } = await req.payload.find({ collection: 'rooms', depth: 0, limit: 5, ...asUser(req), where: { and: [{ tenant: { equals: tenant.id } }, match] } })
  const exact = typeof reference === 'string' ? docs.filter((room) => room.name.toLowerCase() === reference.toLowerCase() || room.slug === reference.toLowerCase()) : docs
  const found = exact.length === 1 ? exact : docs
  if (found.length === 1) return found[0]!
  if (found.length > 1) return invalidInput(`Several rooms match: ${found.map((room) => room.name).join(', ')}. Name one, or give its id.`)
  if (await existsAnywhere(req, 'rooms', match)) return notPermitted('Not permitted: that room is not one this user may see in this studio.')
  return notFound('No room matches.')
}

export const isToolResult = (value: unknown): value is ToolResult => typeof value === 'object' && value !== null && 'ok' in value
