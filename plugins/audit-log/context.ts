// The request context flags of the audit log. Payload keeps a call's context on the request.

/**
 * A write that must not be audited.
 * Set by: the rbac migration, which creates the system roles before the audit table exists
 * (migrations/20261122_051736_rbac.ts, as the literal `skipAudit`), the audit overhead benchmark, and a
 * person's display currency (plugins/currency), a preference of their own that studios must not read, and
 * the S3 adapter's follow-up write of an upload's own document (utilities/objectStorage.ts).
 * Read by: writeChangeEntry and writeDeleteEntry, which then write no entry.
 */
export const SKIP_AUDIT = 'skipAudit'
