// The calendar's words in the admin languages.
const TEXT = {
  en: {
    book: 'Create booking',
    cancel: 'Cancel booking',
    cancelSure: 'Yes, cancel it',
    close: 'Close',
    confirm: 'Confirm booking',
    customerEmail: 'Customer email',
    customerName: 'Customer name',
    failed: 'The calendar could not be loaded.',
    keep: 'Keep it',
    loading: 'Loading…',
    newBooking: 'New booking',
    noRooms: 'This studio has no active room yet.',
    open: 'Open',
    pickStudio: 'Choose a studio in the studio selector to see its calendar.',
    session: 'Session',
    times: 'Times in',
    title: 'Calendar',
  },
  fr: {
    book: 'Créer la réservation',
    cancel: 'Annuler la réservation',
    cancelSure: 'Oui, l’annuler',
    close: 'Fermer',
    confirm: 'Confirmer la réservation',
    customerEmail: 'E-mail du client',
    customerName: 'Nom du client',
    failed: 'Le calendrier n’a pas pu être chargé.',
    keep: 'La garder',
    loading: 'Chargement…',
    newBooking: 'Nouvelle réservation',
    noRooms: 'Ce studio n’a pas encore de salle active.',
    open: 'Ouvrir',
    pickStudio: 'Choisissez un studio dans le sélecteur pour voir son calendrier.',
    session: 'Séance',
    times: 'Heures en',
    title: 'Calendrier',
  },
} as const

export type CalendarText = (typeof TEXT)['en' | 'fr']

export const calendarText = (language: string): CalendarText => TEXT[language === 'fr' ? 'fr' : 'en']

/** Booking status colours: one per status, readable with white text (contrast ≥ 4.5:1). */
export const STATUS_COLOURS: Record<string, string> = {
  awaiting_payment: '#9a4d00',
  completed: '#4a5568',
  confirmed: '#1f6f4a',
  pending: '#8a5a00',
  session: '#5b3fa0',
}
