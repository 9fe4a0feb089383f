'use client'
// A studio's zone and currency for cells and fields: one request per studio, shared by every row and field
// of the page, kept five minutes (a changed timezone shows after that or on reload).
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

export type StudioInfo = { defaultCurrency: string; timezone: string }

const TTL_MS = 5 * 60_000
const requests = new Map<string, { at: number; info: Promise<null | StudioInfo> }>()

const idOf = (tenant: unknown): null | string => {
  if (typeof tenant === 'number' || typeof tenant === 'string') return tenant === '' ? null : String(tenant)
  if (tenant && typeof tenant === 'object' && 'id' in tenant) return String((tenant as { id: number | string }).id)
  return null
}

function load(api: string, id: string): Promise<null | StudioInfo> {
  const cached = requests.get(id)
  if (cached && Date.now() - cached.at < TTL_MS) return cached.info
  const info = fetch(`${api}/tenants/${encodeURIComponent(id)}?depth=0&select[timezone]=true&select[defaultCurrency]=true`, { credentials: 'include' })
    .then(async (response) => (response.ok ? ((await response.json()) as StudioInfo) : null))
    .catch(() => null)
    .then((found) => {
      // A failure is not kept: the next cell or field asks again.
      if (!found) requests.delete(id)
      return found
    })
  requests.set(id, { at: Date.now(), info })
  return info
}

/** The row's (or form's) studio, once loaded; a populated tenant is used as it is. */
export function useStudioInfo(tenant: unknown): null | StudioInfo {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const populated = tenant && typeof tenant === 'object' && 'timezone' in tenant && 'defaultCurrency' in tenant ? (tenant as StudioInfo) : null
  const id = populated ? null : idOf(tenant)
  const [loaded, setLoaded] = useState<{ id: string; info: null | StudioInfo } | null>(null)
  useEffect(() => {
    if (!id) return
    let live = true
    void load(api, id).then((info) => {
      if (live) setLoaded({ id, info })
    })
    return () => {
      live = false
    }
  }, [api, id])
  // Only what was loaded for this studio: a form whose studio changed never shows the previous one's.
  return populated ?? (loaded && loaded.id === id ? loaded.info : null)
}
