// The Reports view's few shared styles, on Payload's theme variables (light and dark).
import type React from 'react'

export const fieldsetStyle: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m, 4px)',
  margin: '0 0 calc(var(--base) * 0.75)',
  padding: 'calc(var(--base) * 0.5) calc(var(--base) * 0.75)',
}

export const rowStyle: React.CSSProperties = { alignItems: 'flex-end', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) * 0.5)', marginBottom: 'calc(var(--base) * 0.5)' }

export const labelStyle: React.CSSProperties = { display: 'flex', flexDirection: 'column', fontSize: '0.85rem', gap: 2 }

export const hintStyle: React.CSSProperties = { color: 'var(--theme-elevation-600)', fontSize: '0.8rem', margin: '2px 0 0' }

export const errorStyle: React.CSSProperties = { color: 'var(--theme-error-600, #b00020)' }

export const controlStyle: React.CSSProperties = {
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s, 3px)',
  color: 'var(--theme-text)',
  minHeight: 32,
  padding: '4px 8px',
}

export const PRIMARY_BUTTON = 'btn btn--style-primary btn--size-small'
export const SECONDARY_BUTTON = 'btn btn--style-secondary btn--size-small'
export const SMALL_BUTTON_STYLE: React.CSSProperties = { margin: 0 }
