// Members: who belongs to a tenant with which role, and who may act on accounts across tenants.
export { INVITATION_CONTEXT } from './context'
export { removeMemberEndpoint } from './endpoints/removeMember'
export { setMemberEndpoint } from './endpoints/setMember'
export { refuseEditsAcrossTenants } from './hooks/refuseEditsAcrossTenants'
export { refuseUnlockAcrossTenants } from './hooks/refuseUnlockAcrossTenants'
export { refuseEmailChange } from './hooks/refuseEmailChange'
export { setMembership, type SetMembershipInput, type SetMembershipResult } from './services/setMembership'
