export { instantMs, type AccountingRecord, type GuardRecord, type InflightRecord, type InjectionRecord, type Instant, type LlmSummaryRecord, type PoolRecord, type RediscoveryReplacedRecord } from './accounting-record.js';
export { buildStatsReport, type StatsInput } from './build-stats-report.js';
export { formatCount, formatTable } from './format-table.js';
export { parseSince } from './parse-since.js';
export { renderStatsJson, STATS_JSON_VERSION } from './render-stats-json.js';
export { renderStatsText } from './render-stats-text.js';
export { SAVING_METHODS, type CommandStats, type GroupStats, type SavingLine, type SavingMethod, type SessionStats, type StatsReport, type UsageFigures } from './stats-report.js';
export { recordToUsageRow, usageRowToRecord, type UsageRow } from './usage-row.js';
