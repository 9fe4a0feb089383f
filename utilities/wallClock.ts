// The wall clock of a time zone at an instant: what a clock on the studio's wall reads. Pure; runs in the
// browser too (the admin's scheduled dark mode).

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number }

// Building a formatter costs far more than using one: keep one per zone for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      month: '2-digit',
      second: '2-digit',
      timeZone,
      year: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Year, month (1–12), day, hour (0–23), minute and second in `timeZone` at `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const wall: WallClock = { day: 0, hour: 0, minute: 0, month: 0, second: 0, year: 0 }
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value)
    }
  }
  // Some engines still print midnight as 24 despite `hourCycle: 'h23'`.
  if (wall.hour === 24) wall.hour = 0
  return wall
}
