import type { LintReport } from '../types.js';
import { summarize } from './summarize.js';

// Workflow commands end at a newline and split properties at `,` and `::`, so those must be
// percent-encoded (the same encoding @actions/core applies).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations (`::error file=…,line=…,col=…,title=…::message`), then the summary line. */
export function formatGithub(report: LintReport): string {
  const lines = report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `title=${escapeProperty(`ctxkit ${finding.ruleId}`)}`,
      ].join(',');
      return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(finding.message)}`;
    }),
  );
  lines.push(summarize(report));
  return `${lines.join('\n')}\n`;
}
