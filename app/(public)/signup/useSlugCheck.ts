'use client'
// Live slug checking once JavaScript runs: asks GET /api/signup/check-slug a moment after typing stops.
import { useEffect, useState } from 'react'

export type SlugStatus = { message: string; tone: 'bad' | 'good' | 'neutral' }

const REASONS: Record<string, string> = {
  invalid: 'Use 3 to 63 lowercase letters, digits and single hyphens.',
  reserved: 'That address is reserved: choose another.',
  taken: 'That address is already taken: choose another.',
}

export function useSlugCheck(slug: string): SlugStatus | null {
  const [status, setStatus] = useState<SlugStatus | null>(null)
  useEffect(() => {
    if (!slug) return setStatus(null)
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/signup/check-slug?slug=${encodeURIComponent(slug)}`, { signal: controller.signal })
        if (!response.ok) return setStatus(null)
        const verdict = (await response.json()) as { available: boolean; reason?: string }
        setStatus(verdict.available ? { message: 'That address is free.', tone: 'good' } : { message: REASONS[verdict.reason ?? ''] ?? 'Not available.', tone: 'bad' })
      } catch {
        // Aborted by the next keystroke, or offline: the server checks again on submit.
      }
    }, 300)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [slug])
  return status
}
