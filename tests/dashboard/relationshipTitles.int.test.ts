// What a relationship field in the panel shows for a chosen document: Payload loads the target's `useAsTitle`
// field alone (select, depth 0, a POST with the GET override), as the signed-in member, and falls back to
// "Untitled - ID: n" when that answer lacks it.
import * as qs from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'

import { createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('relationship labels', () => {
  let app: TestApp
  let tenant: Tenant
  let room: Room
  let booking: Booking
  let ownerToken: string

  /** The title of document `id` of `slug`, loaded as the panel's relationship field loads it. */
  const titleOf = async (slug: string, id: number | string, token = ownerToken) => {
    const useAsTitle = app.config.collections.find((collection) => collection.slug === slug)?.admin.useAsTitle ?? 'id'
    const body = qs.stringify({ depth: 0, draft: true, limit: 1, select: { [useAsTitle]: true }, where: { id: { in: [id] } } })
    const response = await app.rest.post(`/${slug}`, body, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
      token,
    })
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: Record<string, unknown>[] }
    return { title: docs[0]?.[useAsTitle], useAsTitle }
  }

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'Salle Bleue' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    booking = await app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'durand@example.com', name: 'Mme Durand' }, end: localSlot(tenant, 3, '12:00'), room: room.id, start: localSlot(tenant, 3, '10:00'), status: 'pending', tenant: tenant.id },
    })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('names rooms, bookings and sessions by their name, ref and start', async () => {
    expect(await titleOf('rooms', room.id)).toEqual({ title: 'Salle Bleue', useAsTitle: 'name' })
    expect(await titleOf('bookings', booking.id)).toEqual({ title: booking.ref, useAsTitle: 'ref' })
    const session = await app.payload.create({ collection: 'sessions', data: { end: localSlot(tenant, 4, '12:00'), room: room.id, start: localSlot(tenant, 4, '10:00'), status: 'scheduled', tenant: tenant.id } })
    expect(await titleOf('sessions', session.id)).toEqual({ title: session.start, useAsTitle: 'start' })
  })

  it('names payments and refunds by their booking’s ref, read through the relation', async () => {
    const payment = await app.payload.create({
      collection: 'payments',
      data: { amount: 3000, booking: booking.id, checkoutSessionId: `cs_test_${booking.id}`, currency: 'EUR', status: 'paid', tenant: tenant.id },
    })
    expect(await titleOf('payments', payment.id)).toEqual({ title: booking.ref, useAsTitle: 'bookingRef' })
    const refund = await app.payload.create({
      collection: 'refunds',
      data: { amount: 1000, booking: booking.id, currency: 'EUR', idempotencyKey: `refund-${payment.id}`, payment: payment.id, reason: 'staff', status: 'succeeded', tenant: tenant.id },
    })
    expect(await titleOf('refunds', refund.id)).toEqual({ title: booking.ref, useAsTitle: 'bookingRef' })
  })

  it('gives every collection a relationship points at a title of its own', () => {
    const targets = new Set<string>()
    const walk = (fields: unknown[]) => {
      for (const field of fields as { blocks?: { fields: unknown[] }[]; fields?: unknown[]; relationTo?: string | string[]; tabs?: { fields: unknown[] }[]; type: string }[]) {
        if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo) [field.relationTo].flat().forEach((slug) => targets.add(slug))
        if (field.fields) walk(field.fields)
        field.tabs?.forEach((tab) => walk(tab.fields))
        field.blocks?.forEach((block) => walk(block.fields))
      }
    }
    for (const collection of app.config.collections) if (!collection.slug.startsWith('payload-')) walk(collection.fields)
    const untitled = [...targets].filter((slug) => (app.config.collections.find((collection) => collection.slug === slug)?.admin.useAsTitle ?? 'id') === 'id')
    expect(untitled).toEqual([])
  })
})
