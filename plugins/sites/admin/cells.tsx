'use client'
// List cells of the sites collection: status badge, link, masked key, relative time.
import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

const badgeColours: Record<string, { background: string; color: string }> = {
  active: { background: 'var(--theme-success-100)', color: 'var(--theme-success-800)' },
  inactive: { background: 'var(--theme-elevation-100)', color: 'var(--theme-elevation-800)' },
  out_of_sync: { background: 'var(--theme-warning-100)', color: 'var(--theme-warning-800)' },
  pending: { background: 'var(--theme-elevation-50)', color: 'var(--theme-elevation-700)' },
  suspended: { background: 'var(--theme-error-100)', color: 'var(--theme-error-800)' },
}

export function StatusBadgeCell({ cellData }: DefaultCellComponentProps) {
  const status = typeof cellData === 'string' ? cellData : 'pending'
  const colours = badgeColours[status] ?? badgeColours.pending
  return (
    <span data-status={status} style={{ ...colours, borderRadius: 999, fontSize: 12, fontWeight: 600, padding: '2px 10px', whiteSpace: 'nowrap' }}>
      {status.replace('_', ' ')}
    </span>
  )
}

export function SiteLinkCell({ cellData }: DefaultCellComponentProps) {
  if (typeof cellData !== 'string' || !cellData) return <span>not registered</span>
  return (
    <a href={cellData} onClick={(event) => event.stopPropagation()} rel="noopener noreferrer" target="_blank">
      {cellData.replace(/^https?:\/\//, '')}
    </a>
  )
}

export function MaskedKeyCell({ cellData }: DefaultCellComponentProps) {
  if (typeof cellData !== 'string' || !cellData) return <span>—</span>
  return <code aria-label={`key starting ${cellData}`}>{`${cellData}…`}</code>
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** "3 hours ago", with the exact instant in the tooltip. */
export function relativeTime(instant: Date, now = Date.now(), locale = 'en'): string {
  const seconds = Math.round((instant.getTime() - now) / 1000)
  const [unit, size] = units.find(([, span]) => Math.abs(seconds) >= span) ?? ['second', 1]
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / size), unit)
}

export function RelativeTimeCell({ cellData }: DefaultCellComponentProps) {
  if (!cellData) return <span>never</span>
  const instant = new Date(cellData as string)
  return (
    <time dateTime={instant.toISOString()} title={instant.toLocaleString()}>
      {relativeTime(instant)}
    </time>
  )
}
