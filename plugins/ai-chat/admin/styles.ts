// The assistant drawer's styles, on Payload's theme variables (light and dark).
import type React from 'react'

export const drawerStyle: React.CSSProperties = {
  background: 'var(--theme-bg)',
  borderLeft: '1px solid var(--theme-elevation-150)',
  bottom: 0,
  boxShadow: '-8px 0 24px rgba(0, 0, 0, 0.15)',
  color: 'var(--theme-text)',
  display: 'flex',
  flexDirection: 'column',
  position: 'fixed',
  right: 0,
  top: 0,
  width: 'min(28rem, 100vw)',
  // Above the header and the nav, like Payload's own drawers.
  zIndex: 'var(--z-modal, 30)',
}

export const drawerHeaderStyle: React.CSSProperties = {
  alignItems: 'center',
  borderBottom: '1px solid var(--theme-elevation-150)',
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'calc(var(--base) * 0.5)',
  padding: 'calc(var(--base) * 0.75)',
}

export const logStyle: React.CSSProperties = {
  display: 'flex',
  flex: 1,
  flexDirection: 'column',
  gap: 'calc(var(--base) * 0.5)',
  overflowY: 'auto',
  padding: 'calc(var(--base) * 0.75)',
}

const bubbleStyle: React.CSSProperties = {
  borderRadius: 'var(--style-radius-m, 4px)',
  maxWidth: '90%',
  padding: 'calc(var(--base) * 0.4) calc(var(--base) * 0.6)',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
}

export const userBubbleStyle: React.CSSProperties = { ...bubbleStyle, alignSelf: 'flex-end', background: 'var(--theme-elevation-100)' }

export const answerBubbleStyle: React.CSSProperties = { ...bubbleStyle, alignSelf: 'flex-start', border: '1px solid var(--theme-elevation-150)' }

export const hintStyle: React.CSSProperties = { color: 'var(--theme-elevation-650)', fontSize: '0.8rem', margin: '2px 0' }

export const errorStyle: React.CSSProperties = { color: 'var(--theme-error-650, #b00020)', margin: '2px 0' }

export const successStyle: React.CSSProperties = { color: 'var(--theme-success-750, #1b5e20)', margin: '2px 0' }

export const cardStyle: React.CSSProperties = {
  background: 'var(--theme-elevation-50)',
  border: '1px solid var(--theme-elevation-200)',
  borderRadius: 'var(--style-radius-m, 4px)',
  margin: 'calc(var(--base) * 0.4) 0',
  padding: 'calc(var(--base) * 0.5)',
  whiteSpace: 'normal',
}

export const confirmStyle: React.CSSProperties = {
  ...cardStyle,
  borderColor: 'var(--theme-warning-600, #b26a00)',
  margin: '0 calc(var(--base) * 0.75) calc(var(--base) * 0.5)',
}

export const composerStyle: React.CSSProperties = {
  borderTop: '1px solid var(--theme-elevation-150)',
  display: 'flex',
  flexDirection: 'column',
  gap: 4,
  padding: 'calc(var(--base) * 0.75)',
}

export const textareaStyle: React.CSSProperties = {
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s, 3px)',
  color: 'var(--theme-text)',
  font: 'inherit',
  minHeight: '4.5rem',
  padding: '6px 8px',
  resize: 'vertical',
}

/** Read by screen readers, not shown: who said what in the log. */
export const visuallyHidden: React.CSSProperties = { clip: 'rect(0 0 0 0)', height: 1, overflow: 'hidden', position: 'absolute', whiteSpace: 'nowrap', width: 1 }

export const rowStyle: React.CSSProperties = { alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) * 0.5)' }

export const PRIMARY_BUTTON = 'btn btn--style-primary btn--size-small'
export const SECONDARY_BUTTON = 'btn btn--style-secondary btn--size-small'
export const SMALL_BUTTON_STYLE: React.CSSProperties = { margin: 0 }
