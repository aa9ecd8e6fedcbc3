import { defineCommand } from './command.js';
import { UsageError } from './errors.js';
import { readScope } from './install.js';

export default defineCommand({
  name: 'uninstall',
  summary: 'Remove exactly what install added',
  usage: 'ctxkit uninstall [--scope project|local|user] [--dry-run] [--json] [--git-hook]',
  options: {
    scope: { type: 'string', valueName: 'project|local|user', description: 'Only this settings file (default: project and local, and user when install recorded it)' },
    'dry-run': { type: 'boolean', description: 'Print a unified diff of the change; write nothing' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
    'git-hook': { type: 'boolean', description: 'Remove the git pre-commit hook instead' },
  },
  details: [
    "Removes ctxkit's hook entries and nothing else. Matcher groups and event arrays left empty go; the hooks key and",
    'the file go only when ctxkit created them (recorded in <store>/install.json). The .gitignore line ctxkit added is',
    'removed once no scope is installed any more.',
  ].join('\n'),
  async run(args, io) {
    if (args.values['git-hook']) {
      if (args.values['dry-run'] || args.values.scope !== undefined) throw new UsageError('--git-hook cannot be combined with --dry-run or --scope.');
      const { uninstallPreCommit } = await import('../git/pre-commit.js');
      const result = await uninstallPreCommit({ cwd: io.cwd });
      io.stdout(args.values.json ? `${JSON.stringify({ command: 'uninstall', gitHook: result }, null, 2)}\n` : `${result.message}\n`);
      return 0;
    }
    const scope = readScope(args.values.scope, undefined);
    const [{ runUninstall }, { displayPath }, { formatUninstallReport }] = await Promise.all([
      import('../install/run-uninstall.js'),
      import('../install/run-install.js'),
      import('../install/messages.js'),
    ]);
    const report = await runUninstall({ cwd: io.cwd, env: io.env, dryRun: Boolean(args.values['dry-run']), ...(scope ? { scope } : {}) });
    if (args.values.json) {
      const { ops, ...rest } = report;
      const files = ops.filter((op) => op.kind !== 'rmdir-if-empty').map((op) => ({ action: op.kind, role: 'role' in op ? op.role : undefined, path: op.path }));
      io.stdout(`${JSON.stringify({ command: 'uninstall', ...rest, files }, null, 2)}\n`);
    } else {
      const scopesLabel = scope ? `the ${scope} settings` : 'the project and local settings';
      io.stdout(formatUninstallReport(report, { displayPath: (path) => displayPath(path, io.cwd), scopesLabel }));
    }
    return 0;
  },
});
