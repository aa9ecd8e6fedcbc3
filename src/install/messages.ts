/** What install and uninstall tell people. Wording lives here so rewording never touches the logic. */
import type { HookChange } from '../claude/settings/merge-ctxkit-hooks.js';
import type { OtherInstall } from './plan-install.js';
import type { InstallReport } from './run-install.js';
import type { UninstallReport } from './run-uninstall.js';

function describeOther(other: OtherInstall): string {
  if (other.where === 'plugin') {
    return `the plugin ${other.plugin ?? ''} (${other.file}; ${other.active ? 'enabled' : 'installed but not enabled'})`;
  }
  return `${other.file} (${other.where} scope: ${other.events.join(', ')})`;
}

function listChanges(changes: HookChange[], action: HookChange['action']): string[] {
  const events = changes.filter((change) => change.action === action).map((change) => change.event);
  return events.length > 0 ? [`  ${`${action}:`.padEnd(12)}${events.join(', ')}`] : [];
}

/** The summary printed after `ctxkit install`. */
export function formatInstallReport(report: InstallReport, options: { displayPath: (path: string) => string }): string {
  const lines: string[] = [];
  const where = `${report.label} (${report.scope} scope)`;
  if (report.status === 'elsewhere') {
    const active = report.elsewhere.filter((other) => other.active);
    lines.push(`ctxkit hooks are already active in ${active.map(describeOther).join(' and ')}.`);
    lines.push('Claude Code runs hooks from every source, so installing them here too would run each event twice.');
    const scopes = active.filter((other) => other.where !== 'plugin').map((other) => `'ctxkit uninstall --scope ${other.where}'`);
    const plugins = active.filter((other) => other.where === 'plugin').map((other) => `'claude plugin disable ${other.plugin ?? 'ctxkit'}'`);
    lines.push(`Nothing was written. Run ${[...scopes, ...plugins].join(' or ')} first, or add --force to install anyway.`);
  } else if (report.status === 'unchanged' && !report.gitignoreAdded) {
    lines.push(`ctxkit hooks are already installed in ${where}; nothing changed.`);
  } else {
    const verb = report.dryRun ? 'Would install' : report.status === 'updated' ? 'Updated' : report.status === 'unchanged' ? 'Kept' : 'Installed';
    const count = report.changes.filter((change) => change.action !== 'removed').length;
    lines.push(`${verb} ctxkit hooks in ${where}: ${count} events.`);
    for (const action of ['added', 'updated', 'removed'] as const) lines.push(...listChanges(report.changes, action));
    if (report.backup) lines.push(`  ${'backup:'.padEnd(12)}${options.displayPath(report.backup)}${report.dryRun ? ' (would be written)' : ''}`);
    lines.push(`  ${'runs:'.padEnd(12)}${report.node} ${report.entryPath} <Event>`);
  }
  if (report.gitignoreAdded) {
    const line = report.ops.find((op) => op.kind === 'write' && op.role === 'gitignore');
    lines.push(`  ${'.gitignore:'.padEnd(12)}${report.dryRun ? 'would add' : 'added'} the store folder${line ? ` (${options.displayPath(line.path)})` : ''}`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${report.label}: ${warning.path}: ${warning.message}`);
  for (const other of report.elsewhere.filter((entry) => !entry.active)) lines.push(`note: ctxkit hooks also found in ${describeOther(other)}.`);
  if (report.status !== 'elsewhere') {
    for (const other of report.elsewhere.filter((entry) => entry.active)) lines.push(`note: --force: ctxkit hooks also active in ${describeOther(other)}; they will run twice.`);
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  if (report.dryRun) {
    if (report.diff) lines.push('', report.diff.trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  return `${lines.join('\n')}\n`;
}

/** The summary printed after `ctxkit uninstall`. */
export function formatUninstallReport(report: UninstallReport, options: { displayPath: (path: string) => string; scopesLabel: string }): string {
  const lines: string[] = [];
  if (report.status === 'not-installed') {
    lines.push(`No ctxkit hooks found in ${options.scopesLabel}; nothing changed.`);
  }
  for (const removal of report.removals) {
    const verb = report.dryRun ? 'Would remove' : 'Removed';
    lines.push(`${verb} ctxkit hooks from ${removal.label} (${removal.scope} scope): ${removal.events.length} events.`);
    if (removal.fileRemoved) lines.push(`  the file only held ctxkit's hooks and ctxkit had created it: ${report.dryRun ? 'would be deleted' : 'deleted'}`);
    if (removal.backup) lines.push(`  ${'backup:'.padEnd(12)}${options.displayPath(removal.backup)}`);
  }
  if (report.gitignoreRemoved) lines.push(`  ${'.gitignore:'.padEnd(12)}${report.dryRun ? 'would remove' : 'removed'} the line ctxkit added`);
  for (const other of report.remaining) lines.push(`note: ctxkit hooks remain in ${describeOther(other)}.`);
  if (report.dryRun) {
    if (report.diff) lines.push('', report.diff.trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  return `${lines.join('\n')}\n`;
}
