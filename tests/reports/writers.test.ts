// The report file writers, read back with real parsers: csv-parse, exceljs's reader, poppler's pdftotext.
import type { ReportColumn, ReportMeta, ReportRow, RowPages } from '../../plugins/reports/types'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { execFile } from 'node:child_process'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { csvStream } from '../../plugins/reports/services/csvWriter'
import { reportFileName } from '../../plugins/reports/services/fileName'
import { minorToDecimalString } from '../../plugins/reports/services/money'
import { pdfStream } from '../../plugins/reports/services/pdfWriter'
import { xlsxStream } from '../../plugins/reports/services/xlsxWriter'

const run = promisify(execFile)

const columns: ReportColumn[] = [
  { key: 'month', label: 'Month', type: 'date' },
  { key: 'client', label: 'Client', type: 'string' },
  { key: 'note', label: 'Note', type: 'string' },
  { key: 'currency', label: 'Currency', type: 'string' },
  { currencyKey: 'currency', key: 'revenue', label: 'Revenue', type: 'money' },
  { key: 'bookings', label: 'Bookings', type: 'number' },
  { key: 'firstBooking', label: 'First booking', type: 'datetime' },
  { key: 'paid', label: 'Paid', type: 'boolean' },
]

const rows: ReportRow[] = [
  { bookings: 3, client: 'Dupont, "Léa"\nand co', currency: 'EUR', firstBooking: '2026-01-05T08:30:00.000Z', month: '2026-01-01', note: 'plain', paid: true, revenue: 4000 },
  { bookings: 1, client: 'Sato', currency: 'JPY', firstBooking: '2026-01-09T23:15:00.000Z', month: '2026-01-01', note: '=1+1', paid: false, revenue: 1500 },
  { bookings: 2, client: 'Refunds', currency: 'EUR', firstBooking: null, month: '2026-02-01', note: '@SUM(A1:A2)', paid: null, revenue: -1250 },
  { bookings: 0, client: 'Al-Sabah', currency: 'KWD', firstBooking: '2026-07-01T10:00:00.000Z', month: '2026-07-01', note: '+33 1 23', paid: true, revenue: 1500 },
  { bookings: 12, client: 'Big spender', currency: 'EUR', firstBooking: '2026-03-01T12:00:00.000Z', month: '2026-03-01', note: null, paid: true, revenue: 123456789012345 },
]

const meta: ReportMeta = { period: { from: '2026-01-01', to: '2027-01-01' }, studio: 'Studio Lumière', timezone: 'Europe/Paris', title: 'Revenue by month' }

/** The rows in pages of `size`, as a cursor yields them; `reads` counts pages handed out, `closed` the cleanup. */
function paged(all: ReportRow[], size: number) {
  const state = { closed: false, reads: 0 }
  async function* pages(): AsyncGenerator<ReportRow[]> {
    try {
      for (let start = 0; start < all.length; start += size) {
        state.reads++
        yield all.slice(start, start + size)
      }
    } finally {
      state.closed = true
    }
  }
  return { pages: pages() as RowPages, state }
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer())

describe('minorToDecimalString', () => {
  it('places the decimal point by the currency’s exponent, exactly', () => {
    expect(minorToDecimalString(4000, 'EUR')).toBe('40.00')
    expect(minorToDecimalString(-1250, 'EUR')).toBe('-12.50')
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05')
    expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05')
    expect(minorToDecimalString(-0, 'EUR')).toBe('0.00')
    expect(minorToDecimalString(1500, 'JPY')).toBe('1500')
    expect(minorToDecimalString(1500, 'KWD')).toBe('1.500')
    expect(minorToDecimalString(900_719_925_474_099, 'EUR')).toBe('9007199254740.99')
    expect(minorToDecimalString(1999, '')).toBe('19.99')
    // An average between minor units: the nearest one.
    expect(minorToDecimalString(1234.5, 'EUR')).toBe('12.35')
  })
})

