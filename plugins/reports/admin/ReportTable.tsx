'use client'
// The report as a table: a header button per column re-runs it sorted by that column (ascending, then
// descending), the totals below. Money, bucket dates and instants read as people write them.
import React from 'react'

import type { ReportSpec } from '../services/spec'
import type { ReportAnswer, ReportColumn } from '../types'
import type { ReportsText } from './reportsText'

import { bucketOfColumn, columnHeadings, formatCell } from '../services/reportDisplay'

/** A listing can be long: the table shows this many rows, the downloads every one. */
export const SHOWN_ROWS = 1000

type Props = { answer: ReportAnswer; disabled: boolean; language: string; onSort: (key: string) => void; spec: ReportSpec; text: ReportsText }

const numeric = (column: ReportColumn) => column.type === 'money' || column.type === 'number'
const cellStyle = (column: ReportColumn): React.CSSProperties => ({
  borderBottom: '1px solid var(--theme-elevation-100)',
  padding: '6px 10px',
  textAlign: numeric(column) ? 'right' : 'left',
  whiteSpace: numeric(column) || column.type === 'date' ? 'nowrap' : undefined,
})

export function ReportTable({ answer, disabled, language, onSort, spec, text }: Props) {
  const { columns, meta, rows, totals } = answer
  const sorted = spec.sort?.[0]
  const context = (column: ReportColumn) => ({ bucket: bucketOfColumn(spec.groupBy, column.key), language, no: text.no, timezone: meta.timezone, yes: text.yes })
  const visible = rows.slice(0, SHOWN_ROWS)
  const headings = columnHeadings(columns)
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="report-table" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
        <caption style={{ captionSide: 'top', fontWeight: 600, padding: '0 0 6px', textAlign: 'left' }}>{`${text.table}: ${meta.title}`}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sorted?.key === column.key ? sorted.direction : null
              return (
                <th
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                  data-key={column.key}
                  key={column.key}
                  scope="col"
                  style={{ ...cellStyle(column), borderBottom: '2px solid var(--theme-elevation-250)', fontWeight: 600 }}
                >
                  <button
                    disabled={disabled}
                    onClick={() => onSort(column.key)}
                    style={{ background: 'none', border: 0, color: 'inherit', cursor: 'pointer', font: 'inherit', fontWeight: 600, padding: 0 }}
                    title={`${text.sortBy} ${headings[column.key]}`}
                    type="button"
                  >
                    {headings[column.key]}
                    <span aria-hidden="true">{direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} style={{ padding: '10px' }}>
                {text.noRows}
              </td>
            </tr>
          ) : (
            visible.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.key} style={cellStyle(column)}>
                    {formatCell(column, row, context(column))}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {totals.length > 0 ? (
          <tfoot data-testid="report-totals">
            {totals.map((total, index) => (
              <tr key={index}>
                {columns.map((column, at) =>
                  column.key in total ? (
                    <td key={column.key} style={{ ...cellStyle(column), fontWeight: 600 }}>
                      {formatCell(column, total, context(column))}
                    </td>
                  ) : at === 0 ? (
                    <th key={column.key} scope="row" style={{ ...cellStyle(column), fontWeight: 600 }}>
                      {text.total}
                    </th>
                  ) : (
                    <td key={column.key} style={cellStyle(column)} />
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
      {rows.length > SHOWN_ROWS ? <p style={{ color: 'var(--theme-elevation-600)' }}>{text.moreRows(SHOWN_ROWS, rows.length)}</p> : null}
    </div>
  )
}
