// PostToolUseFailure through the built hook entry, with the payload Claude Code 2.1.197 sent for a failing Bash call.
// Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLog, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const REAL = JSON.parse(readFileSync(new URL('./fixtures/hooks/real/PostToolUseFailure-Bash.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let dir: TestDir;
afterEach(() => dir.cleanup());

describe('PostToolUseFailure', () => {
  it('captures a failing command with its exit status at once, printing nothing', async () => {
    dir = testdir({ 'ctxkit.config.json': '{}' });
    const payload = { ...REAL, cwd: dir.path, transcript_path: dir.join('none.jsonl') };
    expect(runHookProcess('PostToolUseFailure', payload, { root: dir.path })).toEqual({ code: 0, stdout: '', stderr: '' });
    // The same failure seen again (a retried hook) stays one discovery.
    runHookProcess('PostToolUseFailure', payload, { root: dir.path });
    expect(readLog(dir.path)).toBe('');
    await withStore(dir.path, async (store) => {
      const found = await store.find({ kinds: ['command'] });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ key: 'ls no-such-dir', toolUseId: 'toolu_bash_fail', meta: { exitCode: 2, failed: true, interrupted: false, description: 'List a missing dir' } });
      expect(found[0]!.summary).toContain("Exit code 2\nls: cannot access 'no-such-dir'");
    });
  });

  it('keeps nothing of a failed call on an excluded path', async () => {
    dir = testdir({ 'ctxkit.config.json': '{}' });
    const payload = { ...REAL, cwd: dir.path, tool_name: 'Read', tool_input: { file_path: dir.join('.env') }, tool_use_id: 'toolu_env', error: 'File does not exist.' };
    expect(runHookProcess('PostToolUseFailure', payload, { root: dir.path })).toEqual({ code: 0, stdout: '', stderr: '' });
    await withStore(dir.path, async (store) => expect(await store.find({ includeStale: true })).toEqual([]));
  });
});
