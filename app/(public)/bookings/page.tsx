import type { Metadata } from 'next'

import React from 'react'

import { MessagesProvider } from '../[tenant]/book/messages'
import { pageText, pageTitle } from '../[tenant]/book/pageText'
import { MyBookings } from './MyBookings'

// Across studios: the platform's strings (no studio's), in the visitor's language.
export async function generateMetadata(): Promise<Metadata> {
  return { robots: { index: false }, title: await pageTitle(null, 'lookup.title') }
}

/** Where the "find my bookings" email links: `/bookings?token=…` (the link works for one hour). */
export default async function BookingsPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams
  const { language, messages } = await pageText(null)
  return (
    <MessagesProvider language={language} messages={messages}>
      <MyBookings token={typeof token === 'string' ? token : ''} />
    </MessagesProvider>
  )
}
