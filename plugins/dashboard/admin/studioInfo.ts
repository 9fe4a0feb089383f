'use client'
// A studio's zone and currency for cells and fields: fetched once per studio per page, shared by every row.
import { useEffect, useState } from 'react'

export type StudioInfo = { defaultCurrency: string; timezone: string }

const requests = new Map<string, Promise<null | StudioInfo>>()

const idOf = (tenant: unknown): null | string => {
  if (typeof tenant === 'number' || typeof tenant === 'string') return String(tenant)
  if (tenant && typeof tenant === 'object' && 'id' in tenant) return String((tenant as { id: number | string }).id)
  return null
}

function load(id: string): Promise<null | StudioInfo> {
  let request = requests.get(id)
  if (!request) {
    request = fetch(`/api/tenants/${encodeURIComponent(id)}?depth=0&select[timezone]=true&select[defaultCurrency]=true`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as StudioInfo) : null))
      .catch(() => null)
    requests.set(id, request)
  }
  return request
}

/** The row's (or form's) studio, once loaded; a populated tenant is used as it is. */
export function useStudioInfo(tenant: unknown): null | StudioInfo {
  const populated = tenant && typeof tenant === 'object' && 'timezone' in tenant ? (tenant as StudioInfo) : null
  const id = populated ? null : idOf(tenant)
  const [info, setInfo] = useState<null | StudioInfo>(null)
  useEffect(() => {
    if (!id) return
    let live = true
    void load(id).then((loaded) => {
      if (live) setInfo(loaded)
    })
    return () => {
      live = false
    }
  }, [id])
  return populated ?? info
}