describe('reportFileName', () => {
  it('is the title slug and the inclusive period', () => {
    expect(reportFileName(meta, 'xlsx')).toBe('revenue-by-month_2026-01-01_2026-12-31.xlsx')
    expect(reportFileName({ ...meta, period: { from: '2026-03-01', to: '2026-03-02' } }, 'pdf')).toBe('revenue-by-month_2026-03-01_2026-03-01.pdf')
  })

  it('says all-time for an unbounded period', () => {
    expect(reportFileName({ ...meta, period: null }, 'csv')).toBe('revenue-by-month_all-time.csv')
  })

  it('keeps to ASCII a header can carry', () => {
    expect(reportFileName({ ...meta, period: null, title: 'Café "Straße" / Œuvres; 50%' }, 'csv')).toBe('cafe-strasse-oeuvres-50_all-time.csv')
    expect(reportFileName({ ...meta, period: null, title: '売上' }, 'json')).toBe('report_all-time.json')
    expect(reportFileName({ ...meta, title: 'x'.repeat(300) }, 'csv')).toMatch(/^x{80}_2026-01-01_2026-12-31\.csv$/)
  })
})

describe('csvStream', () => {
  it('writes the header and every row, money as exact decimals, text guarded against formulas', async () => {
    const { pages, state } = paged(rows, 2)
    const records = parse((await bytesOf(csvStream(columns, pages))).toString('utf8')) as string[][]
    expect(records[0]).toEqual(columns.map((column) => column.label))
    expect(records).toHaveLength(rows.length + 1)
    expect(records[1]).toEqual(['2026-01-01', 'Dupont, "Léa"\nand co', 'plain', 'EUR', '40.00', '3', '2026-01-05T08:30:00.000Z', 'true'])
    expect(records[2]).toEqual(['2026-01-01', 'Sato', "'=1+1", 'JPY', '1500', '1', '2026-01-09T23:15:00.000Z', 'false'])
    expect(records[3]?.slice(2, 5)).toEqual(["'@SUM(A1:A2)", 'EUR', '-12.50'])
    expect(records[3]?.slice(6)).toEqual(['', ''])
    expect(records[4]?.slice(2, 5)).toEqual(["'+33 1 23", 'KWD', '1.500'])
    expect(records[5]?.[4]).toBe('1234567890123.45')
    expect(state.closed).toBe(true)
  })

  it('reads a page only when the consumer asks for more, and closes the source on cancel', async () => {
    const { pages, state } = paged(rows, 1)
    const reader = csvStream(columns, pages).getReader()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(state.reads).toBe(0)
    await reader.read() // the header
    await reader.read()
    await reader.read()
    expect(state.reads).toBe(2)
    await reader.cancel()
    expect(state.closed).toBe(true)
  })
})

/** Pages that fail after the first, as a cursor whose connection drops. */
async function* failing(): AsyncGenerator<ReportRow[]> {
  yield rows.slice(0, 2)
  throw new Error('connection lost')
}

describe('a row source that fails', () => {
  it('errors the file stream instead of ending it as if complete', async () => {
    await expect(bytesOf(csvStream(columns, failing()))).rejects.toThrow('connection lost')
    await expect(bytesOf(xlsxStream(columns, failing(), meta))).rejects.toThrow('connection lost')
    await expect(bytesOf(pdfStream(columns, failing(), meta, Promise.resolve(4)))).rejects.toThrow('connection lost')
  })
})

