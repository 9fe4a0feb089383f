import React from 'react'

export const metadata = {
  description: 'Atelier: rooms, sessions, bookings and artists for studios.',
  title: 'Atelier',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '4rem auto', maxWidth: '40rem' }}>{children}</body>
    </html>
  )
}
