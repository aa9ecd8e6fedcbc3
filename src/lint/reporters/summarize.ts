import type { LintReport } from '../types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary every human-facing reporter ends with. */
export function summarize(report: LintReport): string {
  const checked = plural(report.files.length, 'file');
  const problems = report.errorCount + report.warningCount;
  const lines: string[] = [];
  if (problems === 0) {
    lines.push(`No problems in ${checked}.`);
  } else {
    const withFindings = report.files.filter((file) => file.findings.length > 0).length;
    lines.push(
      `${plural(problems, 'problem')} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}) in ${withFindings} of ${checked}.`,
    );
  }
  if (report.maxWarnings !== undefined && report.warningCount > report.maxWarnings) {
    lines.push(`Too many warnings: found ${report.warningCount}, expected at most ${report.maxWarnings} (--max-warnings).`);
  }
  return lines.join('\n');
}
