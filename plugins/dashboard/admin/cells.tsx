'use client'
// List cells for money, studio times and statuses, attached by `withAdminCells`.
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { formatMinorUnits } from '../services/moneyFormat'
import { zonedTimeLabel } from '../services/zonedTimeLabel'
import { useStudioInfo } from './studioInfo'

type Row = Record<string, unknown>

/** An amount in minor units, in the row's currency (or its studio's). */
export function MoneyCell({ cellData, rowData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const studio = useStudioInfo(typeof rowData?.currency === 'string' ? null : (rowData as Row)?.tenant)
  const currency = typeof rowData?.currency === 'string' ? rowData.currency : studio?.defaultCurrency
  if (typeof cellData !== 'number') return <span>—</span>
  return <span style={{ whiteSpace: 'nowrap' }}>{currency ? formatMinorUnits(cellData, currency, i18n.language) : String(cellData)}</span>
}

/** An instant in the row's studio zone, with the zone's name. */
export function ZonedDateCell({ cellData, rowData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const studio = useStudioInfo((rowData as Row)?.tenant)
  if (typeof cellData !== 'string' && typeof cellData !== 'number') return <span>—</span>
  return <span style={{ whiteSpace: 'nowrap' }}>{studio ? zonedTimeLabel(cellData, studio.timezone, i18n.language) : new Date(cellData).toISOString()}</span>
}

// Text on these backgrounds keeps a contrast of 4.5:1 or more.
const PILL_COLOURS: Record<string, { background: string; color: string }> = {
  active: { background: '#dcf3e6', color: '#14532d' },
  awaiting_payment: { background: '#fde9cf', color: '#7a3d00' },
  cancelled: { background: '#eceae8', color: '#44403c' },
  completed: { background: '#e0e7ef', color: '#1e3a5f' },
  confirmed: { background: '#dcf3e6', color: '#14532d' },
  converted: { background: '#ebe4f7', color: '#4c2f8a' },
  expired: { background: '#eceae8', color: '#44403c' },
  failed: { background: '#fbe0e0', color: '#8a1c1c' },
  in_progress: { background: '#dbeafe', color: '#1e3a8a' },
  open: { background: '#fef3c7', color: '#713f12' },
  paid: { background: '#dcf3e6', color: '#14532d' },
  pending: { background: '#fef3c7', color: '#713f12' },
  scheduled: { background: '#dbeafe', color: '#1e3a8a' },
  succeeded: { background: '#dcf3e6', color: '#14532d' },
}

type Option = { label?: Record<string, string> | string; value: string } | string

/** A status as a coloured pill, labelled as the field's option is in the admin language. */
export function StatusPillCell({ cellData, field }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  if (typeof cellData !== 'string') return <span>—</span>
  const options = ((field as { options?: Option[] }).options ?? []) as Option[]
  const option = options.find((entry) => (typeof entry === 'string' ? entry : entry.value) === cellData)
  const label = typeof option === 'object' && option.label ? (typeof option.label === 'string' ? option.label : (option.label[i18n.language] ?? option.label.en)) : cellData.replace(/_/g, ' ')
  const colours = PILL_COLOURS[cellData] ?? { background: '#eceae8', color: '#292524' }
  return (
    <span data-status={cellData} style={{ ...colours, borderRadius: 999, fontSize: 12, fontWeight: 600, padding: '2px 10px', whiteSpace: 'nowrap' }}>
      {label}
    </span>
  )
}
