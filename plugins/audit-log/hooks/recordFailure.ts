import type { AfterErrorHook } from 'payload'

import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

const statusOf = (error: unknown) => (error as { status?: number }).status

/** `/api/users/2/roles` → `users`: custom endpoints report no collection of their own. */
const collectionFromPath = (url: string | undefined) => (url ? /\/api\/([^/?]+)/.exec(new URL(url).pathname)?.[1] : undefined)

/**
 * Failed logins and refused actions. The request's own transaction rolls back, so the entry is
 * written in one of its own.
 */
export const recordFailure: AfterErrorHook = async ({ collection, error, req }) => {
  const status = statusOf(error)
  try {
    if (req.url?.endsWith('/login') && req.method === 'POST' && (status === 401 || status === 423)) {
      const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase() : undefined
      await writeAuditEntry(req, { action: 'login_failed', collection: collection?.slug, subject: email, user: null }, { detached: true })
    } else if (status === 403 && req.user) {
      await writeAuditEntry(
        req,
        {
          action: 'permission_denied',
          collection: collection?.slug ?? collectionFromPath(req.url),
          details: { message: error.message, method: req.method, path: req.url ? new URL(req.url).pathname : undefined },
          tenant: tenantOf(req.user.collection, req.user as never),
        },
        { detached: true },
      )
    }
  } catch (auditError) {
    req.payload.logger.error(`Audit: could not record a failure: ${String(auditError)}`)
  }
}
