// The request context flags of the RBAC plugin. Payload keeps a call's context on the request.

/**
 * An assignment is removed because it expired. Set by `removeExpiredAssignments` (the nightly
 * `expireRoleAssignments` job); read by the audit log, which records the removal as `role_expired`.
 */
export const ROLE_EXPIRED_CONTEXT = 'roleExpired'
