// The view's calls to the reports endpoints: every answer is either its body or Payload's error list, so a
// refusal shows beside the form instead of breaking the page. Downloads save the file under the server's name.
import type { ReportSpec } from '../services/spec'

import { fileNameFromDisposition } from '../services/reportDisplay'

export type ApiError = { message: string; path?: string }
export type ApiResult<T> = { body: T; ok: true } | { errors: ApiError[]; ok: false }

async function errorsOf(response: Response, fallback: string): Promise<ApiError[]> {
  const body = (await response.json().catch(() => ({}))) as { errors?: ApiError[] }
  const errors = Array.isArray(body.errors) ? body.errors.filter((error) => typeof error?.message === 'string') : []
  return errors.length > 0 ? errors : [{ message: `${fallback} (HTTP ${response.status})` }]
}

/** A JSON call with the admin's session cookie; a network failure answers like a refusal, with `fallback`. */
export async function callJson<T>(url: string, fallback: string, init: { body?: unknown; method?: string; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'include',
      headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      method: init.method ?? 'GET',
      signal: init.signal,
    })
    if (!response.ok) return { errors: await errorsOf(response, fallback), ok: false }
    return { body: (await response.json()) as T, ok: true }
  } catch (error) {
    if (init.signal?.aborted) throw error
    return { errors: [{ message: fallback }], ok: false }
  }
}

/** POST /api/reports/build?format=csv|xlsx|pdf, then saves the answer as the file it names. */
export async function downloadReport(api: string, spec: ReportSpec, format: 'csv' | 'pdf' | 'xlsx', fallback: string): Promise<ApiError[] | null> {
  let response: Response
  try {
    response = await fetch(`${api}/reports/build?format=${format}`, {
      body: JSON.stringify(spec),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
  } catch {
    return [{ message: fallback }]
  }
  if (!response.ok) return errorsOf(response, fallback)
  const blob = await response.blob()
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition'), `report.${format}`)
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return null
}
