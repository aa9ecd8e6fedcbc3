import { join } from 'node:path';
import { CONFIG_FILE, type CtxkitConfig } from '../config/index.js';
import type { ReportInput } from '../generator/format-report.js';
import { defineCommand, type CommandIO } from './command.js';
import { loadCommandConfig } from './load-command-config.js';
import { ExitCode, UsageError } from './errors.js';

export default defineCommand({
  name: 'generate',
  summary: 'Compile templates into .claude/commands, agents and context files',
  usage: 'ctxkit generate [--templates DIR] [--out DIR] [--check | --dry-run [--diff] | --watch] [--json] [--force]',
  options: {
    templates: { type: 'string', valueName: 'DIR', description: 'Templates folder (default: "templates" in ctxkit.config.json, else templates/)' },
    out: { type: 'string', valueName: 'DIR', description: 'Output folder (default: "out" in ctxkit.config.json, else .claude/)' },
    check: { type: 'boolean', description: 'Write nothing; exit 1 listing missing, stale, orphaned or hand-edited outputs (for CI)' },
    'dry-run': { type: 'boolean', description: 'Write nothing; show what would be created, updated or deleted' },
    diff: { type: 'boolean', description: 'Also print a unified diff of every change' },
    watch: { type: 'boolean', description: 'Rebuild on every template or config change until stopped' },
    json: { type: 'boolean', description: 'Print a JSON report on stdout' },
    force: { type: 'boolean', description: 'Overwrite or delete outputs that were edited by hand or not generated' },
  },
  details: [
    'Templates: commands/**.md -> <out>/commands/**.md (subfolders become /ns:name), agents/**.md -> <out>/agents/,',
    'partials/** are include-only. Sections over budget move to <out>/context/<command>/<section>.md behind a pointer line.',
    'Syntax: {{> partial}} on its own line, {{variable}}, \\{{ for literal braces, <!-- progressive: when to read --> and',
    '<!-- immediate --> after a heading, and ctxkit: {allowShell: true} in frontmatter. See docs/generate.md.',
    '',
    'Exit codes: 0 ok; 1 template errors, out-of-date outputs (--check) or blocked hand-edited files; 2 could not run.',
  ].join('\n'),
  async run(args, io) {
    const values = args.values;
    const modes = (['check', 'dry-run', 'watch'] as const).filter((mode) => values[mode] === true);
    if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together.`);
    if (values.watch && values.json) throw new UsageError('--watch and --json cannot be used together.');
    const flags = {
      ...(typeof values.templates === 'string' ? { templates: values.templates } : {}),
      ...(typeof values.out === 'string' ? { out: values.out } : {}),
    };
    const { planGenerate, resolveGenerateSettings, applyPlan } = await import('../generator/run-generate.js');
    const report = await import('../generator/format-report.js');
    const mode = values.check ? 'check' : values['dry-run'] ? 'dry-run' : 'write';
    const force = values.force === true;

    const runOnce = (config: CtxkitConfig) => {
      const plan = planGenerate(resolveGenerateSettings(io.cwd, config, flags), { force });
      if (mode === 'write') applyPlan(plan);
      const input = { ...plan, diagnostics: plan.result.diagnostics };
      return { plan, input };
    };

    const config = loadCommandConfig(io.cwd);
    const { plan, input } = runOnce(config);
    const failed =
      plan.hasErrors ||
      (mode === 'check' ? plan.changes.some(report.isOutOfDate) : plan.changes.some((change) => change.action === 'blocked'));
    if (values.json) {
      io.stdout(report.formatJsonReport(input, mode));
      return failed ? ExitCode.findings : ExitCode.ok;
    }
    io.stderr(report.formatDiagnostics(input.diagnostics));
    io.stdout(report.formatReport(input, mode, { diff: values.diff === true }));
    if (!values.watch) return failed ? ExitCode.findings : ExitCode.ok;
    return watch(io, plan.settings.templatesDir, plan.templatesLabel, () => runOnce(loadCommandConfig(io.cwd)).input);
  },
});

/** Rebuilds on every change until SIGINT/SIGTERM; template errors are reported and the watch goes on. */
async function watch(io: CommandIO, templatesDir: string, templatesLabel: string, rebuild: () => ReportInput): Promise<number> {
  const { watchTemplates } = await import('../generator/watch-templates.js');
  const { reportText } = await import('../generator/messages.js');
  const report = await import('../generator/format-report.js');
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await watchTemplates({
      paths: [templatesDir, join(io.cwd, CONFIG_FILE)],
      signal: controller.signal,
      onReady: () => io.stdout(`${reportText.watching(templatesLabel)}\n`),
      onChange: () => {
        const input = rebuild();
        io.stderr(report.formatDiagnostics(input.diagnostics));
        if (input.hasErrors) {
          io.stderr(`${reportText.watchFailed()}\n`);
          return;
        }
        const changed = input.changes.filter((change) => change.action !== 'unchanged');
        if (changed.length > 0) io.stdout(report.formatChangeTable({ ...input, changes: changed }, 'write'));
        io.stdout(`${reportText.watchRebuilt(report.summarize(input.changes, 'write'))}\n`);
      },
      onError: (error) => io.stderr(`${error instanceof Error ? error.message : String(error)}\n${reportText.watchFailed()}\n`),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return ExitCode.ok;
}
