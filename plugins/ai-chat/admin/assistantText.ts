// The assistant drawer's words in the admin languages (Payload's own strings cover none of these).

export type AssistantLanguage = 'en' | 'fr'

const en = {
  actionDone: { cancel_booking: 'Booking cancelled.', confirm_booking: 'Booking confirmed.' },
  actionFailed: 'The action could not be done.',
  actionRunning: 'Working…',
  ask: 'Ask the assistant',
  askHint: 'Enter sends, Shift+Enter starts a new line.',
  assistant: 'Assistant',
  balance: (credits: number) => `Balance: ${credits} credits`,
  cancel: 'Cancel',
  close: 'Close the assistant',
  confirm: 'Send',
  confirmCost: (estimate: number, balance: number) => `This message may cost up to ${estimate} credits (balance ${balance}). Send?`,
  cost: (credits: number) => `cost: ${credits} credits`,
  empty: 'Ask about availability, bookings, rooms or revenue. The assistant proposes actions; only you carry them out.',
  estimate: (credits: number) => `estimated ≤ ${credits} credits`,
  failed: 'The assistant did not answer. Try again.',
  newChat: 'New conversation',
  open: 'Open the assistant',
  send: 'Send',
  sending: 'Answering…',
  title: 'Assistant',
  toolFailed: (line: string, error: string) => `${line} failed: ${error}`,
  tools: {
    find_availability: 'Looked up availability…',
    find_bookings: 'Looked up bookings…',
    propose_booking_action: 'Prepared an action…',
    revenue_summary: 'Looked up revenue…',
    room_info: 'Looked up the rooms…',
  } as Record<string, string>,
  toolUsed: (name: string) => `Used ${name}…`,
  you: 'You',
}

export type AssistantText = typeof en

const fr: AssistantText = {
  actionDone: { cancel_booking: 'Réservation annulée.', confirm_booking: 'Réservation confirmée.' },
  actionFailed: 'L’action n’a pas pu être faite.',
  actionRunning: 'En cours…',
  ask: 'Demander à l’assistant',
  askHint: 'Entrée envoie, Maj+Entrée passe à la ligne.',
  assistant: 'Assistant',
  balance: (credits) => `Solde : ${credits} crédits`,
  cancel: 'Annuler',
  close: 'Fermer l’assistant',
  confirm: 'Envoyer',
  confirmCost: (estimate, balance) => `Ce message peut coûter jusqu’à ${estimate} crédits (solde ${balance}). L’envoyer ?`,
  cost: (credits) => `coût : ${credits} crédits`,
  empty: 'Posez vos questions sur les disponibilités, les réservations, les salles ou les recettes. L’assistant propose des actions ; vous seul les faites.',
  estimate: (credits) => `estimé ≤ ${credits} crédits`,
  failed: 'L’assistant n’a pas répondu. Réessayez.',
  newChat: 'Nouvelle conversation',
  open: 'Ouvrir l’assistant',
  send: 'Envoyer',
  sending: 'Réponse en cours…',
  title: 'Assistant',
  toolFailed: (line, error) => `${line} échec : ${error}`,
  tools: {
    find_availability: 'Disponibilités consultées…',
    find_bookings: 'Réservations consultées…',
    propose_booking_action: 'Action préparée…',
    revenue_summary: 'Recettes consultées…',
    room_info: 'Salles consultées…',
  },
  toolUsed: (name) => `${name} utilisé…`,
  you: 'Vous',
}

export const assistantText = (language: string): AssistantText => (language === 'fr' ? fr : en)
