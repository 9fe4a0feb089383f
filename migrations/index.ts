import * as migration_20261122_042413_initial from './20261122_042413_initial';
import * as migration_20261122_051736_rbac from './20261122_051736_rbac';
import * as migration_20261122_054611_audit_log_and_jobs from './20261122_054611_audit_log_and_jobs';
import * as migration_20261122_064852_sites from './20261122_064852_sites';
import * as migration_20261122_070728_booking from './20261122_070728_booking';
import * as migration_20261122_072316_payments from './20261122_072316_payments';
import * as migration_20261201_204627_booking_holds from './20261201_204627_booking_holds';
import * as migration_20261202_015442_signup from './20261202_015442_signup';
import * as migration_20261205_125248_billing from './20261205_125248_billing';
import * as migration_20261205_140738_domains from './20261205_140738_domains';
import * as migration_20261205_181500_dashboard_indexes from './20261205_181500_dashboard_indexes';
import * as migration_20261205_182048_calendar_feeds from './20261205_182048_calendar_feeds';
import * as migration_20261205_210114_audit_document_history from './20261205_210114_audit_document_history';
import * as migration_20261205_215548_currency from './20261205_215548_currency';
import * as migration_20261206_013013_booking_display from './20261206_013013_booking_display';
import * as migration_20261206_014721_themes from './20261206_014721_themes';
import * as migration_20261206_020644_user_theme from './20261206_020644_user_theme';
import * as migration_20261206_021834_i18n from './20261206_021834_i18n';
import * as migration_20261206_042457_reports from './20261206_042457_reports';
import * as migration_20261206_043158_scheduled_reports from './20261206_043158_scheduled_reports';
import * as migration_20261206_072111_ai_chat from './20261206_072111_ai_chat';
import * as migration_20261206_080000_rate_limits from './20261206_080000_rate_limits';
import * as migration_20261206_181030_list_indexes from './20261206_181030_list_indexes';
import * as migration_20261206_210000_end_indexes from './20261206_210000_end_indexes';
import * as migration_20261206_211016_list_counts from './20261206_211016_list_counts';

export const migrations = [
  {
    up: migration_20261122_042413_initial.up,
    down: migration_20261122_042413_initial.down,
    name: '20261122_042413_initial',
  },
  {
    up: migration_20261122_051736_rbac.up,
    down: migration_20261122_051736_rbac.down,
    name: '20261122_051736_rbac',
  },
  {
    up: migration_20261122_054611_audit_log_and_jobs.up,
    down: migration_20261122_054611_audit_log_and_jobs.down,
    name: '20261122_054611_audit_log_and_jobs',
  },
  {
    up: migration_20261122_064852_sites.up,
    down: migration_20261122_064852_sites.down,
    name: '20261122_064852_sites',
  },
  {
    up: migration_20261122_070728_booking.up,
    down: migration_20261122_070728_booking.down,
    name: '20261122_070728_booking',
  },
  {
    up: migration_20261122_072316_payments.up,
    down: migration_20261122_072316_payments.down,
    name: '20261122_072316_payments',
  },
  {
    up: migration_20261201_204627_booking_holds.up,
    down: migration_20261201_204627_booking_holds.down,
    name: '20261201_204627_booking_holds',
  },
  {
    up: migration_20261202_015442_signup.up,
    down: migration_20261202_015442_signup.down,
    name: '20261202_015442_signup',
  },
  {
    up: migration_20261205_125248_billing.up,
    down: migration_20261205_125248_billing.down,
    name: '20261205_125248_billing',
  },
  {
    up: migration_20261205_140738_domains.up,
    down: migration_20261205_140738_domains.down,
    name: '20261205_140738_domains',
  },
  {
    up: migration_20261205_181500_dashboard_indexes.up,
    down: migration_20261205_181500_dashboard_indexes.down,
    name: '20261205_181500_dashboard_indexes',
  },
  {
    up: migration_20261205_182048_calendar_feeds.up,
    down: migration_20261205_182048_calendar_feeds.down,
    name: '20261205_182048_calendar_feeds',
  },
  {
    up: migration_20261205_210114_audit_document_history.up,
    down: migration_20261205_210114_audit_document_history.down,
    name: '20261205_210114_audit_document_history',
  },
  {
    up: migration_20261205_215548_currency.up,
    down: migration_20261205_215548_currency.down,
    name: '20261205_215548_currency',
  },
  {
    up: migration_20261206_013013_booking_display.up,
    down: migration_20261206_013013_booking_display.down,
    name: '20261206_013013_booking_display',
  },
  {
    up: migration_20261206_014721_themes.up,
    down: migration_20261206_014721_themes.down,
    name: '20261206_014721_themes',
  },
  {
    up: migration_20261206_020644_user_theme.up,
    down: migration_20261206_020644_user_theme.down,
    name: '20261206_020644_user_theme',
  },
  {
    up: migration_20261206_021834_i18n.up,
    down: migration_20261206_021834_i18n.down,
    name: '20261206_021834_i18n',
  },
  {
    up: migration_20261206_042457_reports.up,
    down: migration_20261206_042457_reports.down,
    name: '20261206_042457_reports',
  },
  {
    up: migration_20261206_043158_scheduled_reports.up,
    down: migration_20261206_043158_scheduled_reports.down,
    name: '20261206_043158_scheduled_reports',
  },
  {
    up: migration_20261206_072111_ai_chat.up,
    down: migration_20261206_072111_ai_chat.down,
    name: '20261206_072111_ai_chat',
  },
  {
    up: migration_20261206_080000_rate_limits.up,
    down: migration_20261206_080000_rate_limits.down,
    name: '20261206_080000_rate_limits',
  },
  {
    up: migration_20261206_181030_list_indexes.up,
    down: migration_20261206_181030_list_indexes.down,
    name: '20261206_181030_list_indexes',
  },
  {
    up: migration_20261206_210000_end_indexes.up,
    down: migration_20261206_210000_end_indexes.down,
    name: '20261206_210000_end_indexes',
  },
  {
    up: migration_20261206_211016_list_counts.up,
    down: migration_20261206_211016_list_counts.down,
    name: '20261206_211016_list_counts',
  },
];
