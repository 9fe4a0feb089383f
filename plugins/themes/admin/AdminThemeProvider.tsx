'use client'
// Makes the admin follow the signed-in person's theme: light, dark, the system's (auto), or dark between two
// local times (scheduled, re-decided at each change), and their own primary and accent colours.
import { useAuth, useTheme } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { nextThemeChange, themeAt, type ThemePreference } from '../services/themeAt'

/** Dispatched on `window` when the person saves their admin theme: the provider reads it again. */
export const ADMIN_THEME_CHANGED = 'atelier:admin-theme-changed'

type Preferences = {
  customColors?: { accent?: null | string; primary?: null | string } | null
  themePreference?: { darkFrom?: null | string; darkUntil?: null | string; mode?: null | string; timezone?: null | string } | null
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** The zone of the studio chosen in the admin (its cookie), for a schedule without a zone of its own. */
function useStudioZone(): string {
  const [zone, setZone] = useState(browserZone)
  useEffect(() => {
    const tenant = document.cookie.match(/(?:^|;\s*)payload-tenant=(\d+)/)?.[1]
    if (!tenant) return
    void fetch(`/api/tenants/${tenant}?depth=0&select[timezone]=true`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { timezone?: string }).timezone : undefined))
      .then((found) => found && setZone(found))
      .catch(() => undefined)
  }, [])
  return zone
}

/** The signed-in person's stored preferences, read again when they save new ones. */
function usePreferences(userId: number | string | undefined): Preferences {
  const [preferences, setPreferences] = useState<Preferences>({})
  useEffect(() => {
    if (userId === undefined) return setPreferences({})
    let live = true
    const load = () =>
      void fetch('/api/users/me?depth=0', { credentials: 'include' })
        .then(async (response) => (response.ok ? ((await response.json()) as { user?: Preferences }).user : undefined))
        .then((user) => live && setPreferences(user ?? {}))
        .catch(() => undefined)
    load()
    window.addEventListener(ADMIN_THEME_CHANGED, load)
    return () => {
      live = false
      window.removeEventListener(ADMIN_THEME_CHANGED, load)
    }
  }, [userId])
  return preferences
}

export function AdminThemeProvider({ children }: { children?: React.ReactNode }) {
  const { user } = useAuth()
  const { setTheme } = useTheme()
  const studioZone = useStudioZone()
  const preferences = usePreferences(user?.id)
  const stored = preferences.themePreference
  const mode = stored?.mode
  const darkFrom = stored?.darkFrom ?? ''
  const darkUntil = stored?.darkUntil ?? ''
  const zone = stored?.timezone || studioZone

  useEffect(() => {
    if (mode !== 'light' && mode !== 'dark' && mode !== 'auto' && mode !== 'scheduled') return
    const prefs: ThemePreference = { mode, schedule: mode === 'scheduled' ? { darkFrom, darkUntil } : undefined }
    let timer: ReturnType<typeof setTimeout> | undefined
    const apply = () => {
      const now = new Date()
      setTheme(themeAt(now, prefs, zone) as 'dark' | 'light')
      const next = nextThemeChange(now, prefs, zone)
      // Timers longer than ~24.8 days overflow; a schedule changes within a day anyway.
      if (next) timer = setTimeout(apply, Math.min(next.getTime() - now.getTime() + 500, 86_400_000))
    }
    apply()
    return () => clearTimeout(timer)
  }, [darkFrom, darkUntil, mode, setTheme, zone])

  const primary = preferences.customColors?.primary
  const accent = preferences.customColors?.accent
  useEffect(() => {
    const root = document.documentElement.style
    for (const [name, value] of [['--atelier-admin-primary', primary], ['--atelier-admin-accent', accent]] as const) {
      if (value) root.setProperty(name, value)
      else root.removeProperty(name)
    }
  }, [accent, primary])

  return <>{children}</>
}
