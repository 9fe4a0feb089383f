'use client'
// The selected studio's members, the only people a scheduled report may go to (the server checks it again):
// GET /api/users filtered on the membership array, which the users' read access scopes to the caller's studios.
import { useEffect, useState } from 'react'

import { callJson } from './reportsApi'

export type Member = { email: string; id: number; name: string }

export type Members = { members: Member[]; status: 'ready' } | { message: string; status: 'failed' } | { status: 'loading' }

export function useStudioMembers(api: string, tenant: number | undefined, failed: string): Members {
  const [members, setMembers] = useState<Members>({ status: 'loading' })
  useEffect(() => {
    if (tenant === undefined) return
    const controller = new AbortController()
    setMembers({ status: 'loading' })
    const query = new URLSearchParams({ depth: '0', limit: '100', sort: 'email', 'where[tenants.tenant][equals]': String(tenant) })
    callJson<{ docs: { email?: string; id: number; name?: null | string }[] }>(`${api}/users?${query}`, failed, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) return setMembers({ message: result.errors[0]?.message ?? failed, status: 'failed' })
        setMembers({ members: result.body.docs.map((user) => ({ email: user.email ?? '', id: user.id, name: user.name ?? '' })), status: 'ready' })
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, failed, tenant])
  return members
}
