import type { Metadata, Viewport } from 'next'

import React from 'react'

export const metadata: Metadata = {
  description: 'Book a room at an Atelier studio.',
  title: { default: 'Atelier', template: '%s · Atelier' },
}

export const viewport: Viewport = { initialScale: 1, width: 'device-width' }

/** The root layout of the customer-facing pages (no admin styles here). */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ background: '#fafaf9', color: '#1c1917', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5, margin: 0 }}>{children}</body>
    </html>
  )
}
