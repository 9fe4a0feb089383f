// What every tool does before answering: the conversation's studio as the user sees it, the user's permission
// there, and one answer for a document outside it ("not permitted", whichever studio holds it).
import type { PayloadRequest, Where } from 'payload'
import type { ZodError } from 'zod'

import type { Room, Tenant } from '../../../../payload-types'
import type { ToolContext, ToolResult } from './types'

import { findVisible } from '../../../../utilities/findVisible'
import { requirePermission } from '../../../rbac'

export const invalidInput = (message: string): ToolResult => ({ error: 'invalid_input', message, ok: false })
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
 * The one answer for a document the user cannot reach here, whether another studio holds it, their role
 * hides it or nothing matches: telling these apart would let a member probe other studios' names and refs.
 */
export const notHere = (what: string) => notPermitted(`Not permitted, or no such ${what} in this studio.`)

/** Run as the user: `overrideAccess: false`, so collection and field access apply as in the panel. */
export const asUser = (req: PayloadRequest) => ({ overrideAccess: false, req, user: req.user }) as const

const roomMatch = (reference: number | string): Where =>
  typeof reference === 'number' || /^\d{1,10}$/.test(reference)
    ? { id: { equals: Number(reference) } }
    : { or: [{ name: { like: reference } }, { slug: { equals: reference.toLowerCase() } }] }

/**
 * The studio's room named by `reference` (an id, a name or a slug) as the user may read it, else
 * `not_permitted` (`notHere`). A name matching several rooms is `invalid_input`, listing their names.
 */
export async function roomFor(req: PayloadRequest, tenant: Tenant, reference: number | string): Promise<Room | ToolResult> {
  const match = roomMatch(reference)
  const { docs } = await req.payload.find({ collection: 'rooms', depth: 0, limit: 5, ...asUser(req), where: { and: [{ tenant: { equals: tenant.id } }, match] } })
  const exact = typeof reference === 'string' ? docs.filter((room) => room.name.toLowerCase() === reference.toLowerCase() || room.slug === reference.toLowerCase()) : docs
  const found = exact.length === 1 ? exact : docs
  if (found.length === 1) return found[0]!
  if (found.length > 1) return invalidInput(`Several rooms match: ${found.map((room) => room.name).join(', ')}. Name one, or give its id.`)
  return notHere('room')
}

export const isToolResult = (value: unknown): value is ToolResult => typeof value === 'object' && value !== null && 'ok' in value
