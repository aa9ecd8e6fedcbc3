/** `ctxkit install` / `uninstall` through the built CLI, as a user runs them (run `npm run build` first). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CTXKIT_HOOK_PLAN } from '../src/claude/ctxkit-hooks.js';
import { PROJECT_ROOT, runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dirs: TestDir[] = [];
afterEach(() => {
  for (const dir of dirs) dir.cleanup();
  dirs = [];
});

function project(files: Record<string, string> = {}) {
  const dir = testdir({ 'home/.keep': '', 'repo/.keep': '', ...Object.fromEntries(Object.entries(files).map(([path, content]) => [`repo/${path}`, content])) });
  dirs.push(dir);
  const env = { HOME: dir.join('home'), CLAUDE_CONFIG_DIR: dir.join('home/.claude') };
  const run = (...args: string[]) => runCli(args, { cwd: dir.join('repo'), env });
  return { dir, repo: dir.join('repo'), run };
}

const ENTRY = join(PROJECT_ROOT, 'dist/hooks/entry.cjs');
const original = '{\n  "model": "opus",\n  "hooks": {\n    "Stop": [\n      {\n        "hooks": [\n          {\n            "type": "command",\n            "command": "echo done"\n          }\n        ]\n      }\n    ]\n  }\n}\n';

describe('ctxkit install (CLI)', () => {
  it('installs, says "already installed" on a second run with the file byte-identical, and uninstall restores it', () => {
    const { repo, run } = project({ '.claude/settings.json': original });
    const file = join(repo, '.claude/settings.json');
    const first = run('install');
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Installed ctxkit hooks in .claude/settings.json (project scope): ${CTXKIT_HOOK_PLAN.length} events.`);
    expect(first.stdout).toContain('backup:     .claude/settings.json.ctxkit-backup');
    const installed = readFileSync(file, 'utf8');
    expect(JSON.parse(installed).hooks.Stop[1].hooks[0]).toEqual({ type: 'command', command: 'node', args: [ENTRY, 'Stop'], timeout: 15 });

    const second = run('install');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already installed in .claude/settings.json (project scope); nothing changed.');
    expect(readFileSync(file, 'utf8')).toBe(installed);

    const removed = run('uninstall');
    expect(removed, removed.stderr).toMatchObject({ code: 0 });
    expect(removed.stdout).toContain(`Removed ctxkit hooks from .claude/settings.json (project scope): ${CTXKIT_HOOK_PLAN.length} events.`);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(join(repo, '.gitignore'))).toBe(false);
    expect(existsSync(join(repo, '.ctxkit'))).toBe(false);
  });

  it('prints JSON for machines', () => {
    const { run } = project();
    const result = run('install', '--json', '--scope', 'local', '--node', 'absolute');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ command: 'install', status: 'installed', scope: 'local', node: process.execPath, entryPath: ENTRY, gitignoreAdded: true });
    expect(report.changes).toHaveLength(CTXKIT_HOOK_PLAN.length);
    expect(report.files.map((file: { role: string }) => file.role)).toEqual(['settings', 'gitignore', 'manifest']);
    const again = JSON.parse(run('uninstall', '--json').stdout);
    expect(again).toMatchObject({ command: 'uninstall', status: 'removed', gitignoreRemoved: true });
  });

  it('refuses a settings file that is not valid JSON, naming file, line and column, and leaves it untouched', () => {
    const broken = '{\n  "model": "opus",\n  // a comment\n}\n';
    const { repo, run } = project({ '.claude/settings.json': broken });
    const result = run('install');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.claude/settings.json:3:3: not valid JSON: Unexpected comment');
    expect(readFileSync(join(repo, '.claude/settings.json'), 'utf8')).toBe(broken);
    expect(existsSync(join(repo, '.gitignore'))).toBe(false);
    expect(existsSync(join(repo, '.ctxkit'))).toBe(false);
  });

  it('refuses a timeout written as a string: Claude Code would ignore the whole file', () => {
    const text = '{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"x","timeout":"30"}]}]}}\n';
    const { repo, run } = project({ '.claude/settings.json': text });
    const result = run('install');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('hooks.Stop[0].hooks[0].timeout: Unexpected the string "30", expected a positive number (seconds)');
    expect(readFileSync(join(repo, '.claude/settings.json'), 'utf8')).toBe(text);
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const { repo, run } = project({ '.claude/settings.json': original });
    const result = run('install', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/.claude/settings.json\n+++ b/.claude/settings.json\n@@ ');
    expect(result.stdout).toContain(`+              "${ENTRY}",`);
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(readFileSync(join(repo, '.claude/settings.json'), 'utf8')).toBe(original);
    expect(existsSync(join(repo, '.claude/settings.json.ctxkit-backup'))).toBe(false);
    expect(existsSync(join(repo, '.gitignore'))).toBe(false);
  });

  it('exits 1 and writes nothing when the user scope already runs ctxkit', () => {
    const { repo, run } = project();
    expect(run('install', '--scope', 'user').code).toBe(0);
    const result = run('install');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ctxkit hooks are already active in');
    expect(result.stdout).toContain("Run 'ctxkit uninstall --scope user' first, or add --force");
    expect(existsSync(join(repo, '.claude'))).toBe(false);
    expect(run('install', '--force').code).toBe(0);
    expect(existsSync(join(repo, '.claude/settings.json'))).toBe(true);
  });

  it('rejects an unknown scope and a relative --node', () => {
    const { run } = project();
    expect(run('install', '--scope', 'global')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unexpected --scope 'global'") });
    expect(run('install', '--node', 'bin/node')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unexpected --node 'bin/node'") });
  });

  it('uninstall with nothing installed says so and changes nothing', () => {
    const { run } = project({ '.claude/settings.json': original });
    const result = run('uninstall');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No ctxkit hooks found');
  });
});

describe('ctxkit install --git-hook (CLI)', () => {
  it('cannot be combined with --scope or --dry-run', () => {
    const { run } = project();
    expect(run('install', '--git-hook', '--dry-run')).toMatchObject({ code: 2, stderr: expect.stringContaining('--git-hook cannot be combined') });
    expect(run('uninstall', '--git-hook', '--scope', 'user')).toMatchObject({ code: 2, stderr: expect.stringContaining('--git-hook cannot be combined') });
  });

  it('installs and removes the pre-commit hook in a git repository, leaving settings alone', () => {
    const { repo, run } = project();
    const git = spawnSync('git', ['init', '-q'], { cwd: repo });
    expect(git.status).toBe(0);
    const installed = run('install', '--git-hook', '--json');
    expect(installed, installed.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(installed.stdout).gitHook.status).toBe('installed');
    expect(existsSync(join(repo, '.claude'))).toBe(false);
    const removed = run('uninstall', '--git-hook', '--json');
    expect(removed, removed.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(removed.stdout).gitHook.status).toBe('removed');
  });
});
