// The reports plugin's browser-safe entry: the field catalogue and the pure helpers the admin view runs in the
// browser, with no server module behind them (index.ts is the server's entry; sources.ts holds SQL).
export {
  AGGREGATIONS,
  BUCKETS,
  type CatalogueField,
  type CatalogueSource,
  OPERATORS,
  REPORT_CATALOGUE,
} from './services/catalogue'
export { type ReportFormState, specFromForm } from './services/specForm'
export type { ReportAnswer, ReportChart, ReportColumn, ReportRow } from './types'
