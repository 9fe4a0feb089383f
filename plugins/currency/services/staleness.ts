// The stale-rate guard: a conversion never silently uses rates older than the allowed age. Pure.

const DAY_MS = 86_400_000

/** Whole days from the rates' publication date to `on` (a date or an instant), both read as UTC days. */
export function ageInDays(rateDate: string, on: Date | string): number {
  const day = (value: Date | string) => Date.parse(`${(typeof value === 'string' ? value : value.toISOString()).slice(0, 10)}T00:00:00Z`)
  return Math.round((day(on) - day(rateDate)) / DAY_MS)
}

/** Whether rates published on `rateDate` are too old to convert with on `on`. */
export const isStale = (rateDate: string, on: Date | string, maxAgeDays: number): boolean => ageInDays(rateDate, on) > maxAgeDays
