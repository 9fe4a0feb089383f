import type { TaskConfig } from 'payload'

/** Set in context when an assignment is removed because it expired (audited as `role_expired`). */
export const ROLE_EXPIRED_CONTEXT = 'roleExpired'

/**
 * Daily housekeeping. Expired assignments already grant nothing (checked at request time); this only
 * removes them, one by one so that each removal is audited.
 */
export const expireAssignmentsTask: TaskConfig = {
  slug: 'expireRoleAssignments',
  handler: async ({ req }) => {
    const { docs } = await req.payload.find({
      collection: 'role-assignments',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { expiresAt: { less_than_equal: new Date().toISOString() } },
    })
    for (const assignment of docs) {
      await req.payload.delete({ id: assignment.id, collection: 'role-assignments', context: { [ROLE_EXPIRED_CONTEXT]: true }, overrideAccess: true, req })
    }
    return { output: { removed: docs.length } }
  },
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '30 3 * * *', queue: 'nightly' }],
}
