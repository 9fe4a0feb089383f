// A report as CSV: a header row of labels, then the rows, read one page at a time as the client reads.
import type { ReportColumn, ReportRow, RowPages } from '../types'

import { csvField, csvRow } from '../../../utilities/csv'
import { minorToDecimalString, moneyCurrency } from './money'

/** One cell. Money is its exact major-unit decimal ("40.00", "-12.50", "1500" for JPY). */
function csvCell(column: ReportColumn, row: ReportRow): string {
  const value = row[column.key]
  // csvField would take "-12.50" for a formula and prefix a quote; a decimal of digits is data, written bare
  // as csvField writes the number -5.
  if (column.type === 'money' && typeof value === 'number') return minorToDecimalString(value, moneyCurrency(column, row))
  return csvField(value)
}

const csvLine = (columns: ReportColumn[], row: ReportRow): string => `${columns.map((column) => csvCell(column, row)).join(',')}\r\n`

/** The CSV bytes of a report. Cancelling the stream closes the row source (its cursor) through `return()`. */
export function csvStream(columns: ReportColumn[], pages: RowPages): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let rowPages: AsyncIterator<ReportRow[]> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async cancel(reason) {
        await rowPages?.return?.(reason)
      },
      async pull(controller) {
        if (!rowPages) {
          rowPages = pages[Symbol.asyncIterator]()
          controller.enqueue(encoder.encode(csvRow(columns.map((column) => column.label))))
          return
        }
        for (;;) {
          const page = await rowPages.next()
          if (page.done) return controller.close()
          // An empty page is no chunk: read on rather than hand the consumer nothing.
          if (page.value.length === 0) continue
          controller.enqueue(encoder.encode(page.value.map((row) => csvLine(columns, row)).join('')))
          return
        }
      },
    },
    // No queue ahead of the consumer: the next page is read only when it asks for more.
    { highWaterMark: 0 },
  )
}
