// Pure validators for values that come from standards (IANA zones, ISO 4217 codes, URL-safe slugs).
const timeZones = new Set(Intl.supportedValuesOf('timeZone'))
// Intl's list omits aliases such as UTC; accept any zone the runtime can format in.
export function isIanaTimeZone(value: string): boolean {
  if (timeZones.has(value)) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return value.includes('/') || value === 'UTC'
  } catch {
    return false
  }
}

const currencies = new Set(Intl.supportedValuesOf('currency'))
export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value) && currencies.has(value)

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value) && value.length <= 63

/** "Studio Lumière" -> "studio-lumiere" */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
