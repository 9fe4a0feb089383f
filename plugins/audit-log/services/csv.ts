// RFC 4180 CSV: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled.

export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvRow = (values: unknown[]): string => `${values.map(csvField).join(',')}\r\n`
