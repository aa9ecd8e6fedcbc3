/** What one doctor check says: a status, a one-line finding, and why it matters or how to fix it. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  /** Stable kebab-case id (`settings-project`, `hook-run`, ...), used in JSON output and docs. */
  id: string;
  status: CheckStatus;
  /** One line: what was found. */
  finding: string;
  /** One line: why it matters, and for warn/fail what to do about it. */
  fix: string;
  /** Extra lines shown under the finding (log entries, problem list). */
  details?: string[];
}

/** True when any check failed: doctor then exits 1. */
export function hasFailures(results: readonly CheckResult[]): boolean {
  return results.some((result) => result.status === 'fail');
}
