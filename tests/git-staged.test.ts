import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function initRepo(files: Record<string, string | Buffer> = {}): TestDir {
  const dir = testdir(files);
  git(dir.path, 'init', '-q', '-b', 'main');
  git(dir.path, 'config', 'user.name', 'Test User');
  git(dir.path, 'config', 'user.email', 'test@example.com');
  return dir;
}

const command = (bodyLines: number, extra = '') => `---\ndescription: Deploy\n---\n${extra}${'Step.\n'.repeat(bodyLines)}`;
const lintStaged = (cwd: string) => {
  const result = runCli(['lint', '--staged', '--format', 'json'], { cwd, env: gitEnv });
  return { ...result, findings: result.stdout ? (JSON.parse(result.stdout).findings as { file: string; line: number; ruleId: string; message: string }[]) : [] };
};
const summary = (findings: { file: string; line: number; ruleId: string }[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

let dir: TestDir | undefined;
afterEach(() => dir?.cleanup());

describe('ctxkit lint --staged', () => {
  it('lints the staged content, not the work tree', () => {
    dir = initRepo({ '.claude/commands/deploy.md': command(200) });
    git(dir.path, 'add', '.');
    dir.write('.claude/commands/deploy.md', command(10));
    const staged = lintStaged(dir.path);
    expect(summary(staged.findings)).toEqual(['.claude/commands/deploy.md:141 command-max-lines']);
    expect(staged.code).toBe(1);
    git(dir.path, 'add', '.');
    dir.write('.claude/commands/deploy.md', command(400));
    expect(lintStaged(dir.path)).toMatchObject({ code: 0, findings: [] });
  });

  it('lints only staged files that match the lint globs', () => {
    dir = initRepo({ '.claude/commands/old.md': command(300) });
    git(dir.path, 'add', '.');
    git(dir.path, 'commit', '-q', '-m', 'old');
    dir.write('.claude/commands/unstaged.md', command(300));
    dir.write('docs/long.md', 'x\n'.repeat(500));
    dir.write('.claude/commands/new.md', command(5, 'Fix $1.\n'));
    git(dir.path, 'add', 'docs/long.md', '.claude/commands/new.md');
    const result = lintStaged(dir.path);
    expect(summary(result.findings)).toEqual(['.claude/commands/new.md:4 zero-based-arguments']);
    expect(JSON.parse(runCli(['lint', '--staged', '--format', 'json'], { cwd: dir.path, env: gitEnv }).stdout).filesChecked).toBe(1);
  });

  it('checks references against what the commit will hold', () => {
    dir = initRepo({ 'docs/guide.md': '# Guide\n', '.claude/commands/a.md': command(2, 'Read @docs/guide.md and @docs/local-only.md.\n') });
    git(dir.path, 'add', 'docs/guide.md', '.claude/commands/a.md');
    dir.write('docs/local-only.md', 'not staged\n');
    const result = lintStaged(dir.path);
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining('@docs/local-only.md')]);
  });

  it('works from a subfolder, on the first commit, with symlinks and non-UTF-8 bytes', () => {
    dir = initRepo({
      'shared/cmd.md': command(150),
      'CLAUDE.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
    });
    mkdirSync(dir.join('.claude/commands'), { recursive: true });
    symlinkSync('../../shared/cmd.md', dir.join('.claude/commands/linked.md'));
    symlinkSync('../../nowhere.md', dir.join('.claude/commands/dangling.md'));
    mkdirSync(dir.join('sub'));
    git(dir.path, 'add', '.');
    const result = lintStaged(dir.join('sub'));
    expect(summary(result.findings)).toEqual([
      '.claude/commands/dangling.md:1 file-unreadable',
      '.claude/commands/linked.md:141 command-max-lines',
      'CLAUDE.md:1 encoding',
    ]);
  });

  it('exits 2 with a clear message outside a repository, and rejects file arguments', () => {
    dir = testdir({ 'a.md': 'x\n' });
    const outside = runCli(['lint', '--staged'], { cwd: dir.path, env: { ...gitEnv, GIT_CEILING_DIRECTORIES: dir.path } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--staged needs a git repository');
    const withArgs = runCli(['lint', '--staged', 'a.md'], { cwd: dir.path });
    expect(withArgs.code).toBe(2);
    expect(withArgs.stderr).toContain('--staged lints the staged files');
  });
});
