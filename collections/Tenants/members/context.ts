// The request context flags of the members unit. Payload keeps a call's context on the request.

/**
 * The membership change was authorised by the members service: set by `setMembership` and
 * `removeMembership` on their user writes; read by `refuseEditsAcrossTenants`, which then lets the
 * write through.
 */
export const MEMBERSHIP_CHANGE_AUTHORISED = 'membershipChangeAuthorised'

/**
 * The name of the tenant a new account is invited to: set by `setMembership` before it asks for the
 * password email; read by the users' password email, which then reads as an invitation.
 */
export const INVITATION_CONTEXT = 'invitationToTenant'
