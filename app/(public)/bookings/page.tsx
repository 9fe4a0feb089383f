import type { Metadata } from 'next'

import React from 'react'

import { MyBookings } from './MyBookings'

export const metadata: Metadata = { robots: { index: false }, title: 'Your bookings' }

/** Where the "find my bookings" email links: `/bookings?token=…` (the link works for one hour). */
export default async function BookingsPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams
  return <MyBookings token={typeof token === 'string' ? token : ''} />
}
