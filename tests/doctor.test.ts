// ctxkit doctor through the built CLI, in temp projects with an isolated Claude Code config folder.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

interface DoctorJson {
  ok: boolean;
  checks: Array<{ id: string; status: 'ok' | 'warn' | 'fail'; finding: string; fix: string; details?: string[] }>;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A temp project and an empty HOME; the real Claude Code 2.1.197 of this repo is first on PATH. */
function setup(files: Record<string, string> = {}): { project: TestDir; home: string; env: Record<string, string> } {
  const project = testdir(files);
  const home = mkdtempSync(join(tmpdir(), 'ctxkit-doctor-home-'));
  cleanups.push(project.cleanup, () => rmSync(home, { recursive: true, force: true }));
  const env = {
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    PATH: [join(PROJECT_ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    CLAUDE_PROJECT_DIR: '',
    CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS: '',
  };
  return { project, home, env };
}

function doctor(cwd: string, env: Record<string, string>, args: string[] = []): { code: number; stdout: string; stderr: string; json?: DoctorJson } {
  const result = runCli(['doctor', ...args], { cwd, env });
  return { ...result, ...(args.includes('--json') ? { json: JSON.parse(result.stdout) as DoctorJson } : {}) };
}

function check(json: DoctorJson | undefined, id: string) {
  const found = json?.checks.find((entry) => entry.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function install(cwd: string, env: Record<string, string>, args: string[] = []): void {
  const result = runCli(['install', ...args], { cwd, env });
  expect(result.code, result.stdout + result.stderr).toBe(0);
}

describe('ctxkit doctor', () => {
  it('says all is well after a plain install, and ran the hook entry without touching the project store', () => {
    const { project, env } = setup({ 'README.md': '# sample\n' });
    install(project.path, env);
    const result = doctor(project.path, env, ['--json']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.json?.ok).toBe(true);
    expect(result.json?.checks.filter((entry) => entry.status !== 'ok')).toEqual([]);
    expect(check(result.json, 'hooks-installed').finding).toContain(join(project.path, '.claude', 'settings.json'));
    expect(check(result.json, 'hook-run').finding).toMatch(/^SessionStart answered in \d+ ms \(first run, creating a store: \d+ ms\); timeout 10 s\.$/);
    expect(check(result.json, 'claude-version').finding).toMatch(/^Claude Code 2\.1\.197 /);
    // The probe ran in a scratch project: no store or log appeared here.
    expect(check(result.json, 'store').finding).toMatch(/^No store yet/);
    expect(check(result.json, 'hook-log').finding).toMatch(/^No hook log yet/);

    const text = doctor(project.path, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ok {4}hooks-installed +ctxkit hooks are installed once: /m);
    expect(text.stdout).toMatch(/0 failed, 0 warning\(s\), \d+ ok\.\n$/);

    // --skip-run only checks that the entry exists: a healthy install stays healthy.
    const skipped = doctor(project.path, env, ['--json', '--skip-run']);
    expect(skipped.code, skipped.stdout).toBe(0);
    expect(check(skipped.json, 'hook-run')).toMatchObject({ status: 'ok', finding: expect.stringMatching(/^Not run \(--skip-run\); the entry .*entry\.cjs exists\.$/) });
  });

  it('fails on a settings file with "timeout":"30", naming the file and that Claude Code ignores all of it', () => {
    const { project, env } = setup();
    install(project.path, env);
    const file = project.join('.claude', 'settings.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"timeout": 10', '"timeout": "30"'));
    const result = doctor(project.path, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL  settings-project     ${file}: Claude Code IGNORES THE WHOLE FILE (a field it rejects).`);
    expect(result.stdout).toMatch(new RegExp(`- ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: hooks\\.SessionStart\\[0\\]\\.hooks\\[0\\]\\.timeout: Unexpected the string "30", expected a positive number \\(seconds\\)`));
    expect(result.stdout).toContain('why/fix: One invalid field makes Claude Code drop every setting in the file (permissions, env, model and all hooks)');
    // With the only copy in an ignored file, ctxkit's hooks do not run at all.
    expect(result.stdout).toMatch(/FAIL {2}hooks-installed +ctxkit hooks are declared, but Claude Code runs none of them\./);
  });

  it('honours CLAUDE_CONFIG_DIR for the user settings, and reports a JSON syntax error there', () => {
    const { project, home, env } = setup();
    const configDir = join(home, 'elsewhere');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'settings.json'), '{\n  "model": "opus",\n}\n');
    const result = doctor(project.path, { ...env, CLAUDE_CONFIG_DIR: configDir }, ['--json']);
    expect(result.code).toBe(1);
    const user = check(result.json, 'settings-user');
    expect(user).toMatchObject({ status: 'fail', finding: `${join(configDir, 'settings.json')}: Claude Code IGNORES THE WHOLE FILE (not valid JSON).` });
    expect(user.details?.[0]).toMatch(new RegExp(`^${join(configDir, 'settings.json')}:3:1: not valid JSON`));
  });

  it('fails when ctxkit is installed in two scopes, and when an enabled plugin carries it too', () => {
    const { project, home, env } = setup();
    install(project.path, env);
    // The same command and args in two settings files run once (checked on 2.1.197): only flagged.
    install(project.path, env, ['--scope', 'user', '--force']);
    const identical = doctor(project.path, env, ['--json']);
    expect(identical.code).toBe(0);
    expect(check(identical.json, 'hooks-installed')).toMatchObject({ status: 'warn', finding: expect.stringMatching(/declared in 2 places/) });
    // Another command (here the absolute Node) makes a second handler: every event runs twice.
    install(project.path, env, ['--scope', 'user', '--force', '--node', 'absolute']);
    const twice = doctor(project.path, env, ['--json']);
    expect(twice.code).toBe(1);
    expect(check(twice.json, 'hooks-installed')).toMatchObject({ status: 'fail', finding: expect.stringMatching(/installed 2 times: every event runs more than once/) });
    expect(check(twice.json, 'hooks-installed').fix).toContain('ctxkit uninstall --scope user');

    // Back to one settings copy, plus the plugin (this repository) installed and enabled for the user.
    expect(runCli(['uninstall', '--scope', 'user'], { cwd: project.path, env }).code).toBe(0);
    const claudeDir = join(home, '.claude');
    mkdirSync(join(claudeDir, 'plugins'), { recursive: true });
    writeFileSync(join(claudeDir, 'plugins', 'installed_plugins.json'), JSON.stringify({ version: 2, plugins: { 'ctxkit@ctxkit': [{ scope: 'user', installPath: PROJECT_ROOT, version: '0.1.0' }] } }));
    writeFileSync(join(claudeDir, 'settings.json'), JSON.stringify({ enabledPlugins: { 'ctxkit@ctxkit': true } }));
    const withPlugin = doctor(project.path, env, ['--json']);
    expect(withPlugin.code).toBe(1);
    expect(check(withPlugin.json, 'hooks-installed').finding).toMatch(/installed 2 times.*plugin ctxkit@ctxkit/);
    expect(check(withPlugin.json, 'hooks-installed').fix).toContain('claude plugin disable ctxkit');

    // Disabled, the plugin is only mentioned.
    writeFileSync(join(claudeDir, 'settings.json'), JSON.stringify({ enabledPlugins: { 'ctxkit@ctxkit': false } }));
    const disabled = doctor(project.path, env, ['--json']);
    expect(check(disabled.json, 'hooks-installed')).toMatchObject({ status: 'ok', details: [expect.stringContaining('installed but not enabled')] });
  });

  it('warns about a stale generated file and exits 0', () => {
    const { project, env } = setup({ 'templates/commands/hello.md': '---\ndescription: Say hello\n---\n# Hello\n\nSay hello.\n' });
    expect(runCli(['generate'], { cwd: project.path, env }).code).toBe(0);
    const fresh = doctor(project.path, env, ['--json', '--skip-run']);
    expect(check(fresh.json, 'generated')).toMatchObject({ status: 'ok', finding: '1 generated file(s) up to date.' });
    project.write('templates/commands/hello.md', '---\ndescription: Say hello\n---\n# Hello\n\nSay hello twice.\n');
    const stale = doctor(project.path, env, ['--json', '--skip-run']);
    expect(stale.code).toBe(0);
    expect(check(stale.json, 'generated')).toMatchObject({ status: 'warn', details: ['stale: .claude/commands/hello.md'] });
  });

  it('shows the last errors of a damaged hook log', () => {
    const { project, env } = setup();
    const now = Date.now();
    const line = (offsetMinutes: number, event: string, level: string, message: string) => `${new Date(now - offsetMinutes * 60_000).toISOString()}\t${event}\t${level}\t${message}\n`;
    project.write(
      '.ctxkit/hooks.log',
      Buffer.concat([
        Buffer.from(line(30, 'SessionStart', 'debug', 'done in 12 ms')),
        Buffer.from([0x00, 0xff, 0xfe, 0x0a]),
        Buffer.from('truncated li'),
        Buffer.from('\n' + line(20, 'PostToolUse', 'error', 'SqliteError: database is locked')),
        Buffer.from(line(10, 'Stop', 'error', "Error: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115")),
      ]),
    );
    const result = doctor(project.path, env, ['--skip-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warn {2}hook-log +2 error\(s\) in .*hooks\.log in the last 7 days; the last 2:/);
    expect(result.stdout).toMatch(/- \S+ PostToolUse: SqliteError: database is locked\n/);
    expect(result.stdout).toMatch(/- \S+ Stop: Error: The module was compiled against a different Node\.js version/);
    expect(result.stdout).toContain('- 2 line(s) could not be read as log entries');
    expect(result.stdout).toContain('why/fix: better-sqlite3 was built for a different Node version; run `npm rebuild better-sqlite3`');
  });

  it('fails on a store written by a newer ctxkit, read-only', () => {
    const { project, env } = setup();
    const file = project.join('.ctxkit', 'ctxkit.db');
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('application_id = 1668574001');
    db.pragma('user_version = 9990');
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = readFileSync(file);
    const result = doctor(project.path, env, ['--json', '--skip-run']);
    expect(result.code).toBe(1);
    expect(check(result.json, 'store')).toMatchObject({ status: 'fail', finding: expect.stringMatching(/schema version 9990, newer than this ctxkit knows/) });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('fails when the hook command names a Node that does not exist', () => {
    const { project, env } = setup();
    install(project.path, env, ['--scope', 'local', '--node', '/nonexistent/bin/node']);
    const result = doctor(project.path, env, ['--json']);
    expect(result.code).toBe(1);
    expect(check(result.json, 'hook-node')).toMatchObject({ status: 'fail', finding: expect.stringContaining('/nonexistent/bin/node') });
  });
});
