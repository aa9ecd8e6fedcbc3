import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { runHook } from './run-hook.js';
import { readStdin } from './read-stdin.js';

let dir: TestDir;
afterEach(() => dir?.cleanup());

const stop = (root: string) => JSON.stringify({ session_id: 's', cwd: root, hook_event_name: 'StopFailure', error: 'rate_limit' });

describe('runHook (in process)', () => {
  it('fails open when a handler throws: no output, exit 0, the error in the log', async () => {
    dir = testdir();
    const result = await runHook({
      event: 'StopFailure',
      stdin: Readable.from([stop(dir.path)]),
      env: {},
      cwd: dir.path,
      overrides: { store: async () => { throw new Error('disk on fire'); } },
    });
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(readFileSync(dir.join('.ctxkit', 'hooks.log'), 'utf8')).toMatch(/\tStopFailure\terror\tError: disk on fire\n$/);
  });

  it('uses the event cwd as root when CLAUDE_PROJECT_DIR is not set', async () => {
    dir = testdir();
    await runHook({ event: 'Nope', stdin: Readable.from([stop(dir.path)]), env: {}, cwd: '/nonexistent' });
    expect(readFileSync(dir.join('.ctxkit', 'hooks.log'), 'utf8')).toContain("unknown event 'Nope'");
  });
});

describe('readStdin', () => {
  it('reads to the end', async () => {
    expect(await readStdin(Readable.from(['{"a":', '1}']), { maxBytes: 100, timeoutMs: 1000 })).toEqual({ text: '{"a":1}', incomplete: undefined });
  });
  it('stops at the size cap', async () => {
    expect(await readStdin(Readable.from(['x'.repeat(50), 'y'.repeat(60)]), { maxBytes: 100, timeoutMs: 1000 })).toEqual({ text: '', incomplete: 'too-large' });
  });
  it('stops waiting after the timeout', async () => {
    const neverEnds = new Readable({ read() {} });
    neverEnds.push('{"a":');
    expect(await readStdin(neverEnds, { maxBytes: 100, timeoutMs: 50 })).toEqual({ text: '', incomplete: 'timeout' });
  });
});
