// A report as an Excel workbook, streamed: exceljs's WorkbookWriter commits each row, so memory stays flat.
import type { ReportColumn, ReportMeta, ReportRow, RowPages } from '../types'

import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'

import { wallClockAt } from '../../../utilities/wallClock'
import { minorToDecimalString, moneyCurrency } from './money'
import { webStreamOf } from './webStream'

type CellValue = boolean | Date | null | number | string
type XlsxCell = { numFmt?: string; value: CellValue }

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
// Excel refuses a cell holding more text than this.
const MAX_CELL_TEXT = 32_767
const DATE_FORMAT = 'yyyy-mm-dd'
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm'

/** The sheet's name: the title without []:*?/\, at most 31 characters, as Excel requires. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/[\uD800-\uDBFF]$/, '')
    // Nor may it start or end with an apostrophe.
    .replace(/^[\s']+|[\s']+$/g, '')
  // "History" is reserved by Excel.
  return name === '' || name.toLowerCase() === 'history' ? 'Report' : name
}

/** "#,##0.00 [$EUR]": the amount with the currency's decimals and its ISO code, a format Excel shows as "1,234.50 EUR". */
function moneyFormat(currency: string, decimal: string): string {
  const decimals = decimal.split('.')[1]?.length ?? 0
  const number = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`
  return /^[A-Z]{3}$/.test(currency) ? `${number} [$${currency}]` : number
}

/** An instant as the wall-clock time in the report's zone: Excel dates have no zone, so UTC fields carry it. */
function wallClock(instant: string, timezone: string): Date | null {
  const epochMs = Date.parse(instant)
  if (Number.isNaN(epochMs)) return null
  // Cheaper than luxon per cell: a cached Intl formatter (an export writes one per datetime cell).
  const wall = wallClockAt(epochMs, timezone)
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, ((epochMs % 1000) + 1000) % 1000))
}

/** A typed cell. A value that does not fit its column's type is kept as text rather than dropped. */
function xlsxCell(column: ReportColumn, row: ReportRow, timezone: string): XlsxCell {
  const value = row[column.key]
  if (value === null || value === undefined) return { value: null }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (column.type !== 'money') return { value }
    const currency = moneyCurrency(column, row)
    const decimal = minorToDecimalString(value, currency)
    // The nearest double to the exact decimal: as close as a spreadsheet number gets.
    return { numFmt: moneyFormat(currency, decimal), value: Number(decimal) }
  }
  if (typeof value === 'boolean') return { value }
  // NaN or Infinity: no cell (Excel has no such number).
  if (typeof value === 'number') return { value: null }
  if (column.type === 'date' && ISO_DAY.test(value)) return { numFmt: DATE_FORMAT, value: new Date(`${value}T00:00:00Z`) }
  if (column.type === 'datetime') {
    const local = wallClock(value, timezone)
    if (local) return { numFmt: DATE_TIME_FORMAT, value: local }
  }
  // Strings stay strings: exceljs writes them as text (t="str", no <f>), so "=1+1" is never a formula.
  return { value: value.slice(0, MAX_CELL_TEXT) }
}

/** Characters wide: the label or the longest value on the first page, within bounds. */
function columnWidth(column: ReportColumn, sample: ReportRow[], timezone: string): number {
  const fixed = { boolean: 7, date: 12, datetime: 17 } as const
  const lengths = sample.map((row) => {
    const cell = xlsxCell(column, row, timezone)
    if (column.type === 'money' && typeof cell.value === 'number') return String(cell.value).length * 1.35 + 5
    return typeof cell.value === 'string' || typeof cell.value === 'number' ? String(cell.value).length : 0
  })
  const content = column.type in fixed ? fixed[column.type as keyof typeof fixed] : Math.max(0, ...lengths)
  return Math.min(60, Math.max(8, column.label.length + 2, Math.ceil(content) + 2))
}

/** Resolves once `stream` takes writes again, or is gone. */
const drained = (stream: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done)
      resolve()
    }
    stream.on('drain', done).on('close', done)
  })

/**
 * Bytes exceljs has handed to the zip for this sheet and the zip has not compressed yet. exceljs's stream
 * buffer ignores back-pressure, and deflate runs off the main thread: without this wait a fast row source
 * piles the whole sheet's XML up in memory. A private field: read defensively (0 when it is not there).
 */
const zipBacklog = (sheet: unknown): number => {
  const pipes = (sheet as { _stream?: { pipes?: { _writableState?: { length?: number } }[] } })._stream?.pipes ?? []
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0)
}
const MAX_ZIP_BACKLOG = 1 << 20

/** The .xlsx bytes of a report: one sheet, a bold frozen header with a filter, typed cells. */
export function xlsxStream(columns: ReportColumn[], pages: RowPages, meta: ReportMeta): ReadableStream<Uint8Array> {
  const output = new PassThrough()

  const produce = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true })
    workbook.title = meta.title
    const sheet = workbook.addWorksheet(sheetName(meta.title), { views: [{ state: 'frozen', ySplit: 1 }] })
    let headerWritten = false
    let lastRow = 1

    // The widths precede the rows in the file, so they are settled from the first page.
    const writeHeader = (sample: ReportRow[]) => {
      sheet.columns = columns.map((column) => ({ width: columnWidth(column, sample, meta.timezone) }))
      const header = sheet.addRow(columns.map((column) => column.label))
      header.font = { bold: true }
      header.commit()
      headerWritten = true
    }

    for await (const page of pages) {
      if (!headerWritten) writeHeader(page)
      for (const row of page) {
        const cells = columns.map((column) => xlsxCell(column, row, meta.timezone))
        const added = sheet.addRow(cells.map((cell) => cell.value))
        cells.forEach((cell, index) => {
          if (cell.numFmt) added.getCell(index + 1).numFmt = cell.numFmt
        })
        added.commit()
        lastRow = added.number
      }
      // Back-pressure: a turn of the event loop lets the zip compress what was written (a page source that
      // answers from memory would never give it one); then no further page while the reader is behind.
      await nextTurn()
      while (!output.destroyed && (output.writableNeedDrain || zipBacklog(sheet) > MAX_ZIP_BACKLOG)) {
        if (output.writableNeedDrain) await drained(output)
        else await sleep(1)
      }
      if (output.destroyed) return
    }
    if (!headerWritten) writeHeader([])
    sheet.autoFilter = { from: { column: 1, row: 1 }, to: { column: Math.max(1, columns.length), row: lastRow } }
    sheet.commit()
    await workbook.commit()
  }

  return webStreamOf(output, produce)
}
