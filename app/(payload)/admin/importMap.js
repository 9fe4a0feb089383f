import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { DisplayCurrencyField as DisplayCurrencyField_8cc9b0c60e9b4150f91084b7152d4b05 } from '../../../plugins/currency/admin/DisplayCurrencyField'
import { ThemePreferenceField as ThemePreferenceField_1d5aca26e67e3888b689022a1abc08f5 } from '../../../plugins/themes/admin/ThemePreferenceField'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ApproveArtistButton as ApproveArtistButton_c1609dcd838d26a58d7156bb057f5291 } from '../../../plugins/sites/admin/ApproveArtistButton'
import { SiteLinkCell as SiteLinkCell_bbaea3cf6e676e2e16ae1cc48ee42e6f } from '../../../plugins/sites/admin/cells'
import { StatusBadgeCell as StatusBadgeCell_bbaea3cf6e676e2e16ae1cc48ee42e6f } from '../../../plugins/sites/admin/cells'
import { MaskedKeyCell as MaskedKeyCell_bbaea3cf6e676e2e16ae1cc48ee42e6f } from '../../../plugins/sites/admin/cells'
import { RelativeTimeCell as RelativeTimeCell_bbaea3cf6e676e2e16ae1cc48ee42e6f } from '../../../plugins/sites/admin/cells'
import { RegenerateKeyButton as RegenerateKeyButton_40f1c2a9d51ca5bf3c926fa6c334fd7e } from '../../../plugins/sites/admin/RegenerateKeyButton'
import { MoneyCell as MoneyCell_5b1cab2266186f17c167fbd5800f0664 } from '../../../plugins/dashboard/admin/MoneyCell'
import { MoneyField as MoneyField_b2a4a84b8dc66c74467606f35a8776ca } from '../../../plugins/dashboard/admin/MoneyField'
import { ZonedDateCell as ZonedDateCell_e9c9e7acf650191d700f233daad483c9 } from '../../../plugins/dashboard/admin/ZonedDateCell'
import { ZoneDescription as ZoneDescription_e9c9e7acf650191d700f233daad483c9 } from '../../../plugins/dashboard/admin/ZonedDateCell'
import { StatusPill as StatusPill_0a16c7fdc1ab24f9233c4eecd3cb5d28 } from '../../../plugins/dashboard/admin/StatusPill'
import { BookingActions as BookingActions_ef65a8a123d0c55c09234d61a7d1add7 } from '../../../plugins/dashboard/admin/BookingActions'
import { ColourField as ColourField_a7bc4a1bede2b6b9ded03a30e4fbac0e } from '../../../plugins/themes/admin/ColourField'
import { MissingTranslations as MissingTranslations_eba6297709ec652bb4122dbff12c7980 } from '../../../plugins/i18n/admin/MissingTranslations'
import { CalendarFeedsPanel as CalendarFeedsPanel_62617c0bce77cd71153ef7bd48a5c6c3 } from '../../../plugins/dashboard/admin/CalendarFeedsPanel'
import { AssistantDrawer as AssistantDrawer_337badfc658c0fa16d9c040000d301e8 } from '../../../plugins/ai-chat/admin/AssistantDrawer'
import { PermissionsNavLink as PermissionsNavLink_2746856efc4831f9942c40275ec1839c } from '../../../plugins/rbac/admin/PermissionsNavLink'
import { CalendarNavLink as CalendarNavLink_511274049325187de0a1380f586f012a } from '../../../plugins/dashboard/admin/CalendarNavLink'
import { ReportsNavLink as ReportsNavLink_5c7c0b058ec06804d25abcb39cbcca49 } from '../../../plugins/reports/admin/ReportsNavLink'
import { StudioDashboard as StudioDashboard_41264974200c1c84ffdcb9444c1ec79c } from '../../../plugins/dashboard/admin/StudioDashboard'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { AdminThemeProvider as AdminThemeProvider_4a376a98f74372f5d36484fe639ec4fc } from '../../../plugins/themes/admin/AdminThemeProvider'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { PermissionMatrixView as PermissionMatrixView_7306a778cad3c92fb9048160e185e5a5 } from '../../../plugins/rbac/admin/PermissionMatrixView'
import { CalendarView as CalendarView_70911d420d25c925dafa494b5abb28eb } from '../../../plugins/dashboard/admin/CalendarView'
import { ReportsView as ReportsView_72b9a9536c9c8e63ed38c502d9d25a32 } from '../../../plugins/reports/admin/ReportsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "/plugins/currency/admin/DisplayCurrencyField#DisplayCurrencyField": DisplayCurrencyField_8cc9b0c60e9b4150f91084b7152d4b05,
  "/plugins/themes/admin/ThemePreferenceField#ThemePreferenceField": ThemePreferenceField_1d5aca26e67e3888b689022a1abc08f5,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugins/sites/admin/ApproveArtistButton#ApproveArtistButton": ApproveArtistButton_c1609dcd838d26a58d7156bb057f5291,
  "/plugins/sites/admin/cells#SiteLinkCell": SiteLinkCell_bbaea3cf6e676e2e16ae1cc48ee42e6f,
  "/plugins/sites/admin/cells#StatusBadgeCell": StatusBadgeCell_bbaea3cf6e676e2e16ae1cc48ee42e6f,
  "/plugins/sites/admin/cells#MaskedKeyCell": MaskedKeyCell_bbaea3cf6e676e2e16ae1cc48ee42e6f,
  "/plugins/sites/admin/cells#RelativeTimeCell": RelativeTimeCell_bbaea3cf6e676e2e16ae1cc48ee42e6f,
  "/plugins/sites/admin/RegenerateKeyButton#RegenerateKeyButton": RegenerateKeyButton_40f1c2a9d51ca5bf3c926fa6c334fd7e,
  "/plugins/dashboard/admin/MoneyCell#MoneyCell": MoneyCell_5b1cab2266186f17c167fbd5800f0664,
  "/plugins/dashboard/admin/MoneyField#MoneyField": MoneyField_b2a4a84b8dc66c74467606f35a8776ca,
  "/plugins/dashboard/admin/ZonedDateCell#ZonedDateCell": ZonedDateCell_e9c9e7acf650191d700f233daad483c9,
  "/plugins/dashboard/admin/ZonedDateCell#ZoneDescription": ZoneDescription_e9c9e7acf650191d700f233daad483c9,
  "/plugins/dashboard/admin/StatusPill#StatusPill": StatusPill_0a16c7fdc1ab24f9233c4eecd3cb5d28,
  "/plugins/dashboard/admin/BookingActions#BookingActions": BookingActions_ef65a8a123d0c55c09234d61a7d1add7,
  "/plugins/themes/admin/ColourField#ColourField": ColourField_a7bc4a1bede2b6b9ded03a30e4fbac0e,
  "/plugins/i18n/admin/MissingTranslations#MissingTranslations": MissingTranslations_eba6297709ec652bb4122dbff12c7980,
  "/plugins/dashboard/admin/CalendarFeedsPanel#CalendarFeedsPanel": CalendarFeedsPanel_62617c0bce77cd71153ef7bd48a5c6c3,
  "/plugins/ai-chat/admin/AssistantDrawer#AssistantDrawer": AssistantDrawer_337badfc658c0fa16d9c040000d301e8,
  "/plugins/rbac/admin/PermissionsNavLink#PermissionsNavLink": PermissionsNavLink_2746856efc4831f9942c40275ec1839c,
  "/plugins/dashboard/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_511274049325187de0a1380f586f012a,
  "/plugins/reports/admin/ReportsNavLink#ReportsNavLink": ReportsNavLink_5c7c0b058ec06804d25abcb39cbcca49,
  "/plugins/dashboard/admin/StudioDashboard#StudioDashboard": StudioDashboard_41264974200c1c84ffdcb9444c1ec79c,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "/plugins/themes/admin/AdminThemeProvider#AdminThemeProvider": AdminThemeProvider_4a376a98f74372f5d36484fe639ec4fc,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/plugins/rbac/admin/PermissionMatrixView#PermissionMatrixView": PermissionMatrixView_7306a778cad3c92fb9048160e185e5a5,
  "/plugins/dashboard/admin/CalendarView#CalendarView": CalendarView_70911d420d25c925dafa494b5abb28eb,
  "/plugins/reports/admin/ReportsView#ReportsView": ReportsView_72b9a9536c9c8e63ed38c502d9d25a32,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
