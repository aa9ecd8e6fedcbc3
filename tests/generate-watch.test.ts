import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir | undefined;
let child: ChildProcess | undefined;
let stdout = '';
let stderr = '';
const stdoutSoFar = () => stdout;
const stderrSoFar = () => stderr;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  dir?.cleanup();
});

/** Polls until `check` holds; the deadline only stops a hung test, it is not a performance bound. */
async function waitFor(what: string, check: () => boolean, deadlineMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (child && child.exitCode !== null) throw new Error(`the watcher exited (${child.exitCode}) while waiting for ${what}; stderr: ${stderrSoFar()}`);
    if (Date.now() - start > deadlineMs) throw new Error(`gave up waiting for ${what}; stdout: ${stdoutSoFar()} stderr: ${stderrSoFar()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('ctxkit generate --watch (built CLI)', () => {
  it('rebuilds on save, reports a template error and keeps running, rebuilds once fixed', async () => {
    dir = testdir({
      'templates/commands/hello.md': '# Hello\n\nSay hello.\n',
      'templates/partials/sign.md': 'Signed.\n',
    });
    const output = dir.join('.claude/commands/hello.md');
    const read = () => (existsSync(output) ? readFileSync(output, 'utf8') : '');
    stdout = '';
    stderr = '';
    child = spawn(process.execPath, [CLI, 'generate', '--watch'], { cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));

    await waitFor('the watcher to start', () => stdout.includes('Watching templates/'));
    expect(read()).toContain('Say hello.');

    dir.write('templates/commands/hello.md', '# Hello\n\nSay hello twice.\n\n{{> sign}}\n');
    await waitFor('the rebuilt output', () => read().includes('Say hello twice.\n\nSigned.\n'));
    await waitFor('the rebuild report', () => /update\s+\.claude\/commands\/hello\.md/.test(stdout));

    const beforeError = read();
    dir.write('templates/commands/hello.md', '# Hello\n\nSay {{nobody}}.\n');
    await waitFor('the error report', () => stderr.includes('Not rebuilt; waiting for the next save.'));
    expect(stderr).toContain("templates/commands/hello.md:3: error: Undefined variable '{{nobody}}'");
    expect(child.exitCode).toBeNull();
    expect(read()).toBe(beforeError);

    dir.write('templates/commands/hello.md', '# Hello\n\nSay hello, fixed.\n');
    await waitFor('the output after the fix', () => read().includes('Say hello, fixed.'));

    dir.write('templates/commands/second.md', 'Second.\n');
    await waitFor('a new template to compile', () => existsSync(dir?.join('.claude/commands/second.md') ?? ''));

    // A config created while watching is picked up (its variables are used on the rebuild it triggers).
    dir.write('templates/commands/hello.md', '# Hello\n\nSay hello to {{who}}.\n');
    await waitFor('the undefined variable to be reported', () => stderr.includes("Undefined variable '{{who}}'"));
    dir.write('ctxkit.config.json', JSON.stringify({ variables: { who: 'the team' } }));
    await waitFor('the rebuild with the new config', () => read().includes('Say hello to the team.'));

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
