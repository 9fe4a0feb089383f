// A report as a PDF table (A4 landscape, built-in Helvetica): a title block, a header row repeated on every
// page, and "n / N" footers. Pages are buffered until the end (for the page count); rows are not held.
import type { ReportColumn, ReportMeta, ReportRow, RowPages } from '../types'

import PDFDocument from 'pdfkit'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { lastDayOf } from './fileName'
import { minorToDecimalString, moneyCurrency } from './money'
import { webStreamOf } from './webStream'

type Doc = InstanceType<typeof PDFDocument>
type TableColumn = { align: 'left' | 'right'; column: ReportColumn; width: number; x: number }

const LOCALE = 'en-GB'
const MARGIN = 36
const FONT_SIZE = 8
const MIN_FONT_SIZE = 5
const ROW_HEIGHT = 14
const CELL_PADDING = 3
// Share of the table's width per column type: text gets the most room.
const WEIGHTS = { boolean: 0.7, date: 1.1, datetime: 1.6, money: 1.5, number: 1, string: 2.6 } as const

// The standard fonts encode WinAnsi only: anything else would print as stray bytes, so it becomes "?".
const NOT_WIN_ANSI = /[^\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g
const printable = (text: string): string => text.normalize('NFC').replace(/[\t\n\r\f\v]+/g, ' ').replace(NOT_WIN_ANSI, '?')

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC', year: 'numeric' })
/** "1 Jan 2026" from "2026-01-01". */
const dayLabel = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date)
}

const moneyFormats = new Map<string, Intl.NumberFormat>()
/** "€1,234.50" from 123450 EUR: Intl formats the exact decimal string, never a float quotient. */
function moneyLabel(minor: number, currency: string): string {
  let format = moneyFormats.get(currency)
  if (!format) {
    const digits = currencyExponent(currency)
    const options = { maximumFractionDigits: digits, minimumFractionDigits: digits }
    try {
      format = new Intl.NumberFormat(LOCALE, { ...options, currency, style: 'currency' })
    } catch {
      // No usable code: the amount alone rather than nothing.
      format = new Intl.NumberFormat(LOCALE, options)
    }
    moneyFormats.set(currency, format)
  }
  return format.format(minorToDecimalString(minor, currency) as `${number}`)
}

const numberFormat = new Intl.NumberFormat(LOCALE)

/** "5 Jan 2026, 09:30": an instant on the wall clock of the report's zone. */
const dateTimeFormat = (timezone: string) =>
  new Intl.DateTimeFormat(LOCALE, { day: 'numeric', hour: '2-digit', hourCycle: 'h23', minute: '2-digit', month: 'short', timeZone: timezone, year: 'numeric' })

/** A cell as the text a reader sees. */
function cellText(column: ReportColumn, row: ReportRow, dateTimes: Intl.DateTimeFormat): string {
  const value = row[column.key]
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    return column.type === 'money' ? moneyLabel(value, moneyCurrency(column, row)) : numberFormat.format(value)
  }
  if (column.type === 'date') return dayLabel(value)
  if (column.type === 'datetime') {
    const instant = new Date(value)
    if (!Number.isNaN(instant.getTime())) return dateTimes.format(instant)
  }
  return value
}

/** Where each column sits: the page's inner width shared by type weight; numbers right-aligned. */
function tableLayout(doc: Doc, columns: ReportColumn[]): TableColumn[] {
  const innerWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const totalWeight = columns.reduce((sum, column) => sum + WEIGHTS[column.type], 0)
  let x = doc.page.margins.left
  return columns.map((column) => {
    const width = (innerWidth * WEIGHTS[column.type]) / totalWeight
    const placed: TableColumn = { align: column.type === 'money' || column.type === 'number' ? 'right' : 'left', column, width, x }
    x += width
    return placed
  })
}

/**
 * One line of cells at `y`. Text too wide is cut with an ellipsis (a one-line `height` stops the wrapping);
 * a number too wide is set smaller instead (`shrinkNumbers`), as an amount cut short would misinform.
 */
