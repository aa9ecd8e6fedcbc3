import { defineCommand, type CommandIO, type ParsedArgs } from './command.js';
import { UsageError, UserError } from './errors.js';
import { SETTINGS_SCOPES, type SettingsScope } from '../claude/settings/settings-types.js';

/** Reads --scope; `fallback` when absent. */
export function readScope(value: unknown, fallback: SettingsScope | undefined): SettingsScope | undefined {
  if (value === undefined) return fallback;
  if (!SETTINGS_SCOPES.includes(value as SettingsScope)) {
    throw new UsageError(`Unexpected --scope '${String(value)}', expected one of ${SETTINGS_SCOPES.join(', ')}.`);
  }
  return value as SettingsScope;
}

async function runGitHook(args: ParsedArgs, io: CommandIO): Promise<number> {
  if (args.values['dry-run'] || args.values.scope !== undefined) throw new UsageError('--git-hook cannot be combined with --dry-run or --scope.');
  const [{ locateCtxkitPackage }, { resolveNodeCommand }] = await Promise.all([import('../install/ctxkit-package.js'), import('../install/run-install.js')]);
  const pkg = locateCtxkitPackage();
  const node = resolveNodeCommand(args.values.node as string | undefined, process.execPath);
  const { installPreCommit } = await import('../git/pre-commit.js');
  const result = await installPreCommit({ cwd: io.cwd, command: [node, pkg.binFile] });
  io.stdout(args.values.json ? `${JSON.stringify({ command: 'install', gitHook: result }, null, 2)}\n` : `${result.message}\n`);
  return 0;
}

async function runTemplates(args: ParsedArgs, io: CommandIO): Promise<number> {
  if (args.values.scope !== undefined || args.values.node !== undefined || args.values['git-hook']) {
    throw new UsageError('--templates cannot be combined with --scope, --node or --git-hook.');
  }
  const [{ locateCtxkitPackage }, { copyTemplates, formatCopyTemplatesReport }, { loadValidatedConfig }, { displayPath }] = await Promise.all([
    import('../install/ctxkit-package.js'),
    import('../install/copy-templates.js'),
    import('../config/index.js'),
    import('../install/run-install.js'),
  ]);
  const result = await copyTemplates({
    packageRoot: locateCtxkitPackage().root,
    projectDir: io.cwd,
    templatesDir: loadValidatedConfig(io.cwd).templates,
    force: Boolean(args.values.force),
    dryRun: Boolean(args.values['dry-run']),
  });
  const label = displayPath(result.templatesDir, io.cwd);
  io.stdout(args.values.json ? `${JSON.stringify({ command: 'install', templates: { dir: label, dryRun: result.dryRun, files: result.copies } }, null, 2)}\n` : formatCopyTemplatesReport(result, label));
  return 0;
}

export default defineCommand({
  name: 'install',
  summary: 'Wire ctxkit hooks into Claude Code settings (or a git pre-commit hook)',
  usage: 'ctxkit install [--scope project|local|user] [--dry-run] [--force] [--node node|absolute|<path>] [--json] [--git-hook | --templates]',
  options: {
    scope: { type: 'string', valueName: 'project|local|user', description: 'Settings file: .claude/settings.json (project, default), .claude/settings.local.json (local) or ~/.claude/settings.json (user)' },
    'dry-run': { type: 'boolean', description: 'Print a unified diff of the change; write nothing' },
    force: { type: 'boolean', description: 'Install even when ctxkit hooks are active in another scope or plugin' },
    node: { type: 'string', valueName: 'node|absolute|path', description: "How hooks start Node: 'node' from PATH (default), 'absolute' = this Node's path, or a path" },
    json: { type: 'boolean', description: 'Print the result as JSON' },
    'git-hook': { type: 'boolean', description: 'Install the git pre-commit hook (ctxkit lint) instead of Claude Code hooks' },
    templates: { type: 'boolean', description: "Copy ctxkit's /orchestrate and coordinator templates into templates/ (never over yours unless --force)" },
  },
  details: [
    'Merges exec-form hook entries (node <ctxkit>/dist/hooks/entry.cjs <Event>, each with a timeout) into the settings',
    "file, keeping the file's other content, order and indentation. Idempotent; upgrades older ctxkit entries in place.",
    'Refuses (and leaves untouched) a settings file that is not valid JSON or that Claude Code would reject.',
    'Keeps a backup next to a changed file (<file>.ctxkit-backup) and adds the store folder to .gitignore.',
    '--templates copies the orchestrator templates (commands/orchestrate.md, four coordinator agents, their partials)',
    'into the templates folder (config `templates`); run `ctxkit generate` next. Uninstall leaves them in place.',
    'Exit codes: 0 installed or already installed; 1 not installed because ctxkit is active elsewhere; 2 error.',
  ].join('\n'),
  async run(args, io) {
    if (args.values.templates) return runTemplates(args, io);
    if (args.values['git-hook']) return runGitHook(args, io);
    const scope = readScope(args.values.scope, 'project')!;
    const [{ runInstall, displayPath }, { formatInstallReport }] = await Promise.all([import('../install/run-install.js'), import('../install/messages.js')]);
    let report;
    try {
      report = await runInstall({
        cwd: io.cwd,
        env: io.env,
        scope,
        force: Boolean(args.values.force),
        dryRun: Boolean(args.values['dry-run']),
        ...(typeof args.values.node === 'string' ? { node: args.values.node } : {}),
      });
    } catch (error) {
      if (error instanceof UserError && args.values.json) {
        io.stdout(`${JSON.stringify({ command: 'install', status: 'refused', error: error.message }, null, 2)}\n`);
      }
      throw error;
    }
    if (args.values.json) {
      const { ops, ...rest } = report;
      const files = ops.filter((op) => op.kind !== 'rmdir-if-empty').map((op) => ({ action: op.kind, role: 'role' in op ? op.role : undefined, path: op.path }));
      io.stdout(`${JSON.stringify({ command: 'install', ...rest, files }, null, 2)}\n`);
    } else {
      io.stdout(formatInstallReport(report, { displayPath: (path) => displayPath(path, io.cwd) }));
    }
    return report.status === 'elsewhere' ? 1 : 0;
  },
});
