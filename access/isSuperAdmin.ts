import type { Access } from 'payload'

type MaybeSuperAdmin = { superAdmin?: boolean | null } | null | undefined

/** Platform operators: they see and manage every tenant. */
export const isSuperAdmin = (user: MaybeSuperAdmin): boolean => Boolean(user?.superAdmin)

export const isSuperAdminAccess: Access = ({ req }) => isSuperAdmin(req.user)
