// The files and the templates through the real endpoints: 3,000 bookings (more than one cursor page) read
// back by csv-parse, exceljs and pdftotext; the export audited with its row count; the predefined templates
// on hand-computed data (revenue, occupancy in a DST week, cancellations, top customers); saved templates.
import { sql } from '@payloadcms/db-postgres'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Db = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
type Rows = Record<string, unknown>[]

const ROWS = 3_000
const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

describe('reports: files and templates', () => {
  let app: TestApp
  let studio: Tenant
  let room: Room
  let owner: string
  let admin: string
  let staff: string
  const db = () => app.payload.db.drizzle as unknown as Db
  const listing = { fields: ['ref', 'start', 'customerName', 'price'], sort: [{ key: 'ref' }], source: 'bookings' }

  const download = async (format: string, spec: Record<string, unknown>, token = owner) => {
    const response = await app.rest.post(`/reports/build?format=${format}`, spec, { token })
    return { body: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') ?? '', status: response.status, type: response.headers.get('content-type') }
  }
  const template = async (id: number | string, query: string, token = owner) => {
    const response = await app.rest.get(`/reports/templates/${id}/build?${query}`, { token })
    return { body: (await response.json()) as { chart: { kind: string; series: { key: string }[] }; columns: { key: string; label: string }[]; rows: Rows; totals: Rows }, status: response.status }
  }

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload, { name: 'Ledger Lane', timezone: 'Europe/Paris' })
    room = await createRoom(app.payload, studio, { name: 'Main', openingHours: EVERY_DAY.map((weekday) => ({ closes: '21:00', opens: '09:00', weekday })) })
    // Booking n: n hours before 2026-01-01, one hour each, "=cmd" names on every 500th (a formula attempt).
    await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid)
      select ${studio.id}, 'X' || lpad(n::text, 5, '0'), ${room.id}, case when n % 500 = 0 then '=cmd' else 'Guest ' || n end, 'g' || n || '@example.com',
        timestamptz '2026-01-01T00:00:00Z' - n * interval '1 hour', timestamptz '2026-01-01T00:00:00Z' - n * interval '1 hour' + interval '50 minutes',
        timestamptz '2026-01-01T00:00:00Z' - n * interval '1 hour' + interval '50 minutes', 'completed', 'public', 1000 + n, 0, 'EUR', 0
      from generate_series(1, ${ROWS}) as n`)
    owner = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant: studio }])).email, PASSWORD)
    admin = await app.rest.login((await createUser(app.payload, [{ role: 'admin', tenant: studio }])).email, PASSWORD)
    staff = await app.rest.login((await createUser(app.payload, [{ role: 'staff', tenant: studio }])).email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('streams a CSV of every row, formula-safe, named after the report and period, and audits it', async () => {
    const file = await download('csv', { ...listing, period: { from: '2025-01-01', to: '2026-01-02' }, title: 'All bookings' })
    expect(file.status).toBe(200)
    expect(file.disposition).toBe('attachment; filename="all-bookings_2025-01-01_2026-01-01.csv"')
    const records = parse(file.body, { columns: true }) as Record<string, string>[]
    expect(records).toHaveLength(ROWS)
    expect(records[0]).toEqual({ Currency: 'EUR', 'Customer name': 'Guest 1', Price: '10.01', Reference: 'X00001', Start: '2025-12-31T23:00:00.000Z' })
    expect(records[499]!['Customer name']).toBe("'=cmd")
    expect(records.at(-1)!.Reference).toBe('X03000')
    const { rows } = await db().execute(sql`select row_count from audit_logs where action = 'export' and collection = 'reports' and tenant_id = ${studio.id}`)
    expect(rows.map((row) => Number(row.row_count))).toContain(ROWS)
  })

  it('writes an XLSX with typed cells, a frozen filtered header and totals that add up', async () => {
    const file = await download('xlsx', { aggregations: [{ field: 'price', fn: 'sum' }, { fn: 'count' }], groupBy: [{ bucket: 'month', field: 'start' }], source: 'bookings' })
    expect(file.type).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.getRow(1).values).toEqual([undefined, 'Start (Month)', 'Currency', 'Total price', 'Count'])
    const body: unknown[][] = []
    sheet.eachRow((row, number) => number > 1 && body.push((row.values as unknown[]).slice(1)))
    expect(body[0]![0]).toBeInstanceOf(Date)
    expect(typeof body[0]![2]).toBe('number')
    expect(sheet.getRow(2).getCell(3).numFmt).toContain('EUR')
    // Prices 1001 … 4000 cents: (1001 + 4000) × 3000 / 2 = 7,501,500 cents.
    expect(body.reduce((sum, row) => sum + (row[2] as number), 0)).toBeCloseTo(75_015, 6)
    expect(body.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(ROWS)
  })

  it('writes a PDF whose every page has the header, and whose last page has the last row', async () => {
    const file = await download('pdf', { ...listing, title: 'Ledger' })
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atelier-report-'))
    writeFileSync(path.join(dir, 'report.pdf'), file.body)
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim())
    expect(pages.length).toBeGreaterThan(10)
    for (const page of pages) expect(page).toMatch(/Reference\s+Start\s+Customer name\s+Price/)
    expect(pages[0]).toContain('Ledger Lane')
    expect(pages[0]).toContain('Europe/Paris')
    expect(pages.at(-1)).toContain('X03000')
    expect(pages.at(-1)).toMatch(new RegExp(`${pages.length} ?/ ?${pages.length}`))
  })

  it('needs reports:export for a file, reports:read for JSON', async () => {
    expect((await download('csv', listing, staff)).status).toBe(403)
    expect((await app.rest.post('/reports/build', listing, { token: staff })).status).toBe(403)
    // Customer names are personal data: an admin exports without them (reports:read-personal is the owner's).
    expect((await download('csv', listing, admin)).status).toBe(403)
    expect((await download('csv', { ...listing, fields: ['ref', 'start', 'price'] }, admin)).status).toBe(200)
    // Refunds are read as payments (their RBAC resource): an admin, who reads payments, runs the revenue report.
    expect((await template('revenue-by-month', `tenant=${studio.id}`, admin)).status).toBe(200)
    expect((await template('revenue-by-month', `tenant=${studio.id}`, staff)).status).toBe(403)
  })

  it('runs the predefined templates on hand-computed data', async () => {
    const list = await app.rest.get(`/reports/templates?tenant=${studio.id}`, { token: owner })
    const { templates } = (await list.json()) as { templates: { key: string }[] }
    expect(templates.map((entry) => entry.key)).toEqual(['revenue-by-month', 'occupancy-by-room-week', 'cancellations-by-month', 'top-customers'])

    const booking = async (ref: string, start: string, hours: number, status: string) =>
      (await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid)
        values (${studio.id}, ${ref}, ${room.id}, 'Zoe', 'zoe@example.com', ${start}, ${start}::timestamptz + ${hours} * interval '1 hour', ${start}::timestamptz + ${hours} * interval '1 hour', ${status}, 'public', 5000, 1500, 'EUR', 1500) returning id`)).rows[0]!.id as number
    // The week of Monday 23 March 2026 in Paris loses an hour on Sunday 29 (02:00 → 03:00), outside opening hours:
    // open 12 h × 7 = 84 h. Booked: 2 h on Tuesday and 3 h on Saturday.
    const kept = await booking('T-1', '2026-03-24T09:00:00Z', 2, 'confirmed')
    await booking('T-2', '2026-03-28T10:00:00Z', 3, 'completed')
    const cancelled = await booking('T-3', '2026-03-25T12:00:00Z', 1, 'cancelled')
    const occupancy = await template('occupancy-by-room-week', `tenant=${studio.id}&from=2026-03-23&to=2026-03-30`)
    expect(occupancy.body.rows).toEqual([{ bookedHours: 5, occupancy: Math.round((5 / 84) * 10_000) / 10_000, openHours: 84, room: 'Main', weekWeek: '2026-03-23' }])

    const paid = (await db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at) values
      (${studio.id}, ${kept}, 'cs-t1', 1500, 'EUR', 'paid', '2026-03-20T10:00:00Z'), (${studio.id}, ${cancelled}, 'cs-t3', 1500, 'EUR', 'paid', '2026-03-31T21:30:00Z'),
      (${studio.id}, ${cancelled}, 'cs-t3-open', 9999, 'EUR', 'open', null) returning id`)).rows
    await db().execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at) values
      (${studio.id}, ${paid[1]!.id as number}, ${cancelled}, 'rf-t3', 1000, 'EUR', 'cancellation', 'succeeded', '2026-04-02T08:00:00Z')`)
    // 31 March 21:30Z is 23:30 in Paris: still March.
    const revenue = await template('revenue-by-month', `tenant=${studio.id}&from=2026-03-01&to=2026-05-01`)
    expect(revenue.body.rows).toEqual([
      { atMonth: '2026-03-01', currency: 'EUR', deposits: 3000, net: 3000, refunds: 0 },
      { atMonth: '2026-04-01', currency: 'EUR', deposits: 0, net: -1000, refunds: -1000 },
    ])
    expect(revenue.body.totals).toEqual([{ currency: 'EUR', deposits: 3000, net: 2000, refunds: -1000 }])
    // Renamed columns carry their own labels; one currency splits nothing, so each figure is a line.
    expect(revenue.body.columns.map((column) => column.label)).toEqual(['At (Month)', 'Currency', 'Deposits', 'Refunds', 'Net'])
    expect(revenue.body.chart).toMatchObject({ kind: 'line', x: 'atMonth' })
    expect(revenue.body.chart.series.map((series) => series.key)).toEqual(['deposits', 'refunds', 'net'])

    const cancellations = await template('cancellations-by-month', `tenant=${studio.id}&from=2026-03-01&to=2026-04-01`)
    expect(cancellations.body.rows).toEqual([{ cancellations: 1, currency: 'EUR', refunded: 1000, startMonth: '2026-03-01' }])

    const top = await template('top-customers', `tenant=${studio.id}&from=2026-03-01&to=2026-04-01`)
    expect(top.body.rows[0]).toEqual({ bookings: 3, currency: 'EUR', customerEmail: 'zoe@example.com', paid: 4500, refunded: 1000 })
    expect((await template('top-customers', `tenant=${studio.id}`, admin)).status).toBe(403)
    expect((await template('no-such-report', `tenant=${studio.id}`)).status).toBe(404)
  })

  it('saves a studio’s own report and runs it for that studio only', async () => {
    const other = await createTenant(app.payload)
    const saved = await app.rest.post('/reports/templates/saved', { name: 'Prices by month', spec: { aggregations: [{ field: 'price', fn: 'max' }], groupBy: [{ bucket: 'year', field: 'start' }], source: 'bookings' } }, { token: owner })
    expect(saved.status).toBe(201)
    const { doc } = (await saved.json()) as { doc: { id: number; tenant: number } }
    expect(doc.tenant).toBe(studio.id)
    const run = await template(doc.id, 'from=2025-01-01&to=2026-01-01')
    expect(run.body.rows).toEqual([{ currency: 'EUR', maxPrice: 4000, startYear: '2025-01-01' }])
    expect((await template(doc.id, `tenant=${other.id}`)).status).toBe(400)
    expect((await app.rest.post('/reports/templates/saved', { name: 'Elsewhere', spec: { source: 'rooms' }, tenant: other.id }, { token: owner })).status).toBe(404)
    expect((await app.rest.post('/reports/templates/saved', { name: 'Bad', spec: { source: 'rooms', tenant: studio.id } }, { token: owner })).status).toBe(400)
    expect((await app.rest.post('/reports/templates/saved', { name: 'Bad', spec: { fields: ['nope'], source: 'rooms' } }, { token: owner })).status).toBe(400)
  })
})
