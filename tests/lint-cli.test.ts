import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i + 1} of the command.`).join('\n') + '\n';
const command = (body: string) => `---\ndescription: Deploy the app\n---\n${body}`;

let dir: TestDir | undefined;
afterEach(() => dir?.cleanup());

describe('ctxkit lint (built CLI)', () => {
  it('exits 0 and says so when everything is within budget', () => {
    dir = testdir({ '.claude/commands/deploy.md': command('# Deploy\n\nShip it.\n'), 'CLAUDE.md': '# Project\n' });
    const result = runCli(['lint'], { cwd: dir.path });
    expect(result.stdout).toBe('No problems in 2 files.\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 on an over-budget command and says what was found and expected', () => {
    dir = testdir({ '.claude/commands/deploy.md': command(lines(209)) });
    const result = runCli(['lint'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('.claude/commands/deploy.md:141:1');
    expect(result.stdout).toContain('Unexpected 212 lines, expected at most 140');
    expect(result.stdout).toContain('command-max-lines');
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings) in 1 of 1 file.');
  });

  it('only lints the configured globs, and file or folder arguments replace them', () => {
    dir = testdir({
      '.claude/commands/ok.md': command('Fine.\n'),
      'docs/long.md': lines(300),
      'notes/a.md': `${'x'.repeat(500)}\n`,
    });
    expect(runCli(['lint'], { cwd: dir.path }).code).toBe(0);
    const named = runCli(['lint', 'notes', '--format', 'json'], { cwd: dir.path });
    expect(JSON.parse(named.stdout).findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual(['notes/a.md max-line-length']);
    expect(named.code).toBe(0);
    const missing = runCli(['lint', 'nope.md'], { cwd: dir.path });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file or folder: nope.md.');
  });

  it('applies rule severities, include globs, per-glob budgets and maxWarnings from the config', () => {
    dir = testdir({
      'ctxkit.config.json': JSON.stringify({
        budgets: { overrides: [{ glob: '.claude/commands/big/**', maxLines: 400 }] },
        lint: { include: ['.claude/commands/**/*.md', 'prompts/**/*.md'], rules: { 'command-description': 'error', 'max-line-length': 'off' }, maxWarnings: 0 },
      }),
      '.claude/commands/big/report.md': command(lines(300)),
      '.claude/commands/plain.md': `No frontmatter here.\n${'y'.repeat(500)}\n`,
      'prompts/p.md': `---\n---\n${'z'.repeat(600)}\n`,
    });
    const result = runCli(['lint', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: '.claude/commands/plain.md', line: 1, ruleId: 'command-description', severity: 'error' }),
    ]);
    expect(report.filesChecked).toBe(3);
    expect(result.code).toBe(1);
  });

  it('fails on more warnings than --max-warnings, and passes with warnings otherwise', () => {
    dir = testdir({ 'CLAUDE.md': `${'w'.repeat(500)}\n` });
    expect(runCli(['lint'], { cwd: dir.path }).code).toBe(0);
    const strict = runCli(['lint', '--max-warnings', '0'], { cwd: dir.path });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Too many warnings: found 1, expected at most 0');
  });

  it('writes GitHub annotations and SARIF', () => {
    dir = testdir({ '.claude/commands/deploy.md': command(lines(150)) });
    const github = runCli(['lint', '--format', 'github'], { cwd: dir.path });
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=\.claude\/commands\/deploy\.md,line=141,col=1,title=ctxkit command-max-lines::Unexpected 153 lines/);
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif'], { cwd: dir.path }).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'command-max-lines', level: 'error' });
    expect(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'command-max-lines')).toBe(true);
  });

  it('reports generated files that are stale against their templates (work tree only)', () => {
    dir = testdir({ 'templates/commands/deploy.md': command('# Deploy\n\nShip it.\n') });
    expect(runCli(['generate'], { cwd: dir.path }).code).toBe(0);
    expect(runCli(['lint'], { cwd: dir.path }).code).toBe(0);
    dir.write('templates/commands/deploy.md', command('# Deploy\n\nShip it carefully.\n'));
    const stale = runCli(['lint'], { cwd: dir.path });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('.claude/commands/deploy.md:4:1');
    expect(stale.stdout).toContain('Unexpected stale generated file');
  });

  it('honours disable comments', () => {
    dir = testdir({ '.claude/commands/deploy.md': command(`<!-- ctxkit-lint-disable command-max-lines -->\n${lines(200)}`) });
    expect(runCli(['lint'], { cwd: dir.path }).code).toBe(0);
  });

  it('exits 2 with a clear message on bad usage or a bad config', () => {
    dir = testdir({ 'ctxkit.config.json': JSON.stringify({ lint: { rules: { 'no-such-rule': 'warn' } } }) });
    const unknown = runCli(['lint'], { cwd: dir.path });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown rule 'no-such-rule' in lint.rules");
    dir.write('ctxkit.config.json', '{ not json');
    const broken = runCli(['lint'], { cwd: dir.path });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
    expect(runCli(['lint', '--max-warnings', 'lots'], { cwd: dir.path }).code).toBe(2);
    expect(runCli(['lint', '--format', 'xml'], { cwd: dir.path }).stderr).toContain("Unexpected --format 'xml'");
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares ctxkit-lint running ctxkit lint on .claude markdown and CLAUDE.md files', async () => {
    const { readFileSync } = await import('node:fs');
    const { PROJECT_ROOT } = await import('./helpers/run-cli.js');
    const text = readFileSync(`${PROJECT_ROOT}/.pre-commit-hooks.yaml`, 'utf8');
    const field = (name: string) => new RegExp(`^\\s+-?\\s*${name}: (.+)$`, 'm').exec(text)?.[1];
    expect(field('- id') ?? /- id: (\S+)/.exec(text)?.[1]).toBe('ctxkit-lint');
    expect(field('entry')).toBe('ctxkit lint');
    expect(field('language')).toBe('node');
    const files = new RegExp(field('files')!.replace(/^'|'$/g, ''));
    const matched = ['.claude/commands/a.md', 'pkg/.claude/agents/b.md', '.claude/context/x/y.md', 'CLAUDE.md', 'web/CLAUDE.md', 'docs/a.md', '.claude/settings.json'].filter((path) => files.test(path));
    expect(matched).toEqual(['.claude/commands/a.md', 'pkg/.claude/agents/b.md', '.claude/context/x/y.md', 'CLAUDE.md', 'web/CLAUDE.md']);
  });
});
