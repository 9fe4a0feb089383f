// The dashboard's words in the admin languages (Payload's own strings cover none of these).
export type DashboardLanguage = 'en' | 'fr'

const TEXT = {
  en: {
    allStudios: 'All studios',
    bookingsPerDay: 'Bookings per day, last 30 days',
    bookingsThisWeek: 'Bookings this week',
    bookingsToday: 'Bookings today',
    failed: 'The figures could not be loaded.',
    loading: 'Loading the figures…',
    members: 'Members',
    noData: 'Nothing to show yet.',
    occupancyByRoom: 'Occupancy by room, this week',
    occupancyThisWeek: 'Occupancy this week',
    pendingBookings: 'Waiting for staff',
    revenuePerMonth: 'Revenue per month, last 12 months',
    revenueThisMonth: 'Revenue this month',
    rooms: 'Rooms',
    sessionsNow: 'Sessions running now',
    timesIn: 'Days and months in',
    title: 'Today at the studio',
  },
  fr: {
    allStudios: 'Tous les studios',
    bookingsPerDay: 'Réservations par jour, 30 derniers jours',
    bookingsThisWeek: 'Réservations cette semaine',
    bookingsToday: 'Réservations aujourd’hui',
    failed: 'Les chiffres n’ont pas pu être chargés.',
    loading: 'Chargement des chiffres…',
    members: 'Membres',
    noData: 'Rien à afficher pour l’instant.',
    occupancyByRoom: 'Occupation par salle, cette semaine',
    occupancyThisWeek: 'Occupation cette semaine',
    pendingBookings: 'En attente de l’équipe',
    revenuePerMonth: 'Chiffre d’affaires par mois, 12 derniers mois',
    revenueThisMonth: 'Chiffre d’affaires du mois',
    rooms: 'Salles',
    sessionsNow: 'Séances en cours',
    timesIn: 'Jours et mois en',
    title: 'Aujourd’hui au studio',
  },
} as const

export type DashboardText = (typeof TEXT)[DashboardLanguage]

export const dashboardText = (language: string): DashboardText => TEXT[language === 'fr' ? 'fr' : 'en']
