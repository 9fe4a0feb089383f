// The predefined reports: ordinary specs (nothing they do is out of reach of a saved one), each with the
// period it covers by default, counted in the studio's own days.
import type { ReportSpec } from './spec'

import { wallClockAt } from '../../../utilities/wallClock'

export type DefaultPeriod = 'last-12-months' | 'last-12-weeks'

export type PredefinedTemplate = {
  defaultPeriod: DefaultPeriod
  description: string
  key: string
  name: string
  /** Needs `reports:read-personal` (it names customers). */
  personal: boolean
  spec: Omit<ReportSpec, 'period' | 'tenant'>
}

export const PREDEFINED_TEMPLATES: PredefinedTemplate[] = [
  {
    defaultPeriod: 'last-12-months',
    description: 'Paid deposits, minus refunds, per month: what the studio took in.',
    key: 'revenue-by-month',
    name: 'Revenue by month',
    personal: false,
    spec: {
      aggregations: [
        { as: 'deposits', field: 'amount', fn: 'sum', where: { field: 'kind', op: 'eq', value: 'deposit' } },
        { as: 'refunds', field: 'amount', fn: 'sum', where: { field: 'kind', op: 'eq', value: 'refund' } },
        { as: 'net', field: 'amount', fn: 'sum' },
      ],
      groupBy: [{ bucket: 'month', field: 'at' }],
      source: 'revenue',
      title: 'Revenue by month',
    },
  },
  {
    defaultPeriod: 'last-12-weeks',
    description: 'Booked hours over opening hours, per room and week.',
    key: 'occupancy-by-room-week',
    name: 'Occupancy by room and week',
    personal: false,
    spec: {
      aggregations: [
        { as: 'bookedHours', field: 'bookedHours', fn: 'sum' },
        { as: 'openHours', field: 'openHours', fn: 'sum' },
        { as: 'occupancy', field: 'bookedHours', fn: 'ratio', over: 'openHours' },
      ],
      groupBy: [{ bucket: 'week', field: 'week' }, 'room'],
      source: 'occupancy',
      title: 'Occupancy by room and week',
    },
  },
  {
    defaultPeriod: 'last-12-months',
    description: 'Cancelled bookings per month of their date, with what was refunded for them.',
    key: 'cancellations-by-month',
    name: 'Cancellations by month',
    personal: false,
    spec: {
      aggregations: [{ as: 'cancellations', fn: 'count' }, { as: 'refunded', field: 'refunded', fn: 'sum' }],
      filters: { field: 'status', op: 'eq', value: 'cancelled' },
      groupBy: [{ bucket: 'month', field: 'start' }],
      source: 'bookings',
      title: 'Cancellations by month',
    },
  },
  {
    defaultPeriod: 'last-12-months',
    description: 'The customers who paid the most, with their bookings and refunds.',
    key: 'top-customers',
    name: 'Top customers by spend',
    personal: true,
    spec: {
      aggregations: [
        { as: 'bookings', fn: 'count' },
        { as: 'paid', field: 'amountPaid', fn: 'sum' },
        { as: 'refunded', field: 'refunded', fn: 'sum' },
      ],
      groupBy: ['customerEmail'],
      limit: 50,
      sort: [{ direction: 'desc', key: 'paid' }],
      source: 'bookings',
      title: 'Top customers by spend',
    },
  },
]

export const predefinedTemplate = (key: string) => PREDEFINED_TEMPLATES.find((template) => template.key === key)

const pad = (value: number) => String(value).padStart(2, '0')
const isoDate = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`

/** The period, as local dates with `to` excluded, ending with the current month or week in `timeZone`. */
export function defaultPeriodAt(kind: DefaultPeriod, timeZone: string, at = new Date()): { from: string; to: string } {
  const wall = wallClockAt(at.getTime(), timeZone)
  if (kind === 'last-12-months') {
    return { from: isoDate(new Date(Date.UTC(wall.year, wall.month - 12, 1))), to: isoDate(new Date(Date.UTC(wall.year, wall.month, 1))) }
  }
  const today = new Date(Date.UTC(wall.year, wall.month - 1, wall.day))
  const mondayOffset = (today.getUTCDay() + 6) % 7
  const nextMonday = new Date(today.getTime() + (7 - mondayOffset) * 86_400_000)
  return { from: isoDate(new Date(nextMonday.getTime() - 12 * 7 * 86_400_000)), to: isoDate(nextMonday) }
}
