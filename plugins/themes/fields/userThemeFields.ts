import type { Field } from 'payload'

import { personalFieldAccess } from '../../../access/personalField'

// Written only through PUT /api/user/theme and /api/user/custom-colors, which validate what they store.
const access = personalFieldAccess

/** How the admin looks to this person: the theme mode with its dark schedule, and their own accent colours. */
export const userThemeFields: Field[] = [
  {
    name: 'themePreference',
    type: 'group',
    access,
    admin: { components: { Field: '/plugins/themes/admin/ThemePreferenceField#ThemePreferenceField' }, position: 'sidebar' },
    fields: [
      { name: 'mode', type: 'select', defaultValue: 'auto', options: ['light', 'dark', 'auto', 'scheduled'] },
      { name: 'darkFrom', type: 'text', maxLength: 5 },
      { name: 'darkUntil', type: 'text', maxLength: 5 },
      { name: 'timezone', type: 'text', admin: { description: 'The zone of the schedule; the studio’s when empty.' }, maxLength: 64 },
    ],
    label: 'Admin theme',
  },
  {
    name: 'customColors',
    type: 'group',
    access,
    admin: { position: 'sidebar' },
    fields: [
      { name: 'primary', type: 'text', maxLength: 7 },
      { name: 'accent', type: 'text', maxLength: 7 },
    ],
    label: 'Admin colours',
  },
]
