import type { Metadata, Viewport } from 'next'

import React from 'react'

import { platformThemeCss } from '../../plugins/themes'

export const metadata: Metadata = {
  description: 'Book a room at an Atelier studio.',
  title: { default: 'Atelier', template: '%s · Atelier' },
}

export const viewport: Viewport = { initialScale: 1, width: 'device-width' }

/**
 * The root layout of the customer-facing pages (no admin styles here). The platform's look as `--atelier-*`
 * variables; a studio's pages add its theme's stylesheet, which wins over these.
 */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <style>{platformThemeCss()}</style>
      </head>
      <body style={{ background: 'var(--atelier-background)', color: 'var(--atelier-text)', fontFamily: 'var(--atelier-font-family)', lineHeight: 1.5, margin: 0 }}>
        {children}
      </body>
    </html>
  )
}
