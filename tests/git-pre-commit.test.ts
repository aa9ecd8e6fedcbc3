import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installPreCommit, uninstallPreCommit } from '../src/git/pre-commit.js';
import { CLI } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

// Real repositories, isolated from the machine's global git config (a global core.hooksPath would change where hooks go).
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', CTXKIT_SKIP_HOOKS: undefined, HUSKY: undefined };
const command = [process.execPath, CLI];

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...gitEnv, ...env } });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function initRepo(files: Record<string, string> = {}): TestDir {
  const dir = testdir(files);
  git(dir.path, ['init', '-q', '-b', 'main']);
  git(dir.path, ['config', 'user.name', 'Test User']);
  git(dir.path, ['config', 'user.email', 'test@example.com']);
  git(dir.path, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `Step ${i + 1}.`).join('\n') + '\n';
const deployCommand = (bodyLines: number) => `---\ndescription: Deploy the app\n---\n${lines(bodyLines)}`;

function commitFile(dir: TestDir, path: string, content: string, env: NodeJS.ProcessEnv = {}) {
  dir.write(path, content);
  git(dir.path, ['add', path]);
  return git(dir.path, ['commit', '-q', '-m', `change ${path}`], env);
}

let dir: TestDir | undefined;
afterEach(() => dir?.cleanup());

describe('git pre-commit hook (real repositories)', () => {
  it('refuses a commit with an over-budget command, lets the fixed one through, and uninstalls cleanly', async () => {
    dir = initRepo({ 'README.md': '# Project\n' });
    git(dir.path, ['add', '.']);
    git(dir.path, ['commit', '-q', '-m', 'initial']);

    const installed = await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    const hook = join(dir.path, '.git/hooks/pre-commit');
    expect(installed).toEqual({ status: 'installed', path: hook, message: expect.stringContaining('Created') });
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(await installPreCommit({ cwd: dir.path, command, env: gitEnv })).toMatchObject({ status: 'unchanged' });

    const refused = commitFile(dir, '.claude/commands/deploy.md', deployCommand(200));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('.claude/commands/deploy.md:141:1');
    expect(refused.output).toContain('Unexpected 203 lines, expected at most 140');
    expect(refused.output).toContain('ctxkit: commit refused');
    expect(git(dir.path, ['log', '--oneline']).output.trim().split('\n')).toHaveLength(1);

    const accepted = commitFile(dir, '.claude/commands/deploy.md', deployCommand(100));
    expect(accepted.code).toBe(0);
    expect(git(dir.path, ['log', '--oneline']).output.trim().split('\n')).toHaveLength(2);

    expect(await uninstallPreCommit({ cwd: dir.path, env: gitEnv })).toMatchObject({ status: 'removed', path: hook });
    expect(existsSync(hook)).toBe(false);
    expect(await uninstallPreCommit({ cwd: dir.path, env: gitEnv })).toMatchObject({ status: 'not-installed' });
  });

  it('lints what is staged, not the work tree', async () => {
    dir = initRepo();
    await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    dir.write('.claude/commands/deploy.md', deployCommand(200));
    git(dir.path, ['add', '.claude/commands/deploy.md']);
    dir.write('.claude/commands/deploy.md', deployCommand(10));
    expect(git(dir.path, ['commit', '-q', '-m', 'staged is too long']).code).not.toBe(0);
    git(dir.path, ['add', '.claude/commands/deploy.md']);
    dir.write('.claude/commands/deploy.md', deployCommand(500));
    expect(git(dir.path, ['commit', '-q', '-m', 'staged is fine']).code).toBe(0);
  });

  it('lets a commit through with CTXKIT_SKIP_HOOKS=1, and install honours it too', async () => {
    dir = initRepo();
    await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    expect(commitFile(dir, '.claude/commands/deploy.md', deployCommand(200), { CTXKIT_SKIP_HOOKS: '1' }).code).toBe(0);
    await uninstallPreCommit({ cwd: dir.path, env: gitEnv });
    expect(await installPreCommit({ cwd: dir.path, command, env: { ...gitEnv, CTXKIT_SKIP_HOOKS: '1' } })).toMatchObject({ status: 'skipped' });
    expect(existsSync(join(dir.path, '.git/hooks/pre-commit'))).toBe(false);
  });

  it('adds to an existing hook under core.hooksPath and uninstall restores it exactly', async () => {
    dir = initRepo();
    const original = '#!/bin/sh\n# team hook\necho "team check ran" >&2\nexit 0\n';
    dir.write('.githooks/pre-commit', original);
    chmodSync(dir.join('.githooks/pre-commit'), 0o755);
    git(dir.path, ['config', 'core.hooksPath', '.githooks']);

    const installed = await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    expect(installed).toMatchObject({ status: 'installed', path: dir.join('.githooks/pre-commit') });
    expect(existsSync(dir.join('.git/hooks/pre-commit'))).toBe(false);

    const refused = commitFile(dir, '.claude/commands/deploy.md', deployCommand(200));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('team check ran');
    expect(refused.output).toContain('command-max-lines');

    expect(await uninstallPreCommit({ cwd: dir.path, env: gitEnv })).toMatchObject({ status: 'removed' });
    expect(readFileSync(dir.join('.githooks/pre-commit'), 'utf8')).toBe(original);
    expect(statSync(dir.join('.githooks/pre-commit')).mode & 0o777).toBe(0o755);
    expect(commitFile(dir, '.claude/commands/deploy.md', deployCommand(200)).code).toBe(0);
  });

  it('works next to husky: edits .husky/pre-commit, not the generated stubs, and restores it exactly', async () => {
    dir = initRepo({ 'package.json': '{"name":"x","scripts":{"check":"echo husky-step-ran >&2"}}\n' });
    // husky 9's layout: core.hooksPath=.husky/_, stubs there source `h`, which runs the user's .husky/<hook> with sh -e.
    dir.write('.husky/_/h', '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n');
    dir.write('.husky/_/pre-commit', '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n');
    chmodSync(dir.join('.husky/_/pre-commit'), 0o755);
    const original = 'echo husky-step-ran >&2';
    dir.write('.husky/pre-commit', original);
    git(dir.path, ['config', 'core.hooksPath', '.husky/_']);

    const installed = await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    expect(installed).toMatchObject({ status: 'installed', path: dir.join('.husky/pre-commit') });
    expect(readFileSync(dir.join('.husky/_/pre-commit'), 'utf8')).toBe('#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n');

    const refused = commitFile(dir, '.claude/commands/deploy.md', deployCommand(200));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('husky-step-ran');
    expect(refused.output).toContain('Unexpected 203 lines, expected at most 140');
    expect(commitFile(dir, '.claude/commands/deploy.md', deployCommand(20)).code).toBe(0);

    expect(await uninstallPreCommit({ cwd: dir.path, env: gitEnv })).toMatchObject({ status: 'removed' });
    expect(readFileSync(dir.join('.husky/pre-commit'), 'utf8')).toBe(original);
  });

  it('updates its block when the command moves, keeping the rest', async () => {
    dir = initRepo();
    dir.write('.git/hooks/pre-commit', '#!/bin/sh\necho mine\n');
    chmodSync(dir.join('.git/hooks/pre-commit'), 0o644);
    // git ignores a hook without execute bits; install makes it run (and says so), uninstall undoes that.
    expect((await installPreCommit({ cwd: dir.path, command, env: gitEnv })).message).toContain('ctxkit made it executable');
    expect(statSync(dir.join('.git/hooks/pre-commit')).mode & 0o777).toBe(0o755);
    const moved = await installPreCommit({ cwd: dir.path, command: ['/usr/bin/env', 'node', '/elsewhere/ctxkit.js'], env: gitEnv });
    expect(moved.status).toBe('updated');
    const text = readFileSync(dir.join('.git/hooks/pre-commit'), 'utf8');
    expect(text).toContain('/elsewhere/ctxkit.js');
    expect(text.match(/# >>> ctxkit >>>/g)).toHaveLength(1);
    // A ctxkit that is gone must not block commits: the hook warns and lets it through.
    const result = commitFile(dir, '.claude/commands/deploy.md', deployCommand(200));
    expect(result.code).toBe(0);
    expect(result.output).toContain('/elsewhere/ctxkit.js not found; skipping ctxkit checks');
    await uninstallPreCommit({ cwd: dir.path, env: gitEnv });
    expect(readFileSync(dir.join('.git/hooks/pre-commit'), 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(statSync(dir.join('.git/hooks/pre-commit')).mode & 0o777).toBe(0o644);
  });

  it('runs ctxkit generate --check when templates are staged', async () => {
    dir = initRepo({ 'templates/commands/deploy.md': '---\ndescription: Deploy\n---\n# Deploy\n\nShip it.\n' });
    expect(spawnSync(process.execPath, [CLI, 'generate'], { cwd: dir.path }).status).toBe(0);
    git(dir.path, ['add', '.']);
    expect(git(dir.path, ['commit', '-q', '-m', 'initial']).code).toBe(0);
    await installPreCommit({ cwd: dir.path, command, env: gitEnv });
    const refused = commitFile(dir, 'templates/commands/deploy.md', '---\ndescription: Deploy\n---\n# Deploy\n\nShip it now.\n');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('stale');
    expect(refused.output).toContain('ctxkit: commit refused');
    expect(spawnSync(process.execPath, [CLI, 'generate'], { cwd: dir.path }).status).toBe(0);
    git(dir.path, ['add', '.']);
    expect(git(dir.path, ['commit', '-q', '-m', 'regenerated']).code).toBe(0);
  });

  it('returns skipped without a repository or without git', async () => {
    dir = testdir({ 'README.md': 'x\n' });
    const outside = await installPreCommit({ cwd: dir.path, command, env: { ...gitEnv, GIT_CEILING_DIRECTORIES: dir.path } });
    expect(outside).toMatchObject({ status: 'skipped', message: expect.stringContaining('not inside a git repository') });
    const noGit = await installPreCommit({ cwd: dir.path, command, env: { PATH: join(dir.path, 'no-bin') } });
    expect(noGit).toEqual({ status: 'skipped', message: 'git was not found on PATH; no git hook was touched.' });
    expect(await uninstallPreCommit({ cwd: dir.path, env: { PATH: join(dir.path, 'no-bin') } })).toMatchObject({ status: 'skipped' });
  });
});
