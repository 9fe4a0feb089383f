// What the booking page knows: the studio and its rooms, the free slots of a week (each priced by the
// server), the customer's details, and where the page is.
import type { PublicBooking } from './api'

export type Tenant = { currency: string; locale: string; name: string; slug: string; timezone: string }
/** A duration the room is offered for, and what the server charges for it. */
export type Duration = { minutes: number; price: number }
export type Room = {
  capacity: number
  durations: Duration[]
  hourlyRate: number
  id: number
  maxMinutes: number
  minMinutes: number
  name: string
  slotStepMinutes: number
  slug: string
}
/** A free slot; booking it charges `price` and asks `deposit` upfront (minor units of the studio currency). */
export type Slot = { deposit: number; end: string; price: number; start: string }
export type Day = { date: string; slots: Slot[] }

/** The booking call's answer: the booking, and its access code (shown here and in the email only). */
export type Booked = PublicBooking & { accessToken?: string; currency: string; deposit: number; price: number }

export type Step = 'details' | 'done' | 'room' | 'time'
export type Load = { message: string; state: 'error' | 'notFound' } | { rooms: Room[]; state: 'ready'; tenant: Tenant; today: string } | { state: 'loading' }
export type Availability = { days: Day[]; state: 'ready' } | { message: string; state: 'error' } | { state: 'idle' } | { state: 'loading' }

export type FieldName = 'email' | 'name' | 'notes' | 'phone'
export type Form = Record<FieldName, string>
export type FieldErrors = Partial<Record<FieldName, string>>
