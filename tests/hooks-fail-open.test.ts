import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, readLog, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
let vars: Record<string, string>;

beforeEach(() => {
  dir = testdir({ 'src/config.ts': 'export {}\n' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
});
afterEach(() => dir.cleanup());

const quiet = { code: 0, stdout: '', stderr: '' };

// A 10 MB build log of one repeated line.
const line = 'build step output line with some words in it 0123456789\n';
const stdout = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));

function errorLines(root: string): string[] {
  return readLog(root).split('\n').filter((line) => line.includes('\terror\t'));
}

describe('hook entry fails open', () => {
  it('on malformed JSON: exit 0, no output, one log line', () => {
    expect(runHookProcess('PostToolUse', '{"session_id": "s", ', { root: dir.path })).toEqual(quiet);
    const lines = errorLines(dir.path);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.*\tPostToolUse\terror\tstdin is not valid JSON/);
  });

  it('on an unknown event', () => {
    expect(runHookProcess('Frobnicate', fixture('stop', vars), { root: dir.path })).toEqual(quiet);
    expect(errorLines(dir.path)[0]).toContain("unknown event 'Frobnicate'");
  });

  it('on an event name that does not match the payload, or a missing field', () => {
    expect(runHookProcess('PostToolUse', fixture('stop', vars), { root: dir.path })).toEqual(quiet);
    const { tool_use_id: _dropped, ...withoutId } = fixture('post-tool-use.bash', vars);
    expect(runHookProcess('PostToolUse', withoutId, { root: dir.path })).toEqual(quiet);
    const lines = errorLines(dir.path);
    expect(lines[0]).toContain('hook_event_name is "Stop", expected "PostToolUse"');
    expect(lines[1]).toContain('field tool_use_id is missing');
  });

  it('when the store folder cannot be created (and the log neither): silent', () => {
    writeFileSync(dir.join('.ctxkit'), 'a file where the store folder should be');
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.bash', vars), { root: dir.path })).toEqual(quiet);
  });

  it('when the store folder is elsewhere and unwritable, logging the error', () => {
    dir.write('ctxkit.config.json', JSON.stringify({ store: { dir: 'blocked/store' } }));
    dir.write('blocked', 'not a folder');
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.bash', vars), { root: dir.path })).toEqual(quiet);
    // The log lives in the store folder; it cannot be created either, so nothing else is written.
    expect(existsSync(dir.join('.ctxkit'))).toBe(false);
  });

  it('when a handler throws (store from a newer ctxkit): exit 0, the error logged, the store untouched', async () => {
    runHookProcess('SessionStart', fixture('session-start', vars), { root: dir.path });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dir.join('.ctxkit', 'ctxkit.db'));
    db.pragma('user_version = 9999');
    db.close();
    // An Edit opens the store (it marks earlier reads stale); a small Bash output would only be spooled.
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.edit', vars), { root: dir.path })).toEqual(quiet);
    expect(errorLines(dir.path).at(-1)).toContain('DbFromFutureError');
    expect(readdirSync(dir.join('.ctxkit')).some((name) => name.includes('corrupt'))).toBe(false);
  });

  it('on a broken ctxkit.config.json', () => {
    dir.write('ctxkit.config.json', '{ not json');
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.bash', vars), { root: dir.path })).toEqual(quiet);
    expect(errorLines(dir.path)[0]).toContain('ConfigError');
  });

  it('handles a 10 MB Bash output: exit 0, one small replacement, the original kept', async () => {
    const payload = { ...fixture('post-tool-use.bash', vars), tool_response: { stdout, stderr: '', interrupted: false, isImage: false } };
    const result = runHookProcess('PostToolUse', payload, { root: dir.path });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.length).toBeLessThan(9000);
    const replaced = JSON.parse(result.stdout).hookSpecificOutput;
    expect(replaced.hookEventName).toBe('PostToolUse');
    expect(replaced.updatedToolOutput).toMatchObject({ stderr: '', interrupted: false, isImage: false });
    expect(replaced.updatedToolOutput.stdout).toContain(line.trim());
    expect(replaced.updatedToolOutput.stdout).toMatch(/ctxkit show \d+/);
    expect(errorLines(dir.path)).toEqual([]);
    await withStore(dir.path, async (store) => {
      const [command] = await store.find({ kinds: ['command'] });
      expect(command.rawBytes).toBe(Buffer.byteLength(stdout));
      expect(command.summary.length).toBeLessThan(3000);
      expect((await store.getOriginal(command.id))!.text).toBe(stdout);
    });
  });

  it('handles a 10 MB Bash output with in-flight compression off: exit 0, no output, stored with a small summary', async () => {
    dir.write('ctxkit.config.json', JSON.stringify({ inflight: { mode: 'off' } }));
    const payload = { ...fixture('post-tool-use.bash', vars), tool_response: { stdout, stderr: '', interrupted: false, isImage: false } };
    expect(runHookProcess('PostToolUse', payload, { root: dir.path })).toEqual(quiet);
    expect(errorLines(dir.path)).toEqual([]);
    await withStore(dir.path, async (store) => {
      const [command] = await store.find({ kinds: ['command'] });
      expect(command.rawBytes).toBe(Buffer.byteLength(stdout));
      expect(command.summary.length).toBeLessThan(3000);
      expect(command.summary).toContain('lines omitted');
      expect((await store.getOriginal(command.id))!.text).toBe(stdout);
    });
  });

  it('sets aside a corrupted store file and keeps working', async () => {
    dir.write('.ctxkit/ctxkit.db', Buffer.from('garbage '.repeat(1000)));
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.edit', vars), { root: dir.path })).toEqual(quiet);
    expect(readdirSync(dir.join('.ctxkit')).filter((name) => name.startsWith('ctxkit.db.corrupt-'))).toHaveLength(1);
    expect(errorLines(dir.path)[0]).toContain('moved to');
    await withStore(dir.path, async (store) => expect((await store.counts()).discoveries).toBe(1));
  });

  it('writes debug lines only with CTXKIT_DEBUG=1', () => {
    runHookProcess('PostToolUse', fixture('post-tool-use.bash', vars), { root: dir.path });
    expect(readLog(dir.path)).toBe('');
    runHookProcess('PostToolUse', fixture('post-tool-use.grep', vars), { root: dir.path, env: { CTXKIT_DEBUG: '1' } });
    expect(readLog(dir.path)).toMatch(/\tPostToolUse\tdebug\tcaptured Grep toolu_01GREP/);
  });

  it('finishes an event whose writer never closes stdin, once the JSON is whole', async () => {
    const { spawn } = await import('node:child_process');
    const { ENTRY } = await import('./fixtures/hooks/run-hook-process.js');
    const child = spawn(process.execPath, [ENTRY, 'PostToolUse'], { cwd: dir.path, env: { ...process.env, CLAUDE_PROJECT_DIR: dir.path, CTXKIT_HOOK_TIMEOUT_MS: '5000' } });
    child.stdin.write(JSON.stringify(fixture('post-tool-use.grep', vars)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    // Had it waited for an end of stdin that never came, the safety deadline would have ended it (logged) before capture.
    expect(errorLines(dir.path)).toEqual([]);
    await withStore(dir.path, async (store) => expect((await store.find({ kinds: ['search'] })).map((item) => item.toolUseId)).toEqual(['toolu_01GREP']));
  });

  it('prints nothing on stderr when Node is asked for pending deprecation warnings', () => {
    expect(runHookProcess('PostToolUse', fixture('post-tool-use.grep', vars), { root: dir.path, env: { NODE_OPTIONS: '--pending-deprecation' } })).toEqual(quiet);
  });

  it('ends quietly at the safety deadline when stdin never closes', async () => {
    const { spawn } = await import('node:child_process');
    const { ENTRY } = await import('./fixtures/hooks/run-hook-process.js');
    const child = spawn(process.execPath, [ENTRY, 'PostToolUse'], { cwd: dir.path, env: { ...process.env, CLAUDE_PROJECT_DIR: dir.path, CTXKIT_HOOK_TIMEOUT_MS: '500' } });
    child.stdin.write('{"session_id":');
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(errorLines(dir.path)[0]).toContain('timed out after 500 ms');
  });
});