describe('xlsxStream', () => {
  it('writes one typed sheet with a bold, frozen, filtered header', async () => {
    const { pages } = paged(rows, 2)
    const workbook = new ExcelJS.Workbook()
    // exceljs's own Buffer type predates Node's generic one.
    await workbook.xlsx.load((await bytesOf(xlsxStream(columns, pages, { ...meta, title: 'Revenue: by month [2026] / all studios?' }))) as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets).toHaveLength(1)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('Revenue by month 2026 all studi')
    expect(sheet.name.length).toBeLessThanOrEqual(31)
    expect(sheet.rowCount).toBe(rows.length + 1)

    const header = sheet.getRow(1)
    expect(columns.map((_, index) => header.getCell(index + 1).value)).toEqual(columns.map((column) => column.label))
    expect(header.getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()

    const euros = sheet.getRow(2).getCell(5)
    expect(euros.type).toBe(ExcelJS.ValueType.Number)
    expect(euros.value).toBe(40)
    expect(euros.numFmt).toBe('#,##0.00 [$EUR]')
    expect(sheet.getRow(3).getCell(5).value).toBe(1500)
    expect(sheet.getRow(3).getCell(5).numFmt).toBe('#,##0 [$JPY]')
    expect(sheet.getRow(4).getCell(5).value).toBe(-12.5)
    expect(sheet.getRow(5).getCell(5).numFmt).toBe('#,##0.000 [$KWD]')
    expect(sheet.getRow(6).getCell(5).value).toBe(1234567890123.45)

    const month = sheet.getRow(2).getCell(1)
    expect(month.value).toBeInstanceOf(Date)
    expect((month.value as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(month.numFmt).toBe('yyyy-mm-dd')
    // 08:30 UTC is 09:30 in Paris: the sheet shows the studio's wall clock.
    const firstBooking = sheet.getRow(2).getCell(7)
    expect((firstBooking.value as Date).toISOString()).toBe('2026-01-05T09:30:00.000Z')
    expect(firstBooking.numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(sheet.getRow(2).getCell(6).value).toBe(3)
    expect(sheet.getRow(2).getCell(8).value).toBe(true)
    expect(sheet.getRow(4).getCell(8).value).toBeNull()

    const formulaLike = sheet.getRow(3).getCell(3)
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String)
    expect(formulaLike.value).toBe('=1+1')
    expect(formulaLike.formula).toBeUndefined()
    expect(sheet.getRow(2).getCell(2).value).toBe('Dupont, "Léa"\nand co')
  })

  it('writes the header alone for no rows', async () => {
    const { pages } = paged([], 10)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await bytesOf(xlsxStream(columns, pages, meta))) as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets[0]?.rowCount).toBe(1)
  })

  it('stays behind a reader that stops, and closes the source when it cancels', async () => {
    const many = Array.from({ length: 200_000 }, (_, index) => ({ ...rows[index % rows.length]!, client: `Client ${index} ${'x'.repeat(40)}` }))
    const { pages, state } = paged(many, 500)
    const reader = xlsxStream(columns, pages, meta).getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(state.reads).toBeLessThan(400)
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.closed).toBe(true)
  })
})

