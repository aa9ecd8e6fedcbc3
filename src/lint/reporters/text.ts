import { styleText } from 'node:util';
import type { LintReport } from '../types.js';
import { summarize } from './summarize.js';

export interface TextOptions {
  /** Colour severities (for terminals only). */
  color?: boolean;
}

/**
 * Human report: findings grouped by file, one line each as `path:line:col  severity  message  rule-id`
 * (editors and terminals open `path:line:col`), then a summary line.
 */
export function formatText(report: LintReport, options: TextOptions = {}): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(format, text, { validateStream: false }) : text);
  const groups: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const width = Math.max(...file.findings.map((f) => `${file.path}:${f.line}:${f.column}`.length));
    groups.push(
      file.findings
        .map((finding) => {
          const where = `${file.path}:${finding.line}:${finding.column}`.padEnd(width);
          const severity = finding.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
          return `${where}  ${severity}  ${finding.message}  ${paint('dim', finding.ruleId)}`;
        })
        .join('\n'),
    );
  }
  const summary = summarize(report);
  const failed = report.errorCount > 0 || (report.maxWarnings !== undefined && report.warningCount > report.maxWarnings);
  const coloured = paint(failed ? 'red' : report.warningCount > 0 ? 'yellow' : 'green', summary);
  return `${groups.length > 0 ? `${groups.join('\n\n')}\n\n` : ''}${coloured}\n`;
}
