'use client'
// List cell showing a status as a coloured pill, labelled with the select option's label in the admin language;
// attached by `withAdminCells` to fields marked `custom.statusPill`.
import type { DefaultCellComponentProps, OptionObject } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { CellFrame } from './CellFrame'

type Colours = { background: string; color: string }

// Fixed pairs rather than theme variables, so the contrast holds in the light and dark themes alike:
// every pair is 7:1 or more (WCAG asks 4.5:1 for this text size).
const GREEN: Colours = { background: '#dcf3e6', color: '#14532d' }
const AMBER: Colours = { background: '#fef3c7', color: '#713f12' }
const ORANGE: Colours = { background: '#fde9cf', color: '#7a3d00' }
const BLUE: Colours = { background: '#dbeafe', color: '#1e3a8a' }
const SLATE: Colours = { background: '#e0e7ef', color: '#1e3a5f' }
const VIOLET: Colours = { background: '#ebe4f7', color: '#4c2f8a' }
const RED: Colours = { background: '#fbe0e0', color: '#8a1c1c' }
const GREY: Colours = { background: '#eceae8', color: '#44403c' }

/** Waiting is amber, done well is green, over is grey, gone wrong is red. */
export const PILL_COLOURS: Record<string, Colours> = {
  awaiting_payment: ORANGE,
  cancelled: GREY,
  completed: SLATE,
  confirmed: GREEN,
  converted: VIOLET,
  expired: GREY,
  failed: RED,
  in_progress: BLUE,
  open: AMBER,
  paid: GREEN,
  pending: AMBER,
  scheduled: BLUE,
  succeeded: GREEN,
}

type I18n = Parameters<typeof getTranslation>[1]

/** A select value's option label in the admin language; the value itself, spaced, without one. */
export function optionLabel(field: unknown, value: string, i18n: I18n): string {
  const options = field && typeof field === 'object' && 'options' in field && Array.isArray(field.options) ? (field.options as (OptionObject | string)[]) : []
  const option = options.find((entry) => (typeof entry === 'string' ? entry : entry.value) === value)
  const translated = typeof option === 'object' && typeof option.label !== 'function' ? getTranslation(option.label, i18n) : null
  return typeof translated === 'string' ? translated : value.replace(/_/g, ' ')
}

export function Pill({ label, status }: { label: string; status: string }) {
  return (
    <span data-status={status} style={{ ...(PILL_COLOURS[status] ?? GREY), borderRadius: 999, fontSize: 12, fontWeight: 600, padding: '2px 10px', whiteSpace: 'nowrap' }}>
      {label}
    </span>
  )
}

export function StatusPill(props: DefaultCellComponentProps) {
  const { cellData, field } = props
  const { i18n } = useTranslation()
  if (typeof cellData !== 'string' || !cellData) return <CellFrame {...props}>—</CellFrame>
  return (
    <CellFrame {...props}>
      <Pill label={optionLabel(field, cellData, i18n)} status={cellData} />
    </CellFrame>
  )
}