function drawCells(doc: Doc, table: TableColumn[], texts: string[], y: number, shrinkNumbers: boolean): void {
  const baseline = y + (ROW_HEIGHT - FONT_SIZE) / 2
  table.forEach((placed, index) => {
    const text = printable(texts[index] ?? '')
    const width = placed.width - 2 * CELL_PADDING
    const natural = doc.fontSize(FONT_SIZE).widthOfString(text)
    const size = shrinkNumbers && placed.align === 'right' && natural > width ? Math.max(MIN_FONT_SIZE, (FONT_SIZE * width) / natural) : FONT_SIZE
    const fitted = (natural * size) / FONT_SIZE
    if (fitted <= width) {
      // Fits: placed directly, skipping pdfkit's line wrapper (the slow part of a long table).
      const x = placed.x + CELL_PADDING + (placed.align === 'right' ? width - fitted : 0)
      doc.fontSize(size).text(text, x, baseline, { lineBreak: false })
    } else {
      doc.fontSize(size).text(text, placed.x + CELL_PADDING, baseline, { align: placed.align, ellipsis: true, height: ROW_HEIGHT, lineBreak: false, width })
    }
  })
  doc.fontSize(FONT_SIZE)
}

/** The header row at `y`, on a grey band; answers where the first row goes. */
function drawHeader(doc: Doc, table: TableColumn[], y: number): number {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.save().rect(left, y, width, ROW_HEIGHT).fill('#e6e6e6').restore()
  doc.font('Helvetica-Bold').fontSize(FONT_SIZE).fillColor('black')
  drawCells(
    doc,
    table,
    table.map((placed) => placed.column.label),
    y,
    false,
  )
  doc.font('Helvetica')
  return y + ROW_HEIGHT
}

/** The title block of page 1: title, studio, period and zone; answers where the table starts. */
function drawTitle(doc: Doc, meta: ReportMeta): number {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const period = meta.period ? `${dayLabel(meta.period.from)} – ${dayLabel(lastDayOf(meta.period))}` : 'All time'
  let y = doc.page.margins.top
  doc.font('Helvetica-Bold').fontSize(16).text(printable(meta.title), left, y, { ellipsis: true, height: 20, lineBreak: false, width })
  y += 24
  for (const line of [meta.studio, period, `Time zone: ${meta.timezone}`]) {
    doc.font('Helvetica').fontSize(10).text(printable(line), left, y, { ellipsis: true, height: 14, lineBreak: false, width })
    y += 14
  }
  return y + 10
}

/** "n / N" centred in every page's bottom margin, written once the page count is known. */
function numberPages(doc: Doc): void {
  const { count, start } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    const label = `${index - start + 1} / ${count}`
    const bottomMargin = doc.page.margins.bottom
    // pdfkit opens a new page for text below the bottom margin: the margin is lifted while the footer is written.
    doc.page.margins.bottom = 0
    doc.font('Helvetica').fontSize(FONT_SIZE).fillColor('#555555')
    doc.text(label, (doc.page.width - doc.widthOfString(label)) / 2, doc.page.height - bottomMargin / 2 - FONT_SIZE / 2, { lineBreak: false })
    doc.page.margins.bottom = bottomMargin
  }
}

/** The PDF bytes of a report. */
export function pdfStream(columns: ReportColumn[], pages: RowPages, meta: ReportMeta): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({ bufferPages: true, info: { Creator: 'Atelier', Title: meta.title }, layout: 'landscape', margin: MARGIN, size: 'A4' })

  const produce = async () => {
    const table = tableLayout(doc, columns)
    const dateTimes = dateTimeFormat(meta.timezone)
    const bottom = doc.page.height - doc.page.margins.bottom
    let y = drawHeader(doc, table, drawTitle(doc, meta))
    let rowCount = 0
    for await (const page of pages) {
      for (const row of page) {
        if (y + ROW_HEIGHT > bottom) {
          doc.addPage()
          y = drawHeader(doc, table, doc.page.margins.top)
        }
        drawCells(
          doc,
          table,
          columns.map((column) => cellText(column, row, dateTimes)),
          y,
          true,
        )
        y += ROW_HEIGHT
        rowCount++
      }
      if (doc.destroyed) return
    }
    if (rowCount === 0) doc.font('Helvetica').fontSize(10).text('No data for this period.', doc.page.margins.left, y + 8, { lineBreak: false })
    numberPages(doc)
    doc.end()
  }

  return webStreamOf(doc, produce)
}
