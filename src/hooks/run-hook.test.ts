import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { runHook } from './run-hook.js';
import { readStdin, readStdinFd } from './read-stdin.js';

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

/** A descriptor read by readStdinFd: each step is some bytes, 'EOF', or an error code ('EAGAIN': nothing yet). */
function fakeDescriptor(steps: string[]) {
  let clock = 0;
  const read = ((_fd: number, buffer: Buffer) => {
    const step = steps.shift() ?? 'EAGAIN';
    if (step === 'EOF') return 0;
    if (/^E[A-Z]+$/.test(step)) throw Object.assign(new Error(step), { code: step });
    return buffer.write(step);
  }) as unknown as typeof import('node:fs').readSync;
  return { read, now: () => clock, wait: async (ms: number) => void (clock += ms), pause: (ms: number) => void (clock += ms) };
}

describe('readStdinFd', () => {
  const limits = { maxBytes: 100, timeoutMs: 1000 };
  it('reads to the end of the stream', async () => {
    expect(await readStdinFd(0, limits, fakeDescriptor(['{"a":', 'EAGAIN', '1}', 'EOF']))).toMatchObject({ text: '{"a":1}' });
  });
  it('stops at one whole object even when the writer never closes the pipe', async () => {
    const result = await readStdinFd(0, limits, fakeDescriptor(['{"a":', 'EAGAIN', '{"b":2}}']));
    expect(result).toEqual({ text: '{"a":{"b":2}}', json: { value: { a: { b: 2 } } } });
  });
  it('keeps waiting while the object is not whole, then gives up at the timeout', async () => {
    expect(await readStdinFd(0, limits, fakeDescriptor(['{"a":{"b":2}']))).toEqual({ text: '', incomplete: 'timeout' });
  });
  it('stops at the size cap', async () => {
    expect(await readStdinFd(0, limits, fakeDescriptor(['x'.repeat(60), 'y'.repeat(60), 'EOF']))).toEqual({ text: '', incomplete: 'too-large' });
  });
  it('hands what it read to the stream reader when the descriptor fails otherwise', async () => {
    expect(await readStdinFd(0, limits, fakeDescriptor(['{"a":', 'EIO']))).toEqual({ prefix: Buffer.from('{"a":') });
  });
});
