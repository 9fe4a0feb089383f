'use client'
// A theme colour: the browser's colour picker beside the hex it writes, and, live, the contrast of every
// text/background pair this colour is part of in its mode (the save refuses a pair under 4.5:1 anyway).
import type { TextFieldClientProps } from 'payload'

import { FieldError, FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import React from 'react'

import { contrastRatio, formatRatio, parseHex } from '../services/contrast'
import { AA_NORMAL_TEXT, CONTRAST_PAIRS } from '../services/tokens'

const sibling = (path: string, name: string) => [...path.split('.').slice(0, -1), name].join('.')

export function ColourField({ field, path: pathFromProps, readOnly }: TextFieldClientProps) {
  const path = pathFromProps ?? field.name
  const { setValue, showError, value } = useField<string>({ path })
  const token = path.split('.').at(-1) ?? field.name
  const pairs = CONTRAST_PAIRS.filter(([foreground, background]) => foreground === token || background === token)
  const colours = useFormFields(([fields]) => Object.fromEntries(pairs.flatMap((pair) => pair.map((name) => [name, fields[sibling(path, name)]?.value]))))
  const valid = typeof value === 'string' && parseHex(value) !== null
  // <input type=color> takes #rrggbb only.
  const pickerValue = valid ? (value.length === 4 ? `#${[...value.slice(1)].map((digit) => digit + digit).join('')}` : value).toLowerCase() : '#000000'

  return (
    <div className="field-type text" style={{ flex: field.admin?.width ? `0 0 ${field.admin.width}` : undefined, marginBottom: 'var(--base)', paddingRight: 12 }}>
      <FieldLabel htmlFor={`field-${path}`} label={field.label} path={path} required={field.required} />
      <FieldError path={path} showError={showError} />
      <div style={{ alignItems: 'center', display: 'flex', gap: 8 }}>
        <input
          aria-label={`${typeof field.label === 'string' ? field.label : token}: colour picker`}
          disabled={readOnly}
          onChange={(event) => setValue(event.target.value)}
          style={{ flex: '0 0 3rem', height: '2.5rem', padding: 2, width: '3rem' }}
          type="color"
          value={pickerValue}
        />
        <input disabled={readOnly} id={`field-${path}`} maxLength={7} name={path} onChange={(event) => setValue(event.target.value.trim())} style={{ width: '7rem' }} type="text" value={value ?? ''} />
      </div>
      <ul aria-live="polite" style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
        {pairs.map(([foreground, background]) => {
          const fg = foreground === token ? value : colours[foreground]
          const bg = background === token ? value : colours[background]
          if (typeof fg !== 'string' || typeof bg !== 'string' || !parseHex(fg) || !parseHex(bg)) return null
          const ratio = contrastRatio(fg, bg)
          const enough = ratio >= AA_NORMAL_TEXT
          return (
            <li data-contrast={enough ? 'pass' : 'fail'} key={`${foreground}-${background}`} style={{ color: enough ? 'var(--theme-success-750)' : 'var(--theme-error-600)' }}>
              {foreground} on {background}: {formatRatio(ratio)}
              {enough ? ' ✓' : `, needs ${AA_NORMAL_TEXT}:1`}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
