// Valid step data for PATCH /api/onboarding, shared by the onboarding tests.
export const WELCOME = { name: 'Atelier Lumière', defaultCurrency: 'JPY', timezone: 'Asia/Tokyo' }
export const ROOM = { name: 'Studio Lumière', capacity: 3, hourlyRate: 4500 }
export const PRICING = {
  cancellationTiers: [{ noticeAmount: 3, noticeUnit: 'days', refundPercent: 80 }],
  depositAmount: 1000,
  depositType: 'fixed',
  holdMinutes: 45,
}
