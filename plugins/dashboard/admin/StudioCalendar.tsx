'use client'
// The calendar page: loads the visible range of the selected studio (GET /api/calendar/events), shows it
// by room, and hands a clicked event or a selected free range to the side panel.
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { DateTime } from 'luxon'
import React, { useCallback, useEffect, useState } from 'react'

import type { CalendarAnswer } from '../services/calendarEvents'

import { CalendarBoard, type CalendarView } from './CalendarBoard'
import { type Selection, CalendarSidePanel } from './CalendarSidePanel'
import { calendarText } from './calendarText'

type Load = { answer: CalendarAnswer; status: 'ready' } | { message: string; status: 'failed' } | { status: 'loading' }

/** The instants a view shows, in the studio's zone: a day, or a week from Monday. */
export function visibleRange(date: Date, view: CalendarView, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(date).setZone(zone).startOf(view === 'day' ? 'day' : 'week')
  return { from: start.toJSDate(), to: start.plus(view === 'day' ? { days: 1 } : { weeks: 1 }).toJSDate() }
}

export function StudioCalendar() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { selectedTenantID } = useTenantSelection()
  const text = calendarText(i18n.language)
  const [date, setDate] = useState(() => new Date())
  const [view, setView] = useState<CalendarView>('week')
  const [zone, setZone] = useState<string>()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [selection, setSelection] = useState<Selection>(null)
  const [generation, setGeneration] = useState(0)
  const api = `${config.serverURL}${config.routes.api}`

  useEffect(() => {
    if (!selectedTenantID) return
    const controller = new AbortController()
    // Before the studio's zone is known, the browser's serves for a first range; the answer names the zone.
    const { from, to } = visibleRange(date, view, zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)
    const query = new URLSearchParams({ from: from.toISOString(), tenant: String(selectedTenantID), to: to.toISOString() })
    fetch(`${api}/calendar/events?${query}`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as CalendarAnswer & { errors?: { message: string }[] }
        if (!response.ok) return setLoad({ message: body.errors?.[0]?.message ?? text.failed, status: 'failed' })
        setZone(body.tenant.timezone)
        setLoad({ answer: body, status: 'ready' })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ message: text.failed, status: 'failed' })
      })
    return () => controller.abort()
  }, [api, date, generation, selectedTenantID, text.failed, view, zone])

  const reload = useCallback(() => {
    setSelection(null)
    setGeneration((value) => value + 1)
  }, [])

  if (!selectedTenantID) return <p>{text.pickStudio}</p>
  return (
    <section aria-labelledby="calendar-title">
      <header style={{ alignItems: 'baseline', display: 'flex', flexWrap: 'wrap', gap: '0 1rem', justifyContent: 'space-between' }}>
        <h1 id="calendar-title">
          {text.title}
          {load.status === 'ready' ? ` · ${load.answer.tenant.name}` : ''}
        </h1>
        {zone ? (
          <p data-testid="calendar-zone" style={{ color: 'var(--theme-elevation-650)', margin: 0 }}>
            {text.times} {zone}
          </p>
        ) : null}
      </header>
      {load.status === 'failed' ? <p role="alert">{load.message}</p> : null}
      {load.status === 'loading' && !zone ? <p aria-live="polite">{text.loading}</p> : null}
      {load.status === 'ready' && load.answer.rooms.length === 0 ? <p>{text.noRooms}</p> : null}
      {load.status === 'ready' && zone && load.answer.rooms.length > 0 ? (
        <div style={{ alignItems: 'flex-start', display: 'flex', gap: 'var(--base)' }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <CalendarBoard
              answer={load.answer}
              date={date}
              language={i18n.language}
              onNavigate={setDate}
              onSelect={setSelection}
              onView={setView}
              text={text}
              view={view}
              zone={zone}
            />
          </div>
          <CalendarSidePanel answer={load.answer} api={api} onChanged={reload} onClose={() => setSelection(null)} selection={selection} text={text} zone={zone} />
        </div>
      ) : null}
    </section>
  )
}
