import { readFileSync } from 'node:fs';
import { defineCommand } from './command.js';
import { ExitCode, UsageError, UserError } from './errors.js';

const formats = ['text', 'json', 'github', 'sarif'] as const;
type ReportFormat = (typeof formats)[number];

export default defineCommand({
  name: 'lint',
  summary: 'Check commands, agents, context files and CLAUDE.md against the budgets',
  usage: 'ctxkit lint [options] [file-or-folder...]',
  positionals: true,
  options: {
    format: { type: 'string', short: 'f', valueName: 'text|json|github|sarif', description: 'Report format (default: text)' },
    'max-warnings': { type: 'string', valueName: 'n', description: 'Fail when there are more than n warnings (overrides lint.maxWarnings)' },
    staged: { type: 'boolean', description: 'Lint the staged content of staged files (what the next commit records)' },
  },
  details: [
    'Without arguments, lints the files matched by lint.include (minus lint.exclude) in ctxkit.config.json:',
    '.claude/commands/**, .claude/agents/**, .claude/context/** and CLAUDE.md by default. Files or folders',
    'given as arguments replace those globs (a folder means every .md file under it).',
    '',
    'Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 could not run.',
    'Turn rules off or change their severity in lint.rules; switch them off in one file with',
    '<!-- ctxkit-lint-disable rule-id --> or for one line with <!-- ctxkit-lint-disable-next-line rule-id -->.',
    '',
    'Examples:',
    '  ctxkit lint',
    '  ctxkit lint .claude/commands/deploy.md',
    '  ctxkit lint --format github        # annotations in GitHub Actions',
    '  ctxkit lint --format sarif > ctxkit.sarif',
    '  ctxkit lint --staged               # what the pre-commit hook runs',
  ].join('\n'),
  async run(args, io) {
    const format = parseFormat(args.values.format);
    const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
    const staged = args.values.staged === true;
    if (staged && args.positionals.length > 0) throw new UsageError("--staged lints the staged files; it takes no file arguments. See 'ctxkit lint --help'.");

    const [{ runLint, MissingPathError }, { loadCommandConfig }, { rules }] = await Promise.all([
      import('../lint/run-lint.js'),
      import('./load-command-config.js'),
      import('../lint/rules/index.js'),
    ]);
    const root = staged ? await findGitRoot(io.cwd) : io.cwd;
    const config = loadCommandConfig(root);
    const unknown = Object.keys(config.lint.rules).filter((id) => !rules.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      throw new UserError(
        `Unknown rule ${unknown.map((id) => `'${id}'`).join(', ')} in lint.rules of ctxkit.config.json; expected one of: ${rules.map((rule) => rule.id).join(', ')}.`,
      );
    }

    let report;
    try {
      report = await runLint({ root, config, paths: args.positionals, cwd: io.cwd, staged, maxWarnings });
    } catch (error) {
      if (error instanceof MissingPathError) throw new UserError(error.message);
      const { GitNotFoundError, GitCommandError } = await import('../git/exec-git.js');
      if (error instanceof GitNotFoundError || error instanceof GitCommandError) throw new UserError(error.message);
      throw error;
    }

    io.stdout(await formatReport(format, report, io.isTTY && !io.env.NO_COLOR));
    for (const notice of report.notices ?? []) io.stderr(`ctxkit lint: ${notice}\n`);
    const tooManyWarnings = report.maxWarnings !== undefined && report.warningCount > report.maxWarnings;
    return report.errorCount > 0 || tooManyWarnings ? ExitCode.findings : ExitCode.ok;
  },
});

function parseFormat(value: unknown): ReportFormat {
  if (value === undefined) return 'text';
  if (typeof value === 'string' && (formats as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`Unexpected --format '${String(value)}', expected one of ${formats.join(', ')}.`);
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw new UsageError(`Unexpected --max-warnings '${String(value)}', expected a whole number (0 or more).`);
}

async function findGitRoot(cwd: string): Promise<string> {
  const { resolveGitRepo } = await import('../git/resolve-git-repo.js');
  const { GitNotFoundError } = await import('../git/exec-git.js');
  try {
    const repo = await resolveGitRepo(cwd);
    if (!repo) throw new UserError(`--staged needs a git repository, and ${cwd} is not inside one.`);
    return repo.topLevel;
  } catch (error) {
    if (error instanceof GitNotFoundError) throw new UserError('--staged needs git, and git was not found on PATH.');
    throw error;
  }
}

async function formatReport(format: ReportFormat, report: import('../lint/types.js').LintReport, color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../lint/reporters/json.js')).formatJson(report);
    case 'github':
      return (await import('../lint/reporters/github.js')).formatGithub(report);
    case 'sarif':
      return (await import('../lint/reporters/sarif.js')).formatSarif(report, { version: readVersion() });
    default:
      return (await import('../lint/reporters/text.js')).formatText(report, { color });
  }
}

function readVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
