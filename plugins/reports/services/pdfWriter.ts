// A report as a PDF table (A4 landscape, built-in Helvetica): a title block, a header row repeated on every
// page, and "n / N" footers. Every row is one line of fixed height, so the page count follows from the row
// count, known before the first row is drawn: each page is written out as it fills, and neither rows nor pages
// are held (pdfkit's bufferPages kept every page until the end: ~0.9 GB of heap for 60,000 rows).
import type { ReportColumn, ReportMeta, ReportRow, RowPages } from '../types'

import PDFDocument from 'pdfkit'
import { setTimeout as sleep } from 'node:timers/promises'

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
const HEADER_HEIGHT = ROW_HEIGHT
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
  doc.save().rect(left, y, width, HEADER_HEIGHT).fill('#e6e6e6').restore()
  doc.font('Helvetica-Bold').fontSize(FONT_SIZE).fillColor('black')
  drawCells(
    doc,
    table,
    table.map((placed) => placed.column.label),
    y,
    false,
  )
  doc.font('Helvetica')
  return y + HEADER_HEIGHT
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

/** Rows that fit between `top` and `bottom`, one line each. */
const rowsBetween = (top: number, bottom: number): number => Math.max(0, Math.floor((bottom - top) / ROW_HEIGHT + 1e-9))

/** The pages of `rows` rows: `first` on the first page, `later` on each other; no rows is one page. */
const pageCountFor = (rows: number, first: number, later: number): number => (rows <= first ? 1 : 1 + Math.ceil((rows - first) / later))

/** "n / N" centred in the current page's bottom margin; written before the page is left, as it is not kept. */
function numberPage(doc: Doc, number: number, count: number): void {
  const label = `${number} / ${count}`
  const bottomMargin = doc.page.margins.bottom
  // pdfkit opens a new page for text below the bottom margin: the margin is lifted while the footer is written.
  doc.page.margins.bottom = 0
  doc.font('Helvetica').fontSize(FONT_SIZE).fillColor('#555555')
  doc.text(label, (doc.page.width - doc.widthOfString(label)) / 2, doc.page.height - bottomMargin / 2 - FONT_SIZE / 2, { lineBreak: false })
  doc.page.margins.bottom = bottomMargin
  doc.fillColor('black')
}

/** Past this, output the reader has not taken yet holds back the next page of rows. */
const MAX_UNREAD_BYTES = 256 * 1024

/**
 * Resolves once the reader has taken most of what was written, or has gone. pdfkit pushes without regard for
 * its reader: without this wait a fast row source would pile the whole file up for a slow client.
 */
async function readerCaughtUp(doc: Doc): Promise<void> {
  while (!doc.destroyed && doc.readableLength > MAX_UNREAD_BYTES) await sleep(5)
}

/** Whether a row count that disagrees with the rows written fails the file (outside production). */
const checksRowCount = () => process.env.NODE_ENV !== 'production'

/**
 * The PDF bytes of a report. `rowCount` is the number of rows `pages` yields, read in the same snapshot: it
 * is awaited once the first page has been read (a cursor counts before it yields), and sets the "N" of the
 * footers. Outside production, rows that differ from it fail the file.
 */
export function pdfStream(columns: ReportColumn[], pages: RowPages, meta: ReportMeta, rowCount: Promise<number>): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({ bufferPages: false, info: { Creator: 'Atelier', Title: meta.title }, layout: 'landscape', margin: MARGIN, size: 'A4' })

  const produce = async () => {
    const table = tableLayout(doc, columns)
    const dateTimes = dateTimeFormat(meta.timezone)
    const bottom = doc.page.height - doc.page.margins.bottom
    // Every page has the same size and margins: a later page's table starts below the header alone.
    let tableTop = drawHeader(doc, table, drawTitle(doc, meta))
    let capacity = rowsBetween(tableTop, bottom)
    const laterCapacity = rowsBetween(doc.page.margins.top + HEADER_HEIGHT, bottom)
    if (laterCapacity < 1) throw new Error('The PDF page has no room for a row below its header.')

    const source = pages[Symbol.asyncIterator]()
    let exhausted = false
    try {
      // The first page of rows before the count: the cursor counts in its snapshot, then yields.
      let next = await source.next()
      const total = await rowCount
      const pageCount = pageCountFor(total, capacity, laterCapacity)
      let pageNumber = 1
      let onPage = 0
      let written = 0
      while (!next.done) {
        for (const row of next.value) {
          if (onPage === capacity) {
            numberPage(doc, pageNumber, pageCount)
            // Writes the finished page out (bufferPages is off): it is not kept.
            doc.addPage()
            pageNumber++
            tableTop = drawHeader(doc, table, doc.page.margins.top)
            capacity = laterCapacity
            onPage = 0
          }
          drawCells(
            doc,
            table,
            columns.map((column) => cellText(column, row, dateTimes)),
            tableTop + onPage * ROW_HEIGHT,
            true,
          )
          onPage++
          written++
        }
        if (written > total && checksRowCount()) throw new Error(`The PDF has more rows than the ${total} counted: its page numbers would be wrong.`)
        await readerCaughtUp(doc)
        if (doc.destroyed) return
        next = await source.next()
      }
      exhausted = true
      if (written !== total && checksRowCount()) throw new Error(`The PDF has ${written} rows, not the ${total} counted: its page numbers would be wrong.`)
      if (written === 0) doc.font('Helvetica').fontSize(10).text('No data for this period.', doc.page.margins.left, tableTop + 8, { lineBreak: false })
      numberPage(doc, pageNumber, pageCount)
      doc.end()
    } finally {
      // Stopped early (the reader went away, or a failure): the source closes (a cursor gives back its connection).
      if (!exhausted) await Promise.resolve(source.return?.()).catch(() => undefined)
    }
  }

  return webStreamOf(doc, produce)
}
