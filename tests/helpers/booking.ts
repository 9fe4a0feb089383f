// Rooms, policies and public booking calls for the booking tests.
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

import type { Room, Tenant } from '../../payload-types'
import type { RestClient } from './rest'

import { formatInZone, zonedDateTimeToInstant } from '../../plugins/booking/services/zonedTime'

const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

export function createRoom(payload: Payload, tenant: Tenant, fields: Partial<Room> = {}): Promise<Room> {
  const suffix = randomBytes(3).toString('hex')
  return payload.create({
    collection: 'rooms',
    data: {
      active: true,
      bufferMinutes: 15,
      capacity: 4,
      hourlyRate: 3000,
      leadTimeMinutes: 60,
      maxMinutes: 240,
      minMinutes: 60,
      name: `Room ${suffix}`,
      openingHours: EVERY_DAY.map((weekday) => ({ closes: '21:00', opens: '09:00', weekday })),
      slotStepMinutes: 30,
      slug: `room-${suffix}`,
      tenant: tenant.id,
      ...fields,
    },
  })
}

/** The studio's default policy: 30 % deposit, auto-confirm, 30 min hold, full refund ≥ 7 days, half ≥ 48 h. */
export const createDefaultPolicy = (payload: Payload, tenant: Tenant) =>
  payload.create({
    collection: 'booking-policies',
    data: {
      autoConfirmOnDeposit: true,
      cancellationTiers: [
        { noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 },
        { noticeAmount: 48, noticeUnit: 'hours', refundPercent: 50 },
      ],
      depositPercent: 30,
      depositType: 'percentage',
      holdMinutes: 30,
      isDefault: true,
      name: 'Standard',
      tenant: tenant.id,
    },
  })

/** A local wall-clock time `daysAhead` days from now in the tenant's zone, as ISO 8601 with offset. */
export function localSlot(tenant: Pick<Tenant, 'timezone'>, daysAhead: number, time: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: tenant.timezone }).format(new Date())
  const date = new Date(Date.parse(`${today}T00:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10)
  return formatInZone(zonedDateTimeToInstant(date, time, tenant.timezone), tenant.timezone)
}

let nextAddress = 0
/** A new client address per call unless given, so the per-IP limit bites only where tested. */
export const anotherAddress = () => `172.${16 + (Math.floor(nextAddress / 250) % 16)}.${nextAddress++ % 250}.9`

export type CreatedBooking = {
  accessToken: string
  currency: string
  deposit: number
  end: string
  price: number
  ref: string
  start: string
  status: string
}

export async function book(rest: RestClient, body: Record<string, unknown>, ip = anotherAddress()) {
  const response = await rest.post('/public/booking', body, { headers: { 'X-Forwarded-For': ip } })
  return { body: (await response.json()) as CreatedBooking & { code?: string; errors?: { message: string; path?: string }[] }, status: response.status }
}

export const publicGet = (rest: RestClient, path: string, headers: Record<string, string> = {}) =>
  rest.get(path, { headers: { 'X-Forwarded-For': anotherAddress(), ...headers } })
