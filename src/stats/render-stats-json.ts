import type { StatsReport } from './stats-report.js';
import { SAVING_METHODS } from './stats-report.js';

/** Version of the JSON shape; raised when a field changes meaning or goes away. */
export const STATS_JSON_VERSION = 1;

/**
 * Renders a report for machines: the report as is, plus the format version and how each saving method is
 * counted, so a consumer never has to guess what a figure means.
 */
export function renderStatsJson(report: StatsReport): string {
  return `${JSON.stringify({ version: STATS_JSON_VERSION, methods: SAVING_METHODS, ...report }, null, 2)}\n`;
}
