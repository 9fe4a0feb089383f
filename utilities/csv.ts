// RFC 4180 CSV that spreadsheets read as data: CRLF line ends; fields with a comma, quote or line break
// are quoted, quotes doubled; text starting with = + - @ tab or CR gets a leading ' (OWASP), so that
// Excel, LibreOffice and Sheets show it instead of running it as a formula.

// Also after leading white space: an import that trims cells would otherwise expose the formula.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/

/** One field. Numbers stay numbers (-5 is not a formula); objects become JSON. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  const raw = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value)
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvRow = (values: unknown[]): string => `${values.map(csvField).join(',')}\r\n`
