import type { DefaultStrings } from '../services/platformDefaults'

/** The emails' strings, as the platform ships them: a customer's booking emails, and a person's password email. */
export const EMAIL_DEFAULTS: DefaultStrings = {
  'booking.cancelled.intro': { en: 'Your booking has been cancelled.', fr: 'Votre réservation a été annulée.' },
  'booking.cancelled.subject': { en: 'Booking {ref} cancelled', fr: 'Réservation {ref} annulée' },
  'booking.confirmed.intro': { en: 'Your booking is confirmed. See you soon!', fr: 'Votre réservation est confirmée. À bientôt !' },
  'booking.confirmed.subject': { en: 'Booking {ref} confirmed', fr: 'Réservation {ref} confirmée' },
  'booking.received.intro': { en: 'We have received your booking request.', fr: 'Nous avons bien reçu votre demande de réservation.' },
  'booking.received.subject': { en: 'Booking {ref} received', fr: 'Réservation {ref} reçue' },
  'booking.refunded.intro': {
    en: 'Your payment arrived after the hold on this time had ended, and the slot has been taken since. We have refunded it in full.',
    fr: 'Votre paiement est arrivé après la fin de la réservation provisoire, et ce créneau a été pris entre-temps. Nous vous l’avons remboursé intégralement.',
  },
  'booking.refunded.subject': { en: 'Booking {ref}: payment refunded', fr: 'Réservation {ref} : paiement remboursé' },
  'booking.search.intro': { en: 'Here is the link to your bookings. It works for one hour.', fr: 'Voici le lien vers vos réservations. Il est valable une heure.' },
  'booking.search.subject': { en: 'Your bookings', fr: 'Vos réservations' },
  'booking.label.accessToken': { en: 'Your access code', fr: 'Votre code d’accès' },
  'booking.label.confirm': { en: 'Confirm my booking', fr: 'Confirmer ma réservation' },
  'booking.label.deposit': { en: 'Deposit', fr: 'Acompte' },
  'booking.label.manage': { en: 'Manage your booking', fr: 'Gérer votre réservation' },
  'booking.label.price': { en: 'Price', fr: 'Prix' },
  'booking.label.ref': { en: 'Ref', fr: 'Réf.' },
  'booking.label.refund': { en: 'Refund', fr: 'Remboursement' },
  'booking.label.room': { en: 'Room', fr: 'Salle' },
  'booking.label.when': { en: 'When', fr: 'Quand' },
  'booking.hold.confirm': {
    en: 'Please confirm this booking with the link below by {time}; otherwise the time is released.',
    fr: 'Merci de confirmer cette réservation avec le lien ci-dessous avant le {time} ; sinon le créneau est libéré.',
  },
  'booking.hold.pay': {
    en: 'Pay the deposit by {time} to keep this time; otherwise it is released.',
    fr: 'Réglez l’acompte avant le {time} pour garder ce créneau ; sinon il est libéré.',
  },
  'password.reset.subject': { en: 'Reset your Atelier password', fr: 'Réinitialisez votre mot de passe Atelier' },
  'password.reset.intro': {
    en: 'Someone asked to reset the password of your Atelier account. If it was you, choose a new one:',
    fr: 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Atelier. Si c’était vous, choisissez-en un nouveau :',
  },
  'password.invite.subject': { en: 'You are invited to {studio} on Atelier', fr: 'Vous êtes invité·e à rejoindre {studio} sur Atelier' },
  'password.invite.intro': {
    en: 'You have been added to {studio} on Atelier. Choose a password to sign in:',
    fr: 'Vous avez été ajouté·e à {studio} sur Atelier. Choisissez un mot de passe pour vous connecter :',
  },
  'password.expiry': { en: 'The link expires in one hour.', fr: 'Le lien expire dans une heure.' },
}
