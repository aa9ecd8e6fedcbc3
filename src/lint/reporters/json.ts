import type { LintReport } from '../types.js';

/**
 * Machine report: one JSON object with counts and a flat `findings` list, each finding carrying file,
 * line, column, ruleId, severity (`error` or `warn`, as in the config) and message.
 */
export function formatJson(report: LintReport): string {
  const findings = report.files.flatMap((file) => file.findings);
  return `${JSON.stringify(
    {
      filesChecked: report.files.length,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      ...(report.maxWarnings !== undefined ? { maxWarnings: report.maxWarnings } : {}),
      findings: findings.map(({ file, line, column, ruleId, severity, message }) => ({ file, line, column, ruleId, severity, message })),
    },
    null,
    2,
  )}\n`;
}
