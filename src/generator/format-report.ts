import type { Diagnostic } from './compile-types.js';
import { unifiedDiff } from '../text/unified-diff.js';
import { reportText } from './messages.js';
import type { PlannedChange } from './plan-changes.js';

/** What the report is for: a real run, a preview, or a CI check. */
export type ReportMode = 'write' | 'dry-run' | 'check';

/** The part of a generate plan a report needs. */
export interface ReportInput {
  templatesLabel: string;
  outLabel: string;
  diagnostics: readonly Diagnostic[];
  changes: readonly PlannedChange[];
  hasErrors: boolean;
}

function outPath(outLabel: string, path: string): string {
  return outLabel === '.' ? path : `${outLabel}/${path}`;
}

/** Diagnostics as `file:line: severity: message`, one per line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}\n`).join('');
}

/** True when a change means the out folder does not match the templates (what --check fails on). */
export function isOutOfDate(change: PlannedChange): boolean {
  return change.status !== 'ok';
}

/** The table of outputs: what happens to each (or its status, for --check), its lines and its budget. */
export function formatChangeTable(input: ReportInput, mode: ReportMode): string {
  const rows = input.changes.map((change) => {
    const first = mode === 'check' ? change.status : change.action === 'unchanged' ? 'ok' : change.action;
    const size = change.lines !== undefined ? `${change.lines}/${change.budget}` : change.previousLines !== undefined ? `(${change.previousLines})` : '';
    return [first, outPath(input.outLabel, change.path), size] as const;
  });
  const header = [mode === 'check' ? 'status' : mode === 'dry-run' ? 'would' : 'action', 'file', 'lines/budget'] as const;
  const all = [header, ...rows];
  const widths = [0, 1].map((column) => Math.max(...all.map((row) => row[column].length)));
  const sizeWidth = Math.max(...all.map((row) => row[2].length));
  return all.map((row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(sizeWidth)}`.trimEnd()).join('\n') + '\n';
}

/** Counts per action (or per status in check mode), for the closing summary line. */
export function summarize(changes: readonly PlannedChange[], mode: ReportMode): string {
  // Fixed key order, so the line reads the same whatever the paths.
  const order = mode === 'check'
    ? ['ok', 'missing', 'stale', 'orphaned', 'hand-edited', 'not-generated']
    : mode === 'dry-run' ? ['to create', 'to update', 'to delete', 'unchanged', 'blocked'] : ['created', 'updated', 'deleted', 'unchanged', 'blocked'];
  const counts: Record<string, number> = Object.fromEntries(order.map((key) => [key, 0]));
  for (const change of changes) {
    const key = mode === 'check' ? change.status : change.action === 'create' ? (mode === 'dry-run' ? 'to create' : 'created') : change.action === 'update' ? (mode === 'dry-run' ? 'to update' : 'updated') : change.action === 'delete' ? (mode === 'dry-run' ? 'to delete' : 'deleted') : change.action;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return reportText.summary(counts);
}

/** The whole human-readable report: heading, table, blocked-file notes, diffs (optional), summary. */
export function formatReport(input: ReportInput, mode: ReportMode, options: { diff?: boolean } = {}): string {
  const parts = [`${reportText.heading(input.templatesLabel, input.outLabel)}\n`];
  if (input.hasErrors) {
    const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
    parts.push(`${reportText.errorsBlockWrite(errors)}\n`);
    return parts.join('');
  }
  if (input.changes.length === 0) {
    parts.push(`${reportText.nothingToCompile(input.templatesLabel)}\n`);
    return parts.join('');
  }
  // A check lists only what is wrong; CI logs stay short when all is well.
  const shown = mode === 'check' ? input.changes.filter(isOutOfDate) : input.changes;
  if (shown.length > 0) parts.push(formatChangeTable({ ...input, changes: shown }, mode));
  for (const change of input.changes) {
    if (change.action === 'blocked') parts.push(`${reportText.blocked(outPath(input.outLabel, change.path), change.status)}\n`);
  }
  if (options.diff) {
    for (const change of input.changes) {
      if (change.action === 'unchanged') continue;
      const label = outPath(input.outLabel, change.path);
      parts.push(unifiedDiff(change.before, change.action === 'delete' ? undefined : change.after, { before: `a/${label}`, after: `b/${label}` }));
    }
  }
  if (mode === 'check') {
    const stale = input.changes.filter(isOutOfDate).length;
    parts.push(`${stale > 0 ? reportText.checkFailed(stale) : reportText.checkPassed(input.changes.length)}\n`);
  } else {
    parts.push(`${summarize(input.changes, mode)}\n`);
  }
  return parts.join('');
}

/** The machine-readable report for --json. */
export function formatJsonReport(input: ReportInput, mode: ReportMode): string {
  const files = input.changes.map((change) => ({
    path: outPath(input.outLabel, change.path),
    kind: change.kind ?? null,
    action: change.action,
    status: change.status,
    lines: change.lines ?? null,
    budget: change.budget ?? null,
    previousLines: change.previousLines ?? null,
  }));
  const ok = !input.hasErrors && (mode === 'check' ? !input.changes.some(isOutOfDate) : !input.changes.some((c) => c.action === 'blocked'));
  return `${JSON.stringify({ mode, templates: input.templatesLabel, out: input.outLabel, ok, files, diagnostics: input.diagnostics }, null, 2)}\n`;
}