describe('pdfStream', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'atelier-report-pdf-'))
  })
  afterAll(async () => {
    await rm(folder, { force: true, recursive: true })
  })

  /** The PDF's text, page by page, and the page count poppler reads from its structure. */
  async function readPdf(name: string, stream: ReadableStream<Uint8Array>) {
    const file = path.join(folder, name)
    await writeFile(file, await bytesOf(stream))
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
    const { stdout: info } = await run('pdfinfo', [file])
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    // pdftotext ends every page with a form feed.
    return { pageCount, pages: text.split('\f').slice(0, -1) }
  }

  it('opens with the title block and formats cells for reading', async () => {
    const long = { ...rows[0]!, client: `A client with a name far too long for its column ${'and more '.repeat(20)}END` }
    const { pages } = paged([...rows, long], 2)
    const pdf = await readPdf('small.pdf', pdfStream(columns, pages, meta, Promise.resolve(rows.length + 1)))
    expect(pdf.pageCount).toBe(1)
    const [first] = pdf.pages
    expect(first).toContain('Revenue by month')
    expect(first).toContain('Studio Lumière')
    expect(first).toContain('1 Jan 2026 – 31 Dec 2026')
    expect(first).toContain('Time zone: Europe/Paris')
    expect(first).toContain('€40.00')
    expect(first).toContain('-€12.50')
    expect(first).toContain('JP¥1,500')
    expect(first).toContain('KWD 1.500')
    expect(first).toContain('€1,234,567,890,123.45')
    expect(first).toContain('5 Jan 2026, 09:30')
    expect(first).toContain('=1+1')
    expect(first).toContain('A client with a name')
    expect(first).toContain('…')
    expect(first).not.toContain('END')
    // pdftotext drops the spaces of the small footer: "1/1".
    expect(first).toMatch(/^\s*1 ?\/ ?1\s*$/m)
  })

  it('paginates 1,500 rows with the header and "n / N" on every page, and no blank page', async () => {
    const many = Array.from({ length: 1500 }, (_, index) => ({ ...rows[index % rows.length]!, client: `Client ${index + 1}` }))
    const { pages, state } = paged(many, 100)
    const pdf = await readPdf('many.pdf', pdfStream(columns, pages, { ...meta, period: null }, Promise.resolve(many.length)))
    const total = pdf.pages.length
    expect(total).toBe(pdf.pageCount)
    expect(total).toBeGreaterThan(30)
    expect(pdf.pages[0]).toContain('All time')
    pdf.pages.forEach((text, index) => {
      expect(text).toMatch(/Month\s+Client\s+Note\s+Currency\s+Revenue\s+Bookings\s+First booking\s+Paid/)
      expect(text).toMatch(new RegExp(`^\\s*${index + 1} ?/ ?${total}\\s*$`, 'm'))
      expect(text).toMatch(/Client \d+/)
    })
    expect(pdf.pages.at(-1)).toContain('Client 1500')
    const written = pdf.pages.join('').match(/Client \d+/g) ?? []
    expect(written).toHaveLength(1500)
    expect(state.closed).toBe(true)
  })

  it('closes the row source when the reader cancels', async () => {
    const many = Array.from({ length: 50_000 }, (_, index) => ({ ...rows[index % rows.length]!, client: `Client ${index}` }))
    const { pages, state } = paged(many, 100)
    const reader = pdfStream(columns, pages, meta, Promise.resolve(many.length)).getReader()
    await reader.read()
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.closed).toBe(true)
    expect(state.reads).toBeLessThan(500)
  })

  it('stays behind a reader that stops, and closes the source when it cancels', async () => {
    const many = Array.from({ length: 100_000 }, (_, index) => ({ ...rows[index % rows.length]!, client: `Client ${index}` }))
    const { pages, state } = paged(many, 100)
    const reader = pdfStream(columns, pages, meta, Promise.resolve(many.length)).getReader()
    await reader.read()
    // ~70 bytes of PDF a row: 256 KB unread is a few thousand rows; a writer that ignored the reader would
    // have drawn ~10,000 rows by now.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(state.reads).toBeLessThan(80)
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.closed).toBe(true)
  })

  it('fails the file when the rows written are not the rows counted (the page numbers would be wrong)', async () => {
    const many = Array.from({ length: 100 }, (_, index) => ({ ...rows[index % rows.length]!, client: `Client ${index}` }))
    await expect(bytesOf(pdfStream(columns, paged(many, 10).pages, meta, Promise.resolve(99)))).rejects.toThrow(/more rows than the 99 counted/)
    await expect(bytesOf(pdfStream(columns, paged(many, 10).pages, meta, Promise.resolve(101)))).rejects.toThrow(/100 rows, not the 101 counted/)
  })

  it('writes 60,000 rows with the heap flat: pages are written out as they fill, not kept', async () => {
    const total = 60_000
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const before = process.memoryUsage().heapUsed
    let peak = before
    const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
    // Made a page at a time, as a cursor fetches them: the test holds no rows either. The heap is sampled as
    // each page is asked for, while the writer works (a timer would not fire between pages that need no I/O).
    async function* generated(): AsyncGenerator<ReportRow[]> {
      for (let start = 0; start < total; start += 2000) {
        sample()
        yield Array.from({ length: Math.min(2000, total - start) }, (_, offset) => ({ ...rows[(start + offset) % rows.length]!, client: `Client ${start + offset + 1}` }))
      }
    }
    const file = path.join(folder, 'large.pdf')
    const handle = await open(file, 'w')
    try {
      const reader = pdfStream(columns, generated(), { ...meta, period: null }, Promise.resolve(total)).getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        await handle.write(chunk.value)
        sample()
      }
    } finally {
      await handle.close()
    }
    // With every page buffered until the end (bufferPages), this grew by ~900 MB; streamed, ~30 MB.
    expect(peak - before).toBeLessThan(150e6)

    const { stdout: info } = await run('pdfinfo', [file])
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    expect(pageCount).toBeGreaterThan(1500)
    const { stdout: last } = await run('pdftotext', ['-layout', '-f', String(pageCount), '-l', String(pageCount), file, '-'])
    expect(last).toMatch(new RegExp(`^\\s*${pageCount} ?/ ?${pageCount}\\s*$`, 'm'))
    expect(last).toContain(`Client ${total}`)
    // About 13 s alone; the heap is what is asserted, so a busy machine (two workers, children of other files)
    // gets room rather than a timeout.
  }, 120_000)

  it('says so when there are no rows', async () => {
    const { pages } = paged([], 10)
    const pdf = await readPdf('empty.pdf', pdfStream(columns, pages, meta, Promise.resolve(0)))
    expect(pdf.pageCount).toBe(1)
    expect(pdf.pages[0]).toMatch(/Month\s+Client/)
    expect(pdf.pages[0]).toContain('No data for this period.')
    expect(pdf.pages[0]).toMatch(/^\s*1 ?\/ ?1\s*$/m)
  })
})
