import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const filler = (label: string, count: number) => Array.from({ length: count }, (_, i) => `${label} ${i + 1}`).join('\n');

const project = {
  'templates/commands/deploy.md': [
    '---',
    'description: Deploy {{app}}',
    'ctxkit: {allowShell: true}',
    '---',
    '# Deploy {{app}}',
    '',
    '!`git status --short`',
    '',
    '{{> checklist}}',
    '',
    '## Rollback',
    '<!-- progressive: when a deploy must be undone -->',
    '',
    filler('rollback step', 30),
    '',
  ].join('\n'),
  'templates/agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews a diff\n---\nReview the diff.\n',
  'templates/partials/checklist.md': '- tests pass\n- changelog updated\n',
  'ctxkit.config.json': JSON.stringify({ variables: { app: 'web' } }),
};

let dir: TestDir;
afterEach(() => dir?.cleanup());

const read = (path: string) => readFileSync(dir.join(path), 'utf8');

describe('ctxkit generate (built CLI)', () => {
  beforeAll(() => {
    // The CLI under test is the built one; tests/helpers/run-cli.ts spawns bin/ctxkit.js.
    expect(existsSync(new URL('../dist/cli/generate.js', import.meta.url))).toBe(true);
  });

  it('writes commands, agents and context files and prints lines against budgets', () => {
    dir = testdir(project);
    const result = runCli(['generate'], { cwd: dir.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/create\s+\.claude\/commands\/deploy\.md\s+\d+\/140/);
    expect(result.stdout).toMatch(/create\s+\.claude\/context\/deploy\/rollback\.md\s+33\/200/);
    expect(result.stdout).toMatch(/create\s+\.claude\/agents\/reviewer\.md\s+6\/200/);
    const command = read('.claude/commands/deploy.md');
    expect(command).toContain('description: Deploy web\nallowed-tools:\n  - "Bash(git status *)"\n---\n<!-- ctxkit:generated from=templates/commands/deploy.md ');
    expect(command).toContain('- tests pass\n- changelog updated\n');
    expect(command).toContain('- Read .claude/context/deploy/rollback.md when a deploy must be undone.\n');
    expect(command).not.toMatch(/^ctxkit:/m);
    expect(read('.claude/context/deploy/rollback.md')).toContain('## Rollback\n\nrollback step 1\n');
  });

  it('--check passes when up to date and fails listing stale, missing, orphaned and hand-edited files', () => {
    dir = testdir({ ...project, 'templates/commands/old.md': 'Old command.\n' });
    expect(runCli(['generate'], { cwd: dir.path }).code).toBe(0);
    const clean = runCli(['generate', '--check'], { cwd: dir.path });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('All 4 generated file(s) are up to date.');

    dir.write('templates/agents/reviewer.md', '---\nname: reviewer\ndescription: Reviews a diff\n---\nReview the diff twice.\n');
    rmSync(dir.join('.claude/context/deploy/rollback.md'));
    rmSync(dir.join('templates/commands/old.md'));
    writeFileSync(dir.join('.claude/commands/deploy.md'), read('.claude/commands/deploy.md').replace('rollback', 'ROLLBACK'));
    const stale = runCli(['generate', '--check'], { cwd: dir.path });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/stale\s+\.claude\/agents\/reviewer\.md/);
    expect(stale.stdout).toMatch(/missing\s+\.claude\/context\/deploy\/rollback\.md/);
    expect(stale.stdout).toMatch(/orphaned\s+\.claude\/commands\/old\.md/);
    expect(stale.stdout).toMatch(/hand-edited\s+\.claude\/commands\/deploy\.md/);
    expect(stale.stdout).toContain('4 generated file(s) out of date: run ctxkit generate.');
    expect(existsSync(dir.join('.claude/commands/old.md'))).toBe(true);
  });

  it('--dry-run and --diff show what would change and write nothing', () => {
    dir = testdir(project);
    runCli(['generate'], { cwd: dir.path });
    dir.write('templates/agents/reviewer.md', '---\nname: reviewer\ndescription: Reviews a diff\n---\nReview the diff twice.\n');
    dir.write('templates/commands/new.md', 'New.\n');
    const before = read('.claude/agents/reviewer.md');
    const result = runCli(['generate', '--dry-run', '--diff'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/would\s+file/);
    expect(result.stdout).toMatch(/update\s+\.claude\/agents\/reviewer\.md\s+6\/200/);
    expect(result.stdout).toMatch(/create\s+\.claude\/commands\/new\.md\s+2\/140/);
    expect(result.stdout).toContain('\n-Review the diff.\n');
    expect(result.stdout).toContain('\n+Review the diff twice.\n');
    expect(result.stdout).toContain('--- /dev/null\n+++ b/.claude/commands/new.md\n');
    expect(result.stdout).toContain('1 to create, 1 to update, 2 unchanged.');
    expect(read('.claude/agents/reviewer.md')).toBe(before);
    expect(existsSync(dir.join('.claude/commands/new.md'))).toBe(false);
  });

  it('removes generated files whose template was deleted, never hand-written ones', () => {
    dir = testdir({ ...project, '.claude/commands/mine.md': '# Written by hand\n', '.claude/settings.json': '{}\n' });
    runCli(['generate'], { cwd: dir.path });
    rmSync(dir.join('templates/commands/deploy.md'));
    const result = runCli(['generate'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/delete\s+\.claude\/commands\/deploy\.md/);
    expect(result.stdout).toMatch(/delete\s+\.claude\/context\/deploy\/rollback\.md/);
    expect(existsSync(dir.join('.claude/commands/deploy.md'))).toBe(false);
    expect(existsSync(dir.join('.claude/context/deploy'))).toBe(false);
    expect(read('.claude/commands/mine.md')).toBe('# Written by hand\n');
    expect(read('.claude/settings.json')).toBe('{}\n');
  });

  it('refuses to overwrite a hand-edited output, and overwrites it with --force', () => {
    dir = testdir(project);
    runCli(['generate'], { cwd: dir.path });
    const edited = read('.claude/agents/reviewer.md').replace('Review the diff.', 'My own words.');
    writeFileSync(dir.join('.claude/agents/reviewer.md'), edited);
    dir.write('templates/agents/reviewer.md', '---\nname: reviewer\ndescription: Reviews a diff\n---\nReview it.\n');
    const blocked = runCli(['generate'], { cwd: dir.path });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('.claude/agents/reviewer.md was edited by hand since it was generated');
    expect(read('.claude/agents/reviewer.md')).toBe(edited);
    const forced = runCli(['generate', '--force'], { cwd: dir.path });
    expect(forced.code).toBe(0);
    expect(read('.claude/agents/reviewer.md')).toContain('Review it.');
  });

  it('reports template errors as file:line, writes nothing, exits 1', () => {
    dir = testdir({
      ...project,
      'templates/commands/broken.md': 'Line one.\n{{> nowhere}}\nUses {{undefinedThing}}.\n',
    });
    const result = runCli(['generate'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("templates/commands/broken.md:2: error: Missing partial 'nowhere'");
    expect(result.stderr).toContain("templates/commands/broken.md:3: error: Undefined variable '{{undefinedThing}}'");
    expect(result.stdout).toContain('2 error(s) in templates: nothing was written.');
    expect(existsSync(dir.join('.claude'))).toBe(false);
  });

  it('compiles any folder with --templates and --out, with pointers into that out folder', () => {
    dir = testdir({
      'docs/tpl/commands/ops/run.md': `# Run\n\n## Details\n<!-- progressive -->\n${filler('detail', 3)}\n`,
    });
    const result = runCli(['generate', '--templates', 'docs/tpl', '--out', 'build/claude'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ctxkit generate: docs/tpl/ -> build/claude/');
    expect(read('build/claude/commands/ops/run.md')).toContain('- Read build/claude/context/ops/run/details.md when you need "Details".');
    expect(read('build/claude/context/ops/run/details.md')).toContain('<!-- ctxkit:generated from=docs/tpl/commands/ops/run.md ');
    expect(runCli(['generate', '--check', '--templates', 'docs/tpl', '--out', 'build/claude'], { cwd: dir.path }).code).toBe(0);
  });

  it('takes folders and budgets from ctxkit.config.json', () => {
    dir = testdir({
      'ctxkit.config.json': JSON.stringify({ templates: 'tpl', out: 'gen', budgets: { commandLines: 10, overrides: [{ glob: 'gen/context/**', maxLines: 12 }] } }),
      'tpl/commands/a.md': `# A\n\n## Part\n\n${filler('part', 9)}\n`,
    });
    const result = runCli(['generate'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gen\/commands\/a\.md\s+\d+\/10/);
    expect(result.stdout).toMatch(/gen\/context\/a\/part\.md\s+12\/12/);
  });

  it('prints a JSON report with --json', () => {
    dir = testdir(project);
    const result = runCli(['generate', '--dry-run', '--json'], { cwd: dir.path });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; files: { path: string; action: string; lines: number; budget: number }[]; diagnostics: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => `${file.action} ${file.path}`)).toEqual([
      'create .claude/agents/reviewer.md',
      'create .claude/commands/deploy.md',
      'create .claude/context/deploy/rollback.md',
    ]);
    expect(report.diagnostics).toEqual([]);
  });

  it('gives the same bytes on a second run', () => {
    dir = testdir(project);
    runCli(['generate'], { cwd: dir.path });
    const first = read('.claude/commands/deploy.md');
    const second = runCli(['generate'], { cwd: dir.path });
    expect(second.stdout).toContain('3 unchanged.');
    expect(read('.claude/commands/deploy.md')).toBe(first);
  });

  it('fits a long command of many small sections by grouping them, every file within budget', () => {
    // Like the bench corpus: a title, an intro, then 70 sections of 2 to 12 lines. One pointer per
    // section would not fit 140 lines; groups of neighbouring sections do.
    const sections = Array.from({ length: 70 }, (_, i) => `## Section ${i + 1}\n\n${filler(`s${i + 1} line`, 1 + ((i * 7) % 11))}`);
    dir = testdir({ 'templates/commands/long.md': `---\ndescription: Long\n---\n# Long\n\n${filler('intro', 20)}\n\n${sections.join('\n\n')}\n` });
    const result = runCli(['generate', '--json'], { cwd: dir.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string; lines: number; budget: number }[] };
    for (const file of report.files) expect(file.lines, file.path).toBeLessThanOrEqual(file.budget);
    const command = read('.claude/commands/long.md');
    expect(command).toContain(`${filler('intro', 20)}\n`);
    const groups = command.split('\n').filter((line) => /^- Read \.claude\/context\/long\/section-\d+-to-section-\d+\.md when you need "Section \d+"/.test(line));
    expect(groups.length).toBeGreaterThan(0);
    expect(runCli(['generate', '--check'], { cwd: dir.path }).code).toBe(0);
  });

  it('fails with exit 2 on a missing templates folder or conflicting flags', () => {
    dir = testdir({});
    const missing = runCli(['generate'], { cwd: dir.path });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No templates folder at templates');
    const conflict = runCli(['generate', '--check', '--watch'], { cwd: dir.path });
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('--check and --watch cannot be used together.');
  });
});
