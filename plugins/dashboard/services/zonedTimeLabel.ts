// An instant as the studio reads it: "Sat 6 Dec, 19:00 CET", in the admin language. Pure.

const zoneNameIn = (instant: Date, timeZone: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? ''

/**
 * The zone's short name at that instant (CET in winter, CEST in summer; EST, EDT). Each locale knows the
 * names of its own region only and says "GMT+1" for the others: the first real name among the admin
 * language, British and American English wins, else the offset.
 */
export function zoneAbbreviation(instant: Date, timeZone: string, language = 'en'): string {
  const names = [language, 'en-GB', 'en-US'].map((locale) => zoneNameIn(instant, timeZone, locale))
  return names.find((name) => name && !/^(GMT|UTC)[+−-]/.test(name)) ?? names[0] ?? timeZone
}

const yearIn = (instant: Date, timeZone: string): string => new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant)

/** "Sat 6 Dec, 19:00 CET"; the year is added when it is not the current one ("Fri, 5 Dec 2025, 19:00 CET"). */
export function zonedTimeLabel(instant: Date | number | string, timeZone: string, language: string, now: Date | number = Date.now()): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return ''
  const withYear = yearIn(date, timeZone) !== yearIn(new Date(now), timeZone)
  const wallClock = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    hour: '2-digit',
    hourCycle: 'h23',
    minute: '2-digit',
    month: 'short',
    timeZone,
    weekday: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(date)
  return `${wallClock} ${zoneAbbreviation(date, timeZone, language)}`
}
