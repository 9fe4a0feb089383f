'use client'
// List cell for an amount in minor units ("€80.50"), attached by `withAdminCells` to fields marked `custom.money`;
// with a display currency of the person's own, the converted amount beside it ("€80.00 (≈ CA$117.31)").
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { formatMinorUnits } from '../services/moneyFormat'
import { CellFrame } from './CellFrame'
import { useDisplayConversion } from './displayConversion'
import { useStudioInfo } from './studioInfo'

export type MoneyCellProps = {
  /** Where the row keeps its currency (`currency`, `totals.currency`); without it, the studio's default currency. */
  currencyPath?: string
} & DefaultCellComponentProps

const valueAt = (row: Record<string, unknown> | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), row)

export function MoneyCell({ currencyPath, ...props }: MoneyCellProps) {
  const { cellData, rowData } = props
  const { i18n } = useTranslation()
  const own = currencyPath ? valueAt(rowData, currencyPath) : undefined
  const rowCurrency = typeof own === 'string' && own ? own : null
  // An old row without a currency of its own reads in its studio's, as the booking emails do.
  const studio = useStudioInfo(rowCurrency ? null : rowData?.tenant)
  const currency = rowCurrency ?? studio?.defaultCurrency
  const display = useDisplayConversion()
  const converted = display && currency && typeof cellData === 'number' ? display.convert(cellData, currency) : null
  return (
    <CellFrame {...props}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {typeof cellData !== 'number' ? '—' : currency ? formatMinorUnits(cellData, currency, i18n.language) : String(cellData)}
        {display && converted !== null ? ` (≈ ${formatMinorUnits(converted, display.currency, i18n.language)})` : null}
      </span>
    </CellFrame>
  )
}
