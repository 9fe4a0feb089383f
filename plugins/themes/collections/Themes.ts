import type { CollectionConfig, Field } from 'payload'

import { can } from '../../rbac'
import { checkThemeContrast } from '../hooks/checkThemeContrast'
import { oneDefaultTheme } from '../hooks/oneDefaultTheme'
import { forgetThemeCss } from '../services/cssCache'
import { COLOUR_TOKENS, DEFAULT_DARK, DEFAULT_LIGHT, FONT_STACKS, type ModeTokens } from '../services/tokens'

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

const LABELS: Record<string, string> = {
  accent: 'Accent',
  background: 'Page background',
  border: 'Borders',
  danger: 'Errors',
  mutedText: 'Secondary text',
  onPrimary: 'Text on the primary colour',
  primary: 'Primary (buttons, links)',
  surface: 'Cards and panels',
  text: 'Text',
}

const modeFields = (defaults: ModeTokens): Field[] => [
  ...COLOUR_TOKENS.map(
    (token): Field => ({
      name: token,
      type: 'text',
      admin: { components: { Field: '/plugins/themes/admin/ColourField#ColourField' }, width: '33%' },
      defaultValue: defaults[token],
      label: LABELS[token],
      required: true,
      validate: (value: null | string | undefined) => (typeof value === 'string' && HEX.test(value)) || 'A colour as #rgb or #rrggbb, e.g. #1d4ed8.',
    }),
  ),
  { name: 'radius', type: 'number', admin: { description: 'Corner radius, in pixels.' }, defaultValue: defaults.radius, max: 32, min: 0, required: true },
  {
    name: 'fontFamily',
    type: 'select',
    defaultValue: defaults.fontFamily,
    options: Object.keys(FONT_STACKS).map((key) => ({ label: key[0]!.toUpperCase() + key.slice(1), value: key })),
    required: true,
  },
]

/**
 * A studio's look on its public pages: light and dark tokens, each text/background pair at WCAG AA in both
 * modes (checked on save). One default per studio (a partial unique index); the pages load the default.
 */
export const Themes: CollectionConfig = {
  slug: 'themes',
  access: {
    create: can('themes', 'create'),
    delete: can('themes', 'delete'),
    read: can('themes', 'read'),
    update: can('themes', 'update'),
  },
  admin: { defaultColumns: ['name', 'isDefault', 'updatedAt'], group: 'Studio', useAsTitle: 'name' },
  custom: { tenantScoped: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 80, required: true },
    { name: 'isDefault', type: 'checkbox', admin: { description: 'The look of the studio’s public pages; replaces the previous default.' }, defaultValue: false, index: true },
    { name: 'light', type: 'group', fields: modeFields(DEFAULT_LIGHT), label: 'Light mode' },
    { name: 'dark', type: 'group', fields: modeFields(DEFAULT_DARK), label: 'Dark mode' },
  ],
  hooks: {
    afterChange: [() => forgetThemeCss()],
    afterDelete: [() => forgetThemeCss()],
    beforeChange: [oneDefaultTheme],
    beforeValidate: [checkThemeContrast],
  },
}
