/** Doctor's output: a text report for people and a JSON document for scripts. Pure. */
import type { CheckResult, CheckStatus } from './check-result.js';

const MARK: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

/** The text report: one line per check, with the why/fix line and details under anything that is not ok. */
export function renderDoctorText(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((result) => result.id.length));
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${MARK[result.status]}  ${result.id.padEnd(width)}  ${result.finding}`);
    if (result.status === 'ok') continue;
    const indent = ' '.repeat(width + 8);
    for (const detail of result.details ?? []) lines.push(`${indent}- ${detail}`);
    lines.push(`${indent}why/fix: ${result.fix}`);
  }
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  lines.push('', `${count('fail')} failed, ${count('warn')} warning(s), ${count('ok')} ok.`);
  return `${lines.join('\n')}\n`;
}

/** The JSON report: `{ok, checks: [{id, status, finding, fix, details?}]}`; `ok` is false when a check failed. */
export function renderDoctorJson(results: readonly CheckResult[]): string {
  return `${JSON.stringify({ ok: !results.some((result) => result.status === 'fail'), checks: results }, null, 2)}\n`;
}
