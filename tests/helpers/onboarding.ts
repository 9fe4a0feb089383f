// Valid step data and error readers for PATCH /api/onboarding, shared by the onboarding tests.
import { expect } from 'vitest'

export const WELCOME = { name: 'Atelier Lumière', defaultCurrency: 'JPY', timezone: 'Asia/Tokyo' }
export const ROOM = { name: 'Studio Lumière', capacity: 3, hourlyRate: 4500 }
export const PRICING = {
  cancellationTiers: [{ noticeAmount: 3, noticeUnit: 'days', refundPercent: 80 }],
  depositAmount: 1000,
  depositType: 'fixed',
  holdMinutes: 45,
}

export type ErrorBody = { code?: string; errors: { message: string; path?: string }[]; tenants?: { id: number; name: string }[] }

/** The error body of `response`, which must have `status` (the body shows in the failure message). */
export async function errorsOf(response: Response, status = 400): Promise<ErrorBody> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  return JSON.parse(text) as ErrorBody
}

/** The field paths a 400 names, sorted. */
export const pathsOf = async (response: Response) => (await errorsOf(response)).errors.map((entry) => entry.path).sort()
