'use client'
// react-big-calendar by room, in the studio's zone: luxon's default zone is what its localizer reads, so
// it is set to the studio's while the calendar is shown (and put back after).
import 'react-big-calendar/lib/css/react-big-calendar.css'

import { DateTime, Settings } from 'luxon'
import React, { useEffect, useMemo } from 'react'
import { Calendar, luxonLocalizer, type SlotInfo } from 'react-big-calendar'

import type { CalendarAnswer, CalendarRoom } from '../services/calendarEvents'
import type { Selection } from './CalendarSidePanel'

import { type CalendarText, STATUS_COLOURS } from './calendarText'

export type CalendarView = 'day' | 'week'

type BoardEvent = { end: Date; kind: 'booking' | 'session'; resourceId: number; sourceId: number; start: Date; status: string; title: string }

type Props = {
  answer: CalendarAnswer
  date: Date
  language: string
  onNavigate: (date: Date) => void
  onSelect: (selection: Selection) => void
  onView: (view: CalendarView) => void
  text: CalendarText
  view: CalendarView
  zone: string
}

const isOpen = (room: CalendarRoom | undefined, at: DateTime): boolean => {
  if (!room) return true
  const weekday = at.setLocale('en').toFormat('cccc').toLowerCase()
  const time = at.toFormat('HH:mm')
  return room.openingHours.some((range) => range.weekday === weekday && range.opens <= time && time < range.closes)
}

export function CalendarBoard({ answer, date, language, onNavigate, onSelect, onView, text, view, zone }: Props) {
  const localizer = useMemo(() => {
    Settings.defaultZone = zone
    return luxonLocalizer(DateTime, { firstDayOfWeek: 1 })
  }, [zone])
  useEffect(
    () => () => {
      Settings.defaultZone = 'system'
    },
    [],
  )
  const rooms = useMemo(() => new Map(answer.rooms.map((room) => [room.id, room])), [answer.rooms])
  const events = useMemo<BoardEvent[]>(
    () => [
      ...answer.bookings.map((booking) => ({
        end: new Date(booking.end),
        kind: 'booking' as const,
        resourceId: booking.room,
        sourceId: booking.id,
        start: new Date(booking.start),
        status: booking.status,
        title: [booking.ref, booking.customer].filter(Boolean).join(' · '),
      })),
      ...answer.sessions.map((session) => ({
        end: new Date(session.end),
        kind: 'session' as const,
        resourceId: session.room,
        sourceId: session.id,
        start: new Date(session.start),
        status: session.status,
        title: text.session,
      })),
    ],
    [answer, text.session],
  )
  const day = DateTime.now().setZone(zone).startOf('day')

  return (
    <div data-testid="calendar-board" style={{ height: '75vh', minHeight: 520 }}>
      <Calendar<BoardEvent, CalendarRoom>
        culture={language}
        date={date}
        endAccessor="end"
        eventPropGetter={(event) => ({
          className: `atelier-event atelier-event-${event.kind === 'session' ? 'session' : event.status}`,
          style: {
            background: STATUS_COLOURS[event.kind === 'session' ? 'session' : event.status] ?? '#4a5568',
            border: event.kind === 'session' ? '2px dashed #fff' : 'none',
            color: '#fff',
          },
        })}
        events={events}
        localizer={localizer}
        max={day.set({ hour: 23 }).toJSDate()}
        min={day.set({ hour: 7 }).toJSDate()}
        onNavigate={onNavigate}
        onSelectEvent={(event) => onSelect({ id: event.sourceId, kind: event.kind })}
        onSelectSlot={(slot: SlotInfo) => {
          if (answer.can.create && slot.resourceId !== undefined) onSelect({ end: slot.end, kind: 'new', room: Number(slot.resourceId), start: slot.start })
        }}
        onView={(next) => onView(next === 'day' ? 'day' : 'week')}
        resourceIdAccessor="id"
        resources={answer.rooms}
        resourceTitleAccessor="name"
        selectable={answer.can.create}
        slotPropGetter={(slotDate, resourceId) =>
          isOpen(rooms.get(Number(resourceId)), DateTime.fromJSDate(slotDate).setZone(zone)) ? {} : { style: { background: 'var(--theme-elevation-100)' } }
        }
        startAccessor="start"
        step={30}
        timeslots={2}
        view={view}
        views={['day', 'week']}
      />
    </div>
  )
}
